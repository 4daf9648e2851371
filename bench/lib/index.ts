export * from './SeededRandom';
export * from './Percentiles';
export * from './DutchWordList';
export * from './SyntheticKnowledge';
export * from './RoutingBenchmark';
export * from './CpuProfileSummary';
