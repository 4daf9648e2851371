export * from './ConsoleUsers';
export * from './ConsoleSessions';
export * from './ConsoleRoutes';
export * from './SignInThrottle';
export * from './ConsoleViews';
export * from './PostgresConsoleSessions';
