import { Pool } from 'pg';
import { hashPassword } from '../src/console/ConsoleUsers';
import { OfficialClient } from './helpers/directLineClient';
import { startTestPostgres, type TestPostgres } from './helpers/embeddedPostgres';
import { RoundRobinProxy } from './helpers/roundRobinProxy';
import { freePort, ServerProcess } from './helpers/serverProcess';
import { CONSOLE_PASSWORD, liveQueue, signIn, WebPatient, type Endpoint } from './helpers/webPatient';

/** A booking typed as a patient would, up to the summary; 'Bevestigen' confirms it. */
const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen'];
const CONFIRMED = /Je afspraak is bevestigd\. Je referentie is ([A-Z0-9-]+)/;

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ready = async (e: Endpoint): Promise<boolean> => (await fetch(`${e.base}/readyz`).catch(() => undefined))?.status === 200;

/**
 * The production shape: two instances as separate processes on one PostgreSQL database behind
 * a proxy that sends every request (and WebSocket) to the next instance in turn, with no
 * sticky sessions.
 */
describe('two instances behind a round-robin proxy, no sticky sessions', () => {
  let pg: TestPostgres;
  let pool: Pool;
  let a: ServerProcess;
  let b: ServerProcess;
  let proxy: RoundRobinProxy;
  const confirmed = async (): Promise<string[]> =>
    (await pool.query<{ reference: string }>("SELECT reference FROM bookings WHERE status = 'confirmed' ORDER BY reference")).rows.map((r) => r.reference);

  beforeAll(async () => {
    pg = await startTestPostgres();
    pool = new Pool({ connectionString: pg.url, max: 2 });
    pool.on('error', () => undefined);
    const env = { DATABASE_URL: pg.url, CONSOLE_USERS: `anna=${hashPassword(CONSOLE_PASSWORD)}`, RATE_LIMIT_PER_MINUTE: '1000' };
    a = new ServerProcess(await freePort(), env);
    b = new ServerProcess(await freePort(), env);
    await Promise.all([a.start(), b.start()]);
    proxy = new RoundRobinProxy([a.port, b.port]);
    await proxy.listen();
  }, 120000);
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await pool?.end();
    await pg?.stop();
  });

  it('a web chat books an appointment through the proxy, its requests spread over both instances', async () => {
    proxy.served.clear();
    const patient = await WebPatient.start(proxy);
    expect((await patient.news(proxy)).map((m) => m.text).join('\n')).toMatch(/digitale assistent/);
    for (const text of BOOK) await patient.say(proxy, text);
    const last = await patient.sayAndHear(proxy, 'Bevestigen');
    const reference = CONFIRMED.exec(last)?.[1];
    expect(await confirmed()).toContain(reference);
    expect(proxy.served.get(a.port)).toBeGreaterThan(5);
    expect(proxy.served.get(b.port)).toBeGreaterThan(5);
  });

  it.each([
    ['polling', false],
    ['WebSocket', true],
  ])('the official botframework-directlinejs client works through the proxy in %s mode', async (_mode, webSocket) => {
    const token = ((await (await fetch(`${proxy.base}/api/directline/token`, { method: 'POST' })).json()) as { token: string }).token;
    const client = new OfficialClient(proxy.base, token, webSocket);
    try {
      await client.online();
      await client.botSays(/digitale assistent/);
      await client.say('Mag ik sporten met knieartrose?');
      await client.botSays(/sport/i);
      await client.say('en fietsen?');
      await client.say('kan ik iemand spreken');
      await client.botSays(/bereikbaar|niemand van de praktijk in de chat|terugbel/i);
    } finally {
      client.end();
    }
  });

  it('a handoff raised through A is seen live on B\'s console, and B\'s answer reaches the patient', async () => {
    const cookie = await signIn(b);
    const queue = await liveQueue(b, cookie);
    try {
      const patient = await WebPatient.start(proxy);
      await patient.say(a, 'Mag ik sporten met knieartrose?');
      // Outside opening hours, or with nobody watching yet: the patient asks to be called back.
      await patient.say(a, 'ik wil een medewerker spreken');
      const actions = (await patient.news(a)).flatMap((m) => m.actions);
      await patient.say(a, actions.includes('Terugbellen') ? 'Terugbellen' : 'ja');
      await patient.say(a, '0612345678');
      await patient.say(a, 'over mijn knieoefeningen');
      const opened = await until(() => queue.events.find((e) => e.type === 'opened'), 'the opened ticket on B');
      const ticket = (await (await fetch(`${b.base}/console/api/tickets/${opened.ticketId}`, { headers: { cookie } })).json()) as { messages: { text: string }[] };
      expect(ticket.messages.map((m) => m.text)).toContain('Mag ik sporten met knieartrose?');
      expect(ticket.messages.map((m) => m.text)).toContain('over mijn knieoefeningen');
      await patient.news(proxy);
      const reply = await fetch(`${b.base}/console/api/tickets/${opened.ticketId}/reply`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ik bel je zo.' }),
      });
      expect(reply.status).toBe(200);
      expect((await patient.news(proxy)).map((m) => m.text).join('\n')).toMatch(/Ik bel je zo\./);
      // The sign-in from B is good through the proxy, on either instance.
      for (let i = 0; i < 2; i++) expect((await fetch(`${proxy.base}/console/api/me`, { headers: { cookie } })).status).toBe(200);
      await fetch(`${b.base}/console/api/tickets/${opened.ticketId}/close`, { method: 'POST', headers: { cookie } });
    } finally {
      queue.close();
    }
  });

  it('a double "Bevestigen", once on each instance, books once and the second reply says the booking stands', async () => {
    const before = await confirmed();
    const patient = await WebPatient.start(proxy);
    for (const text of BOOK) await patient.say(proxy, text);
    await patient.news(proxy);
    await Promise.all([patient.say(a, 'Bevestigen'), patient.say(b, 'Bevestigen')]);
    const replies = (await patient.news(proxy)).map((m) => m.text).join('\n');
    expect(replies.match(/Je afspraak is bevestigd/g)).toHaveLength(1);
    expect(replies).toMatch(/al bevestigd, één keer/);
    expect(replies).not.toMatch(/Die tijd is net weg/);
    expect((await confirmed()).length).toBe(before.length + 1);
  });

  it('a PostgreSQL restart with both instances running loses no booking, and a booking across it completes', async () => {
    const before = await confirmed();
    const patient = await WebPatient.start(proxy);
    for (const text of BOOK.slice(0, 8)) await patient.say(proxy, text);
    const queue = await liveQueue(b, await signIn(b));
    await pg.restart();
    await until(async () => (await ready(a)) && (await ready(b)), 'both instances ready again');
    expect(await confirmed()).toEqual(before);
    // Ticket events sent while B was not listening are lost: B's console is told to reload.
    await until(() => queue.events.some((e) => e.type === 'changed' && e.ticketId === ''), 'a reload event on B\'s console');
    queue.close();
    for (const text of BOOK.slice(8)) await patient.say(proxy, text);
    await patient.news(proxy);
    const last = await patient.sayAndHear(proxy, 'Bevestigen');
    const reference = CONFIRMED.exec(last)?.[1];
    expect(reference).toBeDefined();
    expect(await confirmed()).toEqual([...before, reference].sort());
  });

  it('kill -9 of one instance mid-booking: the web chat goes on through the other', async () => {
    const before = await confirmed();
    const patient = await WebPatient.start(proxy);
    for (const text of BOOK.slice(0, 9)) await patient.say(proxy, text);
    await a.kill();
    for (const text of BOOK.slice(9)) await patient.say(proxy, text);
    await patient.news(proxy);
    const last = await patient.sayAndHear(proxy, 'Bevestigen');
    const reference = CONFIRMED.exec(last)?.[1];
    expect(reference).toBeDefined();
    expect(await confirmed()).toEqual([...before, reference].sort());
  });
});
