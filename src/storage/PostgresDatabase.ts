import { Pool, type PoolClient } from 'pg';
import { ConfigError } from '../config/ConfigError';
import type { Clock } from '../util/Clock';
import { MIGRATIONS } from './migrations';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/** Arbitrary constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 4_217_001;

/**
 * PostgreSQL for practices that run several instances on one database. The pool replaces
 * broken connections by itself, so a database restart costs the turns in flight, not the
 * process.
 */
export class PostgresDatabase implements StateStore {
  readonly pool: Pool;

  constructor(url: string, private readonly clock: Clock, poolSize = 10) {
    this.pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 });
    // An idle client losing its connection (database restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Checks the database answers; a clear error names DATABASE_URL without its password. */
  async connect(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (err) {
      const code = (err as { code?: string }).code ?? (err as Error).message;
      throw new ConfigError([`DATABASE_URL: cannot reach PostgreSQL (${code}); check the host, port, user and that the server runs`]);
    }
  }

  async migrate(): Promise<number[]> {
    return this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
        applied.push(m.version);
      }
      return applied;
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Runs `fn` in one transaction on one connection. */
  async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    const out = new Map<string, StateRecord>();
    if (!keys.length) return out;
    const { rows } = await this.pool.query<{ key: string; etag: string; data: Record<string, unknown> }>(
      'SELECT key, etag, data FROM bot_state WHERE key = ANY($1)',
      [keys],
    );
    for (const r of rows) out.set(r.key, { etag: r.etag, data: r.data });
    return out;
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
       WHERE $5::text IS NULL OR bot_state.etag = $5::text`,
      [key, newEtag, json ?? JSON.stringify(data), this.clock.now().getTime(), expectedEtag ?? null],
    );
    return rowCount === 1 ? 'written' : 'conflict';
  }

  async deleteMany(keys: string[]): Promise<void> {
    if (keys.length) await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1)', [keys]);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    // The lines kept for a handoff have a sweep of their own, hours rather than days.
    return (await this.pool.query('DELETE FROM bot_state WHERE updated_at < $1', [before.getTime()])).rowCount ?? 0;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    return (await this.pool.query('DELETE FROM bot_state WHERE left(key, $1) = $2', [prefix.length, prefix])).rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
