import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl } from './helpers/postgres';
import { freePort, ServerProcess } from './helpers/serverProcess';

const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen'];

const backends: [string, () => Promise<Record<string, string>>][] = [
  ['SQLite', async () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'durable-')) })],
  ['PostgreSQL', async () => {
    return { DATABASE_URL: await freshPostgresUrl() };
  }],
];

describe.each(backends)('after SIGKILL and a restart (%s)', (_name, envFor) => {
  it('keeps a confirmed booking (cancel by reference works) and a conversation in progress', async () => {
    const env = await envFor();
    const server = new ServerProcess(await freePort(), env);
    await server.start();
    let last: string[] = [];
    for (const text of BOOK) last = await server.say('durable-1', text);
    const confirmation = last.join('\n');
    expect(confirmation).toMatch(/bevestigd/);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(confirmation)![1];
    // A second conversation stops half-way through the booking.
    for (const text of BOOK.slice(0, 3)) await server.say('durable-2', text);
    await server.kill();

    await server.start();
    const resumed = await server.say('durable-2', 'Links');
    expect(resumed.join('\n')).toMatch(/Sinds wanneer/);
    const steps = ['afspraak annuleren', reference, '14-03-1961', 'Annuleren'];
    let reply: string[] = [];
    for (const text of steps) reply = await server.say('durable-3', text);
    expect(reply.join('\n')).toMatch(/geannuleerd/);
    await server.kill();
  }, 120000);
});

describe('SIGKILL under a booking load (SQLite)', () => {
  it('keeps every booking confirmed to a patient, none twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'load-'));
    const server = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
    await server.start();
    const confirmed: string[] = [];
    let twoConfirmed!: () => void;
    const second = new Promise<void>((r) => (twoConfirmed = r));
    let killed = false;
    const walk = async (i: number) => {
      const steps = [...BOOK];
      steps[13] = String((i % 4) + 1);
      for (const text of steps) {
        if (killed) return;
        try {
          const reply = (await server.say(`load-${i}`, text)).join('\n');
          const ref = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(reply);
          if (ref && confirmed.push(ref[1]) === 2) twoConfirmed();
        } catch {
          return; // the process died under this request: nothing was confirmed by it
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, i) => walk(i)));
    await second;
    killed = true;
    await server.kill();
    await load;
    await server.start();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'fysio-assistent.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT reference, location_id, starts_at FROM bookings WHERE status = 'confirmed'").all() as { reference: string; location_id: string; starts_at: number }[];
    db.close();
    const stored = new Set(rows.map((r) => r.reference));
    for (const ref of confirmed) expect(stored.has(ref)).toBe(true);
    expect(new Set(rows.map((r) => `${r.location_id}@${r.starts_at}`)).size).toBe(rows.length);
    expect(new Set(confirmed).size).toBe(confirmed.length);
    await server.kill();
  }, 120000);
});
