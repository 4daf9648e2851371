export * from './ActivityValidator';
export * from './BotServer';
export * from './ChannelAuthentication';
export * from './HttpCloudAdapter';
export * from './inSequence';
export * from './RateLimiter';
export * from './rateLimit';
export * from './SecurityHeaders';
