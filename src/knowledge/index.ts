export * from './types';
export * from './schemas';
export * from './KnowledgeLoader';
export * from './KnowledgeLinter';
export * from './requiredTopics';
export * from './loadValidatedKnowledge';
export * from './ReviewState';
