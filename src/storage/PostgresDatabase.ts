import type { Pool } from 'pg';
import type { AppConfig } from '../config/AppConfig';
import { ConfigError } from '../config/ConfigError';
import type { Clock } from '../util/Clock';
import { Database } from './Database';
import { MIGRATIONS } from './migrations';
import { openPool, PostgresClient } from './PostgresClient';
import { PostgresLocks } from './PostgresLocks';
import { PostgresNotifications } from './PostgresNotifications';

/** Arbitrary constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 4_217_001;

/**
 * PostgreSQL for practices that run several instances on one database. The pool replaces
 * broken connections by itself, so a database restart costs the turns in flight, not the
 * process. Nothing connects before {@link open} (or a first query).
 */
export class PostgresDatabase extends Database {
  override readonly kind = 'postgres';
  override readonly turns: PostgresLocks;
  override readonly shared: { pool: Pool; notifications: PostgresNotifications };

  /** @param onBackgroundError told of failures no request sees: the listening connection lost, a LISTEN refused */
  constructor(url: string, clock: Clock, options: Partial<AppConfig['database']> = {}, onBackgroundError?: (err: unknown) => void) {
    const pool = openPool(url, options.poolSize ?? 10);
    super(new PostgresClient(pool), clock);
    this.turns = new PostgresLocks(url, options.lockPoolSize, options.lockWaitMs);
    this.shared = { pool, notifications: new PostgresNotifications(url, onBackgroundError) };
  }

  /** Checks the database answers (or names DATABASE_URL, without its password), migrates and listens; closes all on failure. */
  async open(): Promise<this> {
    try {
      await this.ping().catch((err: unknown) => {
        const code = (err as { code?: string }).code ?? (err as Error).message;
        throw new ConfigError([`DATABASE_URL: cannot reach PostgreSQL (${code}); check the host, port, user and that the server runs`]);
      });
      await this.migrate();
      await this.shared.notifications.start();
      return this;
    } catch (err) {
      await this.close().catch(() => undefined);
      throw err;
    }
  }

  /** Applies pending migrations in one transaction, one instance at a time. Returns the versions applied. */
  async migrate(): Promise<number[]> {
    const c = await this.shared.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const pending = MIGRATIONS.filter((m) => !done.has(m.version));
      for (const m of pending) {
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
      }
      await c.query('COMMIT');
      return pending.map((m) => m.version);
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  override async close(): Promise<void> {
    await this.shared.notifications.close();
    await this.turns.close();
    await this.shared.pool.end();
  }
}
