import { fsync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { GroupSync } from './GroupSync';
import { InlineStateWriter } from './InlineStateWriter';
import { MIGRATIONS } from './migrations';
import { openSqlite } from './openSqlite';
import { SqliteStateTable } from './SqliteStateTable';
import { StateCache, type CachedState, type StateCacheLimits } from './StateCache';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';
import type { StateWriter } from './StateWriter';
import { WalFile } from './WalFile';
import { WorkerStateWriter } from './WorkerStateWriter';

/** How the store is set up; the defaults are production's, the rest is for tests. */
export interface SqliteOptions {
  /** Makes the write-ahead log durable for the event loop's writes; an fsync of the `-wal` file by default. */
  flushLog?: () => Promise<void>;
  /** How many states {@link StateCache} keeps in memory; {@link STATE_CACHE_LIMITS} by default. */
  stateCache?: StateCacheLimits;
  /**
   * Where conversation and user states are written: on a worker thread (the default for a
   * file) or on the event loop's connection, made durable through `flushLog` (always for
   * `:memory:`, which a second connection cannot reach).
   */
  stateWrites?: 'worker' | 'inline';
  /** Sees the state writer's thread once it is started. */
  onStateWriter?: (worker: Worker) => void;
  /** How long a connection waits for another's write lock; 5 s (`SQLITE_BUSY_TIMEOUT_MS`) by default. */
  busyTimeoutMs?: number;
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
 * loop blocked (about 0.3 ms here). Instead commits run with `synchronous = NORMAL` (in WAL
 * mode: crash-safe and consistent, but not yet on disk), and every write is acknowledged only
 * once the log has been fsynced after it, so it survives a power cut:
 *
 * - bookings, tickets and the rest (the repositories) wait in {@link durable} for a shared
 *   fsync of the log on the thread pool ({@link GroupSync}); under load one covers many turns;
 * - conversation and user states, written on every turn, go to a {@link WorkerStateWriter}: a
 *   worker thread with its own connection applies them, a batch per transaction and fsync, off
 *   the event loop.
 *
 * Reads of conversation and user state come from a {@link StateCache} when they can: this
 * process is the only one that writes the file (one process per database file), so what it last
 * wrote is what is stored. A lookup in SQLite cost 15–20 µs of the event loop here (two a turn:
 * the conversation's state and the user's), a lookup in the cache well under one. A read that
 * does go to SQLite first waits for the writer's pending changes to that key.
 */
export class SqliteDatabase implements StateStore {
  readonly db: BetterSqlite3.Database;
  /** Prepared statements by SQL text: compiling the same SQL on every turn cost a third of a turn. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly sync: GroupSync;
  private readonly cache: StateCache;
  private readonly wal: WalFile;
  private table?: SqliteStateTable;
  private writer?: StateWriter;

  constructor(private readonly file: string, private readonly clock: Clock, private readonly options: SqliteOptions = {}) {
    const inMemory = file === ':memory:';
    this.db = openSqlite(file, options.busyTimeoutMs);
    this.wal = new WalFile(file);
    this.cache = new StateCache(options.stateCache ?? STATE_CACHE_LIMITS);
    this.sync = new GroupSync(options.flushLog ?? (inMemory ? async () => undefined : () => this.fsyncLog()));
  }

  /** Resolves once everything committed so far is on disk; the repositories await it after a write. */
  durable(): Promise<void> {
    return this.sync.durable();
  }

  private async fsyncLog(): Promise<void> {
    const fd = this.wal.fd();
    await new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
  }

  /** The state table and its writer, made once the schema exists. */
  private stateTable(): SqliteStateTable {
    return (this.table ??= new SqliteStateTable(this.db));
  }

  private stateWriter(): StateWriter {
    if (!this.writer) {
      const inline = this.file === ':memory:' || this.options.stateWrites === 'inline';
      this.writer = inline
        ? new InlineStateWriter(this.stateTable(), this.sync)
        : new WorkerStateWriter(this.file, this.options.busyTimeoutMs, this.options.onStateWriter);
    }
    return this.writer;
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
    // The writer's thread starts now, not with the first turn.
    this.stateWriter();
    return applied;
  }

  /** How many conversation and user states are kept in memory now. */
  get cachedStates(): number {
    return this.cache.size;
  }

  /** Fails once the disk has refused a flush, so /readyz takes the instance out of service. */
  async ping(): Promise<void> {
    if (this.sync.failed) throw this.sync.failed;
    if (this.writer?.failed) throw this.writer.failed;
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
      const known = this.cache.get(key) ?? (await this.readStored(key));
      // Parsed anew on every read: the turn changes the object it is given.
      if ('json' in known) out.set(key, { etag: known.etag, data: JSON.parse(known.json) as Record<string, unknown>, json: known.json });
    }
    return out;
  }

  /** Reads a key the cache does not know, once no change to it is on its way to the table. */
  private async readStored(key: string): Promise<CachedState> {
    const writer = this.stateWriter();
    while (writer.busyWith(key)) {
      await writer.drain();
      const known = this.cache.get(key);
      if (known) return known;
    }
    const known: CachedState = this.stateTable().read(key) ?? { absent: true };
    this.cache.set(key, known);
    return known;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const text = json ?? JSON.stringify(data);
    const now = this.clock.now().getTime();
    const writer = this.stateWriter();
    const change = { kind: 'write', key, json: text, etag: newEtag, expectedEtag, now } as const;
    if (expectedEtag === undefined) {
      // The last writer wins: what later reads must see is known now.
      this.cache.set(key, { etag: newEtag, json: text, updatedAt: now });
      try {
        return (await writer.apply(change)) as WriteOutcome;
      } catch (err) {
        // Whatever the table holds now, it is asked again next time.
        this.cache.delete(key);
        throw err;
      }
    }
    // Checked against the stored eTag: the outcome is known only once applied, and by then a
    // later change to the key may be known too. The cache forgets the key, and the next read
    // asks the table once the changes to it are applied.
    this.cache.delete(key);
    return (await writer.apply(change)) as WriteOutcome;
  }

  async deleteMany(keys: string[]): Promise<void> {
    for (const key of keys) this.cache.set(key, { absent: true });
    try {
      await this.stateWriter().apply({ kind: 'delete-keys', keys });
    } catch (err) {
      for (const key of keys) this.cache.delete(key);
      throw err;
    }
  }

  async deleteOlderThan(before: Date): Promise<number> {
    this.cache.deleteWrittenBefore(before.getTime());
    return (await this.stateWriter().apply({ kind: 'delete-written-before', before: before.getTime() })) as number;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    this.cache.deleteByPrefix(prefix);
    return (await this.stateWriter().apply({ kind: 'delete-prefix', prefix })) as number;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.writer?.close();
    // Lets a flush still running on the thread pool finish before its file descriptor closes.
    await this.sync.durable().catch(() => undefined);
    this.db.close();
    this.wal.close();
  }
}
