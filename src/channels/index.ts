export * from './ActivityRenderer';
export * from './directline';
export * from './web';
export * from './whatsapp';
export * from './escapeMarkdown';
