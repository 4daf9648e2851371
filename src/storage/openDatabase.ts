import { join } from 'node:path';
import type { AppConfig } from '../config/AppConfig';
import type { Clock } from '../util/Clock';
import type { Database } from './Database';
import { PostgresDatabase } from './PostgresDatabase';
import { SqliteDatabase } from './SqliteDatabase';

/** Opens PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR, and applies migrations. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'database'>>,
  clock: Clock,
  onBackgroundError?: (err: unknown) => void,
): Promise<Database> {
  if (config.databaseUrl) return new PostgresDatabase(config.databaseUrl, clock, config.database, onBackgroundError).open();
  const sqlite = new SqliteDatabase(join(config.dataDir, 'fysio-assistent.sqlite'), clock, { lockWaitMs: config.database?.lockWaitMs });
  sqlite.migrate();
  return sqlite;
}
