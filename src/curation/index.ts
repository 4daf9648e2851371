export * from './CurationRepository';
export * from './stripPersonalDetails';
