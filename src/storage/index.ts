export * from './StateStore';
export * from './BotStorage';
export * from './migrations';
export * from './SqliteDatabase';
export * from './PostgresDatabase';
export * from './Database';
export * from './SqliteBookingRepository';
export * from './PostgresBookingRepository';
