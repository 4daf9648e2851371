export * from './types';
export * from './TextNormalizer';
export * from './TypoCorrector';
export * from './EmergencyDetector';
export * from './TopicIndex';
export * from './Router';
export * from './LetterFrame';
export * from './boundForRouting';
