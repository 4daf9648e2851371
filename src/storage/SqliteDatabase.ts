import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { MIGRATIONS } from './migrations';
import { openSqlite } from './openSqlite';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/** How the store is set up; the defaults are production's, the rest is for tests. */
export interface SqliteOptions {
  /** How long a connection waits for another's write lock; 5 s (`SQLITE_BUSY_TIMEOUT_MS`) by default. */
  busyTimeoutMs?: number;
}

/**
 * The embedded default: one SQLite file in WAL mode, through better-sqlite3 on the event loop.
 * Every statement is short and synchronous, so a transaction never interleaves with another
 * turn's, which makes a conditional write atomic without a lock of our own.
 *
 * Durability follows what is at stake. Conversation and user states are committed with
 * `synchronous = NORMAL`: in WAL mode that survives a crash of the process (kill -9), and a
 * power cut can lose at most the last turns' states, never the file. Bookings, tickets and
 * the rest go through {@link synced}, whose commit fsyncs the log (`synchronous = FULL`): a
 * patient is told a reference only for a booking that survives a power cut.
 */
export class SqliteDatabase implements StateStore {
  readonly db: BetterSqlite3.Database;
  /** Prepared statements by SQL text: compiling the same SQL on every turn cost a third of a turn. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string, private readonly clock: Clock, options: SqliteOptions = {}) {
    this.db = openSqlite(file, options.busyTimeoutMs);
  }

  /** Applies pending migrations; safe to call on every start. Returns the versions applied. */
  migrate(): number[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
      })();
      applied.push(m.version);
    }
    return applied;
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  /** The prepared statement for `sql`, compiled once. */
  stmt(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction (it may read before it writes, and another connection
   * may commit in between) whose commit is on disk before this returns.
   */
  synced<T>(fn: () => T): T {
    this.stmt('PRAGMA synchronous = FULL').run();
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.stmt('PRAGMA synchronous = NORMAL').run();
    }
  }

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    const out = new Map<string, StateRecord>();
    const select = this.stmt('SELECT etag, data FROM bot_state WHERE key = ?');
    for (const key of keys) {
      const row = select.get(key) as { etag: string; data: string } | undefined;
      // Parsed anew on every read: the turn changes the object it is given.
      if (row) out.set(key, { etag: row.etag, data: JSON.parse(row.data) as Record<string, unknown>, json: row.data });
    }
    return out;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const text = json ?? JSON.stringify(data);
    const now = this.clock.now().getTime();
    const upsert = this.stmt(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at
       WHERE ? IS NULL OR bot_state.etag = ?`,
    );
    // One statement, atomic on its own: a stale eTag changes no row.
    const expected = expectedEtag ?? null;
    return upsert.run(key, newEtag, text, now, expected, expected).changes === 1 ? 'written' : 'conflict';
  }

  async deleteMany(keys: string[]): Promise<void> {
    const del = this.stmt('DELETE FROM bot_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((k) => del.run(k)))();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.stmt('DELETE FROM bot_state WHERE updated_at < ?').run(before.getTime()).changes;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    return this.stmt('DELETE FROM bot_state WHERE substr(key, 1, ?) = ?').run(prefix.length, prefix).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
