import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../util/Clock';
import { MIGRATIONS } from './migrations';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous; every
 * statement is short, so the event loop is held for microseconds, and a transaction can never
 * interleave with another turn's, which makes conditional writes atomic.
 */
export class SqliteDatabase implements StateStore {
  readonly db: BetterSqlite3.Database;
  /** Prepared statements by SQL text: compiling the same SQL on every turn cost a third of a turn. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(file: string, private readonly clock: Clock) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a write acknowledged to a patient survives power loss, not only a process crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
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

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    const out = new Map<string, StateRecord>();
    const stmt = this.stmt('SELECT etag, data FROM bot_state WHERE key = ?');
    for (const key of keys) {
      const row = stmt.get(key) as { etag: string; data: string } | undefined;
      if (row) out.set(key, { etag: row.etag, data: JSON.parse(row.data) as Record<string, unknown> });
    }
    return out;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string): Promise<WriteOutcome> {
    const json = JSON.stringify(data);
    const now = this.clock.now().getTime();
    return this.db.transaction((): WriteOutcome => {
      const current = this.stmt('SELECT etag FROM bot_state WHERE key = ?').get(key) as { etag: string } | undefined;
      if (current && expectedEtag !== undefined && current.etag !== expectedEtag) return 'conflict';
      this.stmt(
        `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
      ).run(key, newEtag, json, now);
      return 'written';
    })();
  }

  async deleteMany(keys: string[]): Promise<void> {
    const stmt = this.stmt('DELETE FROM bot_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((k) => stmt.run(k)))();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.stmt('DELETE FROM bot_state WHERE updated_at < ?').run(before.getTime()).changes;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    return this.db.prepare("DELETE FROM bot_state WHERE substr(key, 1, ?) = ?").run(prefix.length, prefix).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
