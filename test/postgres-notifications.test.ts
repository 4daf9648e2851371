import { Client } from 'pg';
import { PostgresNotifications } from '../src/storage';
import { freshPostgresUrl } from './helpers/postgres';

/** Resolves with the first value `poll` gives that is not undefined, or fails after `ms`. */
async function eventually<T>(poll: () => Promise<T | undefined> | T | undefined, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await poll();
    if (got !== undefined) return got;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('PostgresNotifications: the listening connection between instances', () => {
  it('reports a lost connection to its owner, comes back by itself and delivers again', async () => {
    const url = await freshPostgresUrl();
    const errors: unknown[] = [];
    const reconnected: string[] = [];
    const notifications = new PostgresNotifications(url, (err) => errors.push(err));
    const got: string[] = [];
    notifications.listen('test_events', (payload) => got.push(payload), () => reconnected.push('test_events'));
    await notifications.start();
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await other.query(`SELECT pg_notify('test_events', 'one')`);
      await eventually(() => (got.includes('one') ? true : undefined));
      // An administrator (or a failover) ends the listening session.
      await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
      await eventually(() => (errors.length ? true : undefined));
      await eventually(() => (reconnected.length ? true : undefined));
      await other.query(`SELECT pg_notify('test_events', 'two')`);
      await eventually(() => (got.includes('two') ? true : undefined));
      expect((errors[0] as { code?: string }).code).toBe('57P01');
    } finally {
      await other.end();
      await notifications.close();
    }
  }, 60000);
});
