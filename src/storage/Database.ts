import { join } from 'node:path';
import type { Pool } from 'pg';
import type { BookingRepository } from '../booking/BookingRepository';
import type { AppConfig } from '../config/AppConfig';
import type { CurationRepository } from '../curation/CurationRepository';
import type { TicketRepository } from '../handoff/TicketRepository';
import type { Clock } from '../util/Clock';
import type { ConversationLocks } from '../util/ConversationLocks';
import type { PostgresNotifications } from './PostgresNotifications';
import { PostgresDatabase } from './PostgresDatabase';
import { SqliteDatabase } from './SqliteDatabase';
import type { StateStore } from './StateStore';

/** The storage backend the service runs on, whichever it is. */
export interface Database extends StateStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly bookings: BookingRepository;
  readonly tickets: TicketRepository;
  readonly curation: CurationRepository;
  /** One conversation's turns one at a time: in this process (SQLite) or across instances (PostgreSQL). */
  readonly turns: ConversationLocks;
  /** PostgreSQL only: the pool and LISTEN/NOTIFY for the other stores the instances share (web chat, console). */
  readonly shared?: { pool: Pool; notifications: PostgresNotifications };
  ping(): Promise<void>;
  close(): Promise<void>;
}

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
