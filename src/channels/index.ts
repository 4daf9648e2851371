export * from './ActivityRenderer';
