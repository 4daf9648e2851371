export * from './Clock';
