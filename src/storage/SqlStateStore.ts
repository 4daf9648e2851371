import type { Clock } from '../util/Clock';
import { placeholders, type SqlClient } from './SqlClient';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/**
 * Conversation and user state in the `bot_state` table, the same SQL on SQLite and PostgreSQL.
 * A write is one conditional upsert, atomic on its own: a stale eTag changes no row.
 */
export class SqlStateStore implements StateStore {
  constructor(private readonly sql: SqlClient, private readonly clock: Clock) {}

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    const out = new Map<string, StateRecord>();
    if (!keys.length) return out;
    const rows = await this.sql.rows<{ key: string; etag: string; data: string | Record<string, unknown> }>(
      `SELECT key, etag, data FROM bot_state WHERE key IN (${placeholders(keys)})`,
      keys,
    );
    const found = new Map(rows.map((r) => [r.key, r]));
    for (const key of keys) {
      const r = found.get(key);
      // SQLite returns the text JSON.stringify made, parsed anew on every read (the turn changes
      // the object it is given) and handed on, so that the caller need not make it again.
      if (r) out.set(key, typeof r.data === 'string' ? { etag: r.etag, data: JSON.parse(r.data) as Record<string, unknown>, json: r.data } : { etag: r.etag, data: r.data });
    }
    return out;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const changed = await this.sql.run(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at
       WHERE CAST($5 AS TEXT) IS NULL OR bot_state.etag = $5`,
      [key, newEtag, json ?? JSON.stringify(data), this.clock.now().getTime(), expectedEtag ?? null],
    );
    return changed === 1 ? 'written' : 'conflict';
  }

  async deleteMany(keys: string[]): Promise<void> {
    if (keys.length) await this.sql.run(`DELETE FROM bot_state WHERE key IN (${placeholders(keys)})`, keys);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.sql.run('DELETE FROM bot_state WHERE updated_at < $1', [before.getTime()]);
  }
}
