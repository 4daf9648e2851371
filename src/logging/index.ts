export * from './Logger';
