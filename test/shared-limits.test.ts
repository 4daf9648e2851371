import { Pool } from 'pg';
import { PostgresDatabase, PostgresMessageIds } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

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
    // The first check after a day clears what expired; the id counts as new again.
    const c = new PostgresMessageIds(poolA, clock);
    expect(await c.firstTime('wamid.3')).toBe(true);
    expect(await c.firstTime('wamid.1')).toBe(true);
    await Promise.all([poolA.end(), poolB.end(), db.close()]);
  });
});
