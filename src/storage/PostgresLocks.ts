import type { Pool } from 'pg';
import { openPool } from './PostgresClient';
import type { ConversationLocks } from '../util/ConversationLocks';

/**
 * One conversation's turns one at a time across instances: a transaction-scoped advisory lock
 * on the conversation's key, held on a connection of its own pool for the turn (the turn's
 * queries use the main pool, so a lock never waits for a connection its holder needs). An
 * instance that dies mid-turn loses its connection, and PostgreSQL releases the lock.
 */
export class PostgresLocks implements ConversationLocks {
  private readonly pool: Pool;

  constructor(url: string, size = 20) {
    this.pool = openPool(url, size);
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
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
