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
