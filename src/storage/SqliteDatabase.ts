import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { LocalLocks } from '../util/ConversationLocks';
import { Database } from './Database';
import { MIGRATIONS } from './migrations';
import { SqliteClient } from './SqliteClient';

/**
 * The embedded default: one SQLite file in WAL mode, through better-sqlite3 on the event loop.
 * Conversation state and the curation notes, written on most turns, commit with `synchronous =
 * NORMAL`, which in WAL mode survives kill -9 (a power cut may lose the last turns', never the
 * file); bookings, tickets and the rest go through {@link client}, whose commits fsync the log
 * (`synchronous = FULL`): a patient is told a reference only for a booking that survives a power
 * cut. Health data: the folder is made 0700 and the file 0600 before SQLite opens it (-wal and
 * -shm inherit that), and `secure_delete` zeroes deleted rows, so erasure and retention leave
 * nothing readable in the file.
 */
export class SqliteDatabase extends Database {
  override readonly kind = 'sqlite';
  readonly db: BetterSqlite3.Database;
  override readonly turns: LocalLocks;

  /** @param options waits: for another connection's write lock (the bench's; 5 s), and a turn for its conversation's (TURN_LOCK_WAIT_SECONDS) */
  constructor(file: string, clock: Clock, options: { busyTimeoutMs?: number; lockWaitMs?: number } = {}) {
    if (file !== ':memory:') keepPrivate(file);
    const db = new BetterSqlite3(file);
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
    super(new SqliteClient(db, true), clock, new SqliteClient(db, false));
    this.db = db;
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

  override async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Makes the folder 0700 and the file and its companions 0600. An existing folder is tightened
 * only when it holds nothing but this database: DATA_DIR could name a folder other programs use.
 */
function keepPrivate(file: string): void {
  const dir = dirname(file);
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
  if (created || readdirSync(dir).every((f) => f.startsWith(basename(file)))) chmodSync(dir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
