export * from './AppConfig';
export * from './ConfigError';
