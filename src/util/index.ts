export * from './Clock';
export * from './loopback';
export * from './WordsByKey';
