import type BetterSqlite3 from 'better-sqlite3';
import type { StateChange, StateChangeResult } from './StateChange';
import type { WriteOutcome } from './StateStore';

/** A stored state row. */
export interface StoredState {
  etag: string;
  json: string;
  updatedAt: number;
}

/**
 * The `bot_state` table on one SQLite connection: the statements, prepared once, for the event
 * loop's reads and for the changes the state writer applies.
 */
export class SqliteStateTable {
  private readonly select: BetterSqlite3.Statement;
  private readonly selectEtag: BetterSqlite3.Statement;
  private readonly upsert: BetterSqlite3.Statement;
  private readonly deleteKey: BetterSqlite3.Statement;
  private readonly deleteBefore: BetterSqlite3.Statement;
  private readonly deletePrefix: BetterSqlite3.Statement;
  private readonly checkedWrite: (key: string, json: string, expectedEtag: string, newEtag: string, now: number) => WriteOutcome;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.select = db.prepare('SELECT etag, data, updated_at FROM bot_state WHERE key = ?');
    this.selectEtag = db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.deleteKey = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.deleteBefore = db.prepare('DELETE FROM bot_state WHERE updated_at < ?');
    this.deletePrefix = db.prepare('DELETE FROM bot_state WHERE substr(key, 1, ?) = ?');
    // IMMEDIATE: the check reads before it writes, and another connection may commit in between.
    this.checkedWrite = db.transaction((key: string, json: string, expectedEtag: string, newEtag: string, now: number): WriteOutcome => {
      const current = this.selectEtag.get(key) as { etag: string } | undefined;
      if (current && current.etag !== expectedEtag) return 'conflict';
      this.upsert.run(key, newEtag, json, now);
      return 'written';
    }).immediate;
  }

  /** The stored state of `key`, or undefined when it has none. */
  read(key: string): StoredState | undefined {
    const row = this.select.get(key) as { etag: string; data: string; updated_at: number } | undefined;
    return row && { etag: row.etag, json: row.data, updatedAt: row.updated_at };
  }

  /** Applies one change; for a write, whether it was written, else how many rows went. */
  apply(change: StateChange): StateChangeResult {
    switch (change.kind) {
      case 'write':
        // Without an eTag to compare (botbuilder's state saves: the last writer wins) the upsert
        // is one statement, atomic on its own, and needs neither the read nor a transaction.
        if (change.expectedEtag === undefined) {
          this.upsert.run(change.key, change.etag, change.json, change.now);
          return 'written';
        }
        return this.checkedWrite(change.key, change.json, change.expectedEtag, change.etag, change.now);
      case 'delete-keys':
        return this.db.transaction(() => change.keys.reduce((n, k) => n + this.deleteKey.run(k).changes, 0))();
      case 'delete-written-before':
        return this.deleteBefore.run(change.before).changes;
      case 'delete-prefix':
        return this.deletePrefix.run(change.prefix.length, change.prefix).changes;
    }
  }
}
