import { Pool } from 'pg';
import { PostgresMessageIds } from '../src/channels/whatsapp/PostgresMessageIds';
import { PostgresDatabase } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';
import { buildTestApp } from './helpers/testApp';

const DAY = 24 * 60 * 60 * 1000;
/** A WhatsApp message id as Meta makes them: base64 around the sender's number. */
const WAMID = `wamid.${Buffer.from('31612345678-ABCDEF0123').toString('base64')}`;

describe('WhatsApp message ids shared by the instances (PostgreSQL)', () => {
  it('handles a redelivered message once, whichever instance each delivery reaches; an id is forgotten after its day', async () => {
    const url = await freshPostgresUrl();
    const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
    const db = new PostgresDatabase(url, clock);
    await db.migrate();
    // Two instances: two pools on one database.
    const poolA = new Pool({ connectionString: url });
    const poolB = new Pool({ connectionString: url });
    const a = new PostgresMessageIds(poolA, clock);
    const b = new PostgresMessageIds(poolB, clock);
    // Meta's redeliveries arrive at both at once.
    const firsts = await Promise.all([a.firstTime('wamid.1'), b.firstTime('wamid.1'), a.firstTime('wamid.1'), b.firstTime('wamid.1')]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await b.firstTime('wamid.2')).toBe(true);
    expect(await a.firstTime('wamid.2')).toBe(false);
    clock.advance(25 * 60 * 60 * 1000);
    // After a day an id counts as new again, swept or not.
    const c = new PostgresMessageIds(poolA, clock);
    expect(await c.firstTime('wamid.3')).toBe(true);
    expect(await c.firstTime('wamid.1')).toBe(true);
    await Promise.all([poolA.end(), poolB.end(), db.close()]);
  });

  it('stores only a keyed hash of each id, the same on every instance with the same app secret', async () => {
    const url = await freshPostgresUrl();
    const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
    const db = new PostgresDatabase(url, clock);
    await db.migrate();
    const a = new PostgresMessageIds(db.shared.pool, clock, 'app-secret-for-tests');
    const b = new PostgresMessageIds(db.shared.pool, clock, 'app-secret-for-tests');
    expect(await a.firstTime(WAMID)).toBe(true);
    expect(await b.firstTime(WAMID)).toBe(false);
    const { rows } = await db.shared.pool.query<{ id: string }>('SELECT id FROM whatsapp_message_ids');
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].id).not.toContain(WAMID.slice(6, 20));
    // Without a key: a plain SHA-256, still never the id itself.
    await new PostgresMessageIds(db.shared.pool, clock).firstTime('wamid.plain');
    const all = (await db.shared.pool.query<{ id: string }>('SELECT id FROM whatsapp_message_ids')).rows.map((r) => r.id);
    expect(all).toHaveLength(2);
    expect(all.join()).not.toMatch(/wamid/);
    await db.close();
  });

  it('the retention job deletes ids older than a day, also with no webhook coming in', async () => {
    const url = await freshPostgresUrl();
    const { app, clock } = await buildTestApp({ DATABASE_URL: url });
    const pool = new Pool({ connectionString: url });
    try {
      const ids = new PostgresMessageIds(pool, clock, 'app-secret-for-tests');
      await ids.firstTime(WAMID);
      clock.advance(DAY / 2);
      await ids.firstTime('wamid.later');
      const count = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM whatsapp_message_ids')).rows[0].n;
      await app.retention.sweep();
      expect(await count()).toBe(2);
      clock.advance(DAY / 2 + 60_000);
      await app.retention.sweep();
      expect(await count()).toBe(1);
      clock.advance(DAY / 2);
      await app.retention.run();
      expect(await count()).toBe(0);
    } finally {
      await pool.end();
      await app.close();
    }
  });
});
