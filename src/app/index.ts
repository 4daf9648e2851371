export * from './createApp';
