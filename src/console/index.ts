export * from './ConsoleUsers';
export * from './ConsoleSessions';
export * from './ConsoleRoutes';
