import { join } from 'node:path';
import type { Pool } from 'pg';
import { PostgresNotifications } from './PostgresNotifications';
import type { AppConfig } from '../config/AppConfig';
import type { Clock } from '../util/Clock';
import { PostgresDatabase } from './PostgresDatabase';
import { SqliteDatabase } from './SqliteDatabase';
import type { StateStore } from './StateStore';
import type { BookingRepository } from '../booking/BookingRepository';
import type { TicketRepository } from '../handoff/TicketRepository';
import type { CurationRepository } from '../curation/CurationRepository';
import type { SqlClient } from './SqlClient';
import { SqlBookingRepository } from './SqlBookingRepository';
import { SqlTicketRepository } from './SqlTicketRepository';
import { SqlCurationRepository } from './SqlCurationRepository';
import { LocalLocks, type ConversationLocks } from '../util/ConversationLocks';
import { PostgresLocks } from './PostgresLocks';

/** The storage backend the service runs on, whichever it is. */
export interface Database extends StateStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly bookings: BookingRepository;
  readonly tickets: TicketRepository;
  readonly curation: CurationRepository;
  /** One conversation's turns one at a time: in this process (SQLite) or across instances (PostgreSQL). */
  readonly turns: ConversationLocks;
  /**
   * What several instances on one PostgreSQL database share besides the tables: the pool for
   * other stores (the web chat's), and LISTEN/NOTIFY. Absent for SQLite (one process).
   */
  readonly shared?: { pool: Pool; notifications: PostgresNotifications };
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the backend configuration asks for (PostgreSQL when DATABASE_URL is set, else SQLite
 * in DATA_DIR), checks it answers and applies migrations.
 */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'database'>>, clock: Clock): Promise<Database> {
  if (config.databaseUrl) {
    const pg = new PostgresDatabase(config.databaseUrl, clock, config.database?.poolSize);
    try {
      await pg.connect();
      await pg.migrate();
    } catch (err) {
      await pg.close().catch(() => undefined);
      throw err;
    }
    const notifications = new PostgresNotifications(config.databaseUrl);
    await notifications.start();
    const closePool = pg.close.bind(pg);
    const turns = new PostgresLocks(config.databaseUrl, config.database?.lockPoolSize, config.database?.lockWaitMs);
    return Object.assign(pg, {
      kind: 'postgres' as const, ...repositories(pg.client),
      shared: { pool: pg.pool, notifications }, turns,
      close: async () => {
        await notifications.close();
        await turns.close();
        await closePool();
      },
    });
  }
  const sqlite = new SqliteDatabase(join(config.dataDir, 'fysio-assistent.sqlite'), clock);
  sqlite.migrate();
  return Object.assign(sqlite, { kind: 'sqlite' as const, ...repositories(sqlite.client), turns: new LocalLocks(config.database?.lockWaitMs) });
}

/** The repositories, the same classes on either database. */
function repositories(client: SqlClient): Pick<Database, 'bookings' | 'tickets' | 'curation'> {
  return { bookings: new SqlBookingRepository(client), tickets: new SqlTicketRepository(client), curation: new SqlCurationRepository(client) };
}
