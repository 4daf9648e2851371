export * from './CurationRepository';
