import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { LocalLocks } from '../util/ConversationLocks';
import type { Database } from './Database';
import { MIGRATIONS } from './migrations';
import { openSqlite } from './openSqlite';
import { SqlBookingRepository } from './SqlBookingRepository';
import { SqlCurationRepository } from './SqlCurationRepository';
import { SqliteClient } from './SqliteClient';
import { SqlStateStore } from './SqlStateStore';
import { SqlTicketRepository } from './SqlTicketRepository';

/** How the store is set up; the defaults are production's. */
export interface SqliteOptions {
  /** How long a connection waits for another's write lock; 5 s (`SQLITE_BUSY_TIMEOUT_MS`) by default. */
  busyTimeoutMs?: number;
  /** How long a turn waits for its conversation's lock (TURN_LOCK_WAIT_SECONDS). */
  lockWaitMs?: number;
}

/**
 * The embedded default: one SQLite file in WAL mode, through better-sqlite3 on the event loop.
 *
 * Durability follows what is at stake. Conversation and user states, written on every turn,
 * are committed with `synchronous = NORMAL`: in WAL mode that survives a crash of the process
 * (kill -9), and a power cut can lose at most the last turns' states, never the file. Bookings,
 * tickets and the rest go through {@link client}, whose commits fsync the log
 * (`synchronous = FULL`): a patient is told a reference only for a booking that survives a
 * power cut.
 */
export class SqliteDatabase extends SqlStateStore implements Database {
  readonly kind = 'sqlite';
  readonly db: BetterSqlite3.Database;
  /** For the repositories: every change is on disk before it resolves. */
  readonly client: SqliteClient;
  readonly bookings: SqlBookingRepository;
  readonly tickets: SqlTicketRepository;
  readonly curation: SqlCurationRepository;
  readonly turns: LocalLocks;

  constructor(file: string, clock: Clock, options: SqliteOptions = {}) {
    const db = openSqlite(file, options.busyTimeoutMs);
    super(new SqliteClient(db, false), clock);
    this.db = db;
    this.client = new SqliteClient(db, true);
    this.bookings = new SqlBookingRepository(this.client);
    this.tickets = new SqlTicketRepository(this.client);
    this.curation = new SqlCurationRepository(this.client);
    this.turns = new LocalLocks(options.lockWaitMs);
  }

  /** Applies pending migrations, each in a transaction of its own; safe on every start. Returns the versions applied. */
  migrate(): number[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const pending = MIGRATIONS.filter((m) => !done.has(m.version));
    for (const m of pending) {
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
      })();
    }
    return pending.map((m) => m.version);
  }

  async ping(): Promise<void> {
    await this.client.rows('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
