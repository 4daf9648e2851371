export * from './Clock';
export * from './loopback';
