export * from './ActivityValidator';
export * from './BotServer';
