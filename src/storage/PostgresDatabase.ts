import type { Pool } from 'pg';
import { ConfigError } from '../config/ConfigError';
import type { Clock } from '../util/Clock';
import { openPool, PostgresClient } from './PostgresClient';
import type { SqlClient } from './SqlClient';
import { SqlStateStore } from './SqlStateStore';
import { MIGRATIONS } from './migrations';

/** Arbitrary constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 4_217_001;

/**
 * PostgreSQL for practices that run several instances on one database. The pool replaces
 * broken connections by itself, so a database restart costs the turns in flight, not the
 * process.
 */
export class PostgresDatabase extends SqlStateStore {
  readonly pool: Pool;
  /** For the repositories (every statement commits on its own). */
  readonly client: SqlClient;

  constructor(url: string, clock: Clock, poolSize = 10) {
    const pool = openPool(url, poolSize);
    const client = new PostgresClient(pool);
    super(client, clock);
    this.pool = pool;
    this.client = client;
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

  /** Applies pending migrations in one transaction, one instance at a time. Returns the versions applied. */
  async migrate(): Promise<number[]> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: number[] = [];
      for (const m of MIGRATIONS.filter((x) => !done.has(x.version))) {
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
        applied.push(m.version);
      }
      await c.query('COMMIT');
      return applied;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
