export * from './Tier';
export * from './RedFlagDetector';
export * from './SafetyTexts';
export * from './CrisisNet';
export * from './PhrasePatterns';
