export * from './dialogIds';
export * from './MainDialog';
