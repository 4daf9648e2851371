import { Pool } from 'pg';
import { freshPostgresUrl } from './helpers/postgres';
import { freePort, ServerProcess } from './helpers/serverProcess';

const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen'];

describe('two bot instances on one PostgreSQL database', () => {
  it('completes one multi-turn booking with turns alternating between the instances', async () => {
    const url = await freshPostgresUrl();
    const pool = new Pool({ connectionString: url });
    const a = new ServerProcess(await freePort(), { DATABASE_URL: url });
    const b = new ServerProcess(await freePort(), { DATABASE_URL: url });
    // Started together: both run the migrations, which must not collide.
    await Promise.all([a.start(), b.start()]);
    let last: string[] = [];
    for (let i = 0; i < BOOK.length; i++) last = await (i % 2 ? b : a).say('shared-conversation', BOOK[i]);
    expect(last.join('\n')).toMatch(/bevestigd/);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM bookings WHERE status = 'confirmed'");
    expect(rows[0].n).toBe(1);
    await Promise.all([a.kill(), b.kill()]);
    await pool.end();
  }, 120000);
});
