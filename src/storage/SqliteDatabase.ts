import { closeSync, fsync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { GroupSync } from './GroupSync';
import { MIGRATIONS } from './migrations';
import { StateCache, type StateCacheLimits } from './StateCache';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/** Options for tests: how the write-ahead log is flushed to disk. */
export interface SqliteOptions {
  /** Makes the write-ahead log durable; an fsync of the `-wal` file by default. */
  flushLog?: () => Promise<void>;
  /** How many states {@link StateCache} keeps in memory; {@link STATE_CACHE_LIMITS} by default. */
  stateCache?: StateCacheLimits;
}

/**
 * The states kept in memory: every conversation active in the last minutes of a busy practice
 * chain (a conversation's state is 0.2–2 KB), in at most about 16 MB.
 */
export const STATE_CACHE_LIMITS: StateCacheLimits = { entries: 4096, chars: 8_000_000 };

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous; every
 * statement is short, so the event loop is held for microseconds, and a transaction can never
 * interleave with another turn's, which makes conditional writes atomic.
 *
 * Durability: SQLite's `synchronous = FULL` would fsync inside every commit, with the event
 * loop blocked (about 0.3 ms here, on every turn, since every turn saves its state). Instead
 * commits run with `synchronous = NORMAL` (in WAL mode: crash-safe and consistent, but not yet
 * on disk), and every write method then waits in {@link durable} for a shared fsync of the log
 * on the thread pool ({@link GroupSync}). A write is still acknowledged only once it would
 * survive a power cut; under load one fsync covers many turns.
 *
 * Reads of conversation and user state come from a {@link StateCache} when they can: this
 * process is the only one that writes the file (one process per database file), so what it last
 * wrote is what is stored. A lookup in SQLite cost 15–20 µs of the event loop here (two a turn:
 * the conversation's state and the user's), a lookup in the cache well under one.
 */
export class SqliteDatabase implements StateStore {
  readonly db: BetterSqlite3.Database;
  /** Prepared statements by SQL text: compiling the same SQL on every turn cost a third of a turn. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly sync: GroupSync;
  private readonly cache: StateCache;
  private log?: number;
  private directorySynced = false;
  /** A state write: with an eTag to check, the check and the upsert in one transaction. */
  private readonly conditionalWrite: (key: string, json: string, expectedEtag: string | undefined, newEtag: string, now: number) => WriteOutcome;

  constructor(private readonly file: string, private readonly clock: Clock, options: SqliteOptions = {}) {
    const inMemory = file === ':memory:';
    if (!inMemory) mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL: no fsync inside the commit; durability comes from durable() (see above).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.cache = new StateCache(options.stateCache ?? STATE_CACHE_LIMITS);
    this.sync = new GroupSync(options.flushLog ?? (inMemory ? async () => undefined : () => this.fsyncLog()));
    const upsert = () =>
      this.stmt(
        `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
      );
    const checkedWrite = this.db.transaction((key: string, json: string, expectedEtag: string, newEtag: string, now: number): WriteOutcome => {
      const current = this.stmt('SELECT etag FROM bot_state WHERE key = ?').get(key) as { etag: string } | undefined;
      if (current && current.etag !== expectedEtag) return 'conflict';
      upsert().run(key, newEtag, json, now);
      return 'written';
    });
    // Without an eTag to compare (botbuilder's state saves: the last writer wins) the upsert is
    // one statement, atomic on its own, and needs neither the read nor a transaction around it.
    this.conditionalWrite = (key, json, expectedEtag, newEtag, now) => {
      if (expectedEtag !== undefined) return checkedWrite(key, json, expectedEtag, newEtag, now);
      upsert().run(key, newEtag, json, now);
      return 'written';
    };
  }

  /** Resolves once everything committed so far is on disk; the repositories await it after a write. */
  durable(): Promise<void> {
    return this.sync.durable();
  }

  private async fsyncLog(): Promise<void> {
    if (!this.directorySynced) {
      // The log file's directory entry must be durable too, once, or a power cut could lose the file.
      const dir = openSync(dirname(this.file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      this.directorySynced = true;
    }
    // SQLite keeps the -wal file (the same inode) while a connection is open; it only restarts
    // writing at its start after a checkpoint, and syncs its header then itself.
    this.log ??= openSync(`${this.file}-wal`, 'r');
    const fd = this.log;
    await new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
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

  /** How many conversation and user states are kept in memory now. */
  get cachedStates(): number {
    return this.cache.size;
  }

  /** Fails once the disk has refused a flush, so /readyz takes the instance out of service. */
  async ping(): Promise<void> {
    if (this.sync.failed) throw this.sync.failed;
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

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    const out = new Map<string, StateRecord>();
    for (const key of keys) {
      let known = this.cache.get(key);
      if (!known) {
        const row = this.stmt('SELECT etag, data, updated_at FROM bot_state WHERE key = ?').get(key) as
          { etag: string; data: string; updated_at: number } | undefined;
        known = row ? { etag: row.etag, json: row.data, updatedAt: row.updated_at } : { absent: true };
        this.cache.set(key, known);
      }
      // Parsed anew on every read: the turn changes the object it is given.
      if ('json' in known) out.set(key, { etag: known.etag, data: JSON.parse(known.json) as Record<string, unknown>, json: known.json });
    }
    return out;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const text = json ?? JSON.stringify(data);
    const now = this.clock.now().getTime();
    let outcome: WriteOutcome;
    try {
      outcome = this.conditionalWrite(key, text, expectedEtag, newEtag, now);
    } catch (err) {
      // Whatever SQLite holds now, the store is asked again next time.
      this.cache.delete(key);
      throw err;
    }
    if (outcome === 'written') {
      this.cache.set(key, { etag: newEtag, json: text, updatedAt: now });
      await this.durable();
    }
    return outcome;
  }

  async deleteMany(keys: string[]): Promise<void> {
    const stmt = this.stmt('DELETE FROM bot_state WHERE key = ?');
    try {
      this.db.transaction(() => keys.forEach((k) => stmt.run(k)))();
    } finally {
      for (const key of keys) this.cache.delete(key);
    }
    await this.durable();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const deleted = this.stmt('DELETE FROM bot_state WHERE updated_at < ?').run(before.getTime()).changes;
    this.cache.deleteWrittenBefore(before.getTime());
    await this.durable();
    return deleted;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    const deleted = this.stmt('DELETE FROM bot_state WHERE substr(key, 1, ?) = ?').run(prefix.length, prefix).changes;
    this.cache.deleteByPrefix(prefix);
    await this.durable();
    return deleted;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Lets a flush still running on the thread pool finish before its file descriptor closes.
    await this.sync.durable().catch(() => undefined);
    this.db.close();
    if (this.log !== undefined) closeSync(this.log);
    this.log = undefined;
  }
}
