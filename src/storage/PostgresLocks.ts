import type { Pool } from 'pg';
import { openPool } from './PostgresClient';
import { ConversationBusyError, DEFAULT_LOCK_WAIT_MS, type ConversationLocks } from '../util/ConversationLocks';

/** pg-pool's error when every connection stayed in use for connectionTimeoutMillis. */
const POOL_FULL = 'timeout exceeded when trying to connect';
/** PostgreSQL's lock_not_available: lock_timeout ran out. */
const LOCK_TIMEOUT = '55P03';

/**
 * One conversation's turns one at a time across instances: a transaction-scoped advisory lock on
 * its key, held for the turn on a connection of a pool of its own (the turn's queries use the
 * main pool, so a lock never waits for a connection its holder needs). An instance that dies
 * mid-turn loses its connection, and PostgreSQL releases the lock. A turn waits at most `waitMs`
 * for connection and lock together, then gets a {@link ConversationBusyError}; `size`
 * (DATABASE_LOCK_POOL_SIZE) bounds the turns running or waiting at once on this instance.
 */
export class PostgresLocks implements ConversationLocks {
  private readonly pool: Pool;

  constructor(url: string, size = 20, private readonly waitMs = DEFAULT_LOCK_WAIT_MS) {
    this.pool = openPool(url, size, waitMs);
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const client = await this.pool.connect().catch((err: Error) => {
      throw err.message === POOL_FULL ? new ConversationBusyError(this.waitMs) : err;
    });
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      // What is left of the wait after the connection; the setting ends with the transaction.
      await client.query("SELECT set_config('lock_timeout', $1, true)", [`${Math.max(1, this.waitMs - (Date.now() - started))}ms`]);
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]).catch((err: { code?: string }) => {
        throw err.code === LOCK_TIMEOUT ? new ConversationBusyError(this.waitMs) : err;
      });
      const result = await work();
      // The lock ends with the transaction; a connection lost meanwhile released it already.
      await client.query('COMMIT').catch((err: Error) => (broken = err));
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
