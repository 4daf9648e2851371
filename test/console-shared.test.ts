import { Pool } from 'pg';
import type { App } from '../src/app/createApp';
import { hashPassword } from '../src/console/ConsoleUsers';
import { freshPostgresUrl } from './helpers/postgres';
import type { FixedClock } from '../src/util/Clock';
import { buildTestApp, LogSink } from './helpers/testApp';
import { CONSOLE_PASSWORD, liveQueue, signIn, WebPatient } from './helpers/webPatient';

const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen'];

interface Instance { app: App; base: string; clock: FixedClock }

/** An app on the database with everything in it: bot state too (no MemoryStorage). */
async function instance(url?: string): Promise<Instance> {
  const { app, clock } = await buildTestApp({ ...(url ? { DATABASE_URL: url } : {}), CONSOLE_USERS: `anna=${hashPassword(CONSOLE_PASSWORD)}` }, undefined, new LogSink(), undefined, { storage: undefined });
  return { app, clock, base: `http://127.0.0.1:${await app.server.listen()}` };
}

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('console and handoff across two instances on one PostgreSQL database', () => {
  let url: string;
  let a: Instance;
  let b: Instance;
  let pool: Pool;
  beforeAll(async () => {
    url = await freshPostgresUrl();
    [a, b] = await Promise.all([instance(url), instance(url)]);
    pool = new Pool({ connectionString: url });
  });
  afterAll(async () => {
    await Promise.all([a?.app.close(), b?.app.close()]);
    await pool?.end();
  });

  it('a sign-in on A is good on B; signing out on B ends it on A too; the token is not stored as is', async () => {
    const cookie = await signIn(a);
    expect((await fetch(`${b.base}/console/api/me`, { headers: { cookie } })).status).toBe(200);
    const { rows } = await pool.query<{ token_hash: string }>('SELECT token_hash FROM console_sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(cookie.split('=')[1]);
    expect((await fetch(`${b.base}/console/api/signout`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${a.base}/console/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('a patient on A is offered to wait while the queue is open on B, B sees the ticket live with the turns said on B, and B\'s reply reaches the patient', async () => {
    const cookie = await signIn(b);
    const patient = await WebPatient.start(a);
    await patient.news(a);
    // A question answered by B, then the handoff asked on A: the ticket's transcript has both.
    expect(await patient.sayAndHear(b, 'Mag ik sporten met knieartrose?')).toMatch(/sport/i);
    await patient.say(a, 'kan ik iemand spreken');
    expect((await patient.news(a)).flatMap((m) => m.actions)).not.toContain('In de chat wachten');
    await patient.say(a, 'nee');
    await patient.news(a);

    const queue = await liveQueue(b, cookie);
    try {
      await until(async () => (await pool.query('SELECT 1 FROM staff_presence')).rowCount, 'the open queue recorded');
      await patient.say(a, 'kan ik iemand spreken');
      expect((await patient.news(a)).flatMap((m) => m.actions)).toContain('In de chat wachten');
      expect(await patient.sayAndHear(a, 'In de chat wachten')).toMatch(/medewerker gevraagd/);
      const opened = await until(() => queue.events.find((e) => e.type === 'opened'), 'the opened event on B');
      const ticket = (await (await fetch(`${b.base}/console/api/tickets/${opened.ticketId}`, { headers: { cookie } })).json()) as { messages: { from: string; text: string }[] };
      expect(ticket.messages.map((m) => m.text)).toContain('Mag ik sporten met knieartrose?');

      // What the patient types on A shows on B, live.
      await patient.say(a, 'Ik heb een vraag over mijn rekening');
      await until(() => queue.events.some((e) => e.type === 'message' && e.ticketId === opened.ticketId), 'the message event on B');
      const reply = await fetch(`${b.base}/console/api/tickets/${opened.ticketId}/reply`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ik kijk het even na.' }),
      });
      expect(reply.status).toBe(200);
      expect((await patient.news(a)).map((m) => m.text).join('\n')).toMatch(/Ik kijk het even na\./);
    } finally {
      queue.close();
    }
    // The queue closed: nobody watches, and a patient is no longer offered to wait.
    await until(async () => !(await b.app.handoff.staffWatching()), 'the closed queue forgotten');
    expect(await a.app.handoff.staffWatching()).toBe(false);
  });

  it('a double "Bevestigen" on both instances books once, and neither reply says the slot was taken', async () => {
    const patient = await WebPatient.start(a);
    await patient.news(a);
    for (const [i, text] of BOOK.entries()) await patient.say(i % 2 ? b : a, text);
    await patient.news(a);
    await Promise.all([patient.say(a, 'Bevestigen'), patient.say(b, 'Bevestigen')]);
    const replies = (await patient.news(b)).map((m) => m.text).join('\n');
    expect(replies.match(/Je afspraak is bevestigd/g)).toHaveLength(1);
    expect(replies).not.toMatch(/Die tijd is net weg/);
    expect(replies).toMatch(/al bevestigd, één keer/);
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE status = 'confirmed'");
    expect(rows[0].n).toBe(1);
  });
  it('a ticket timing out on B is told to the patient whose chat started on A, once', async () => {
    const watching = b.app.handoff.watch(() => undefined);
    const patient = await WebPatient.start(a);
    await patient.news(a);
    await patient.say(a, 'kan ik iemand spreken');
    await patient.say(a, 'In de chat wachten');
    await patient.news(a);
    watching();
    // Both instances' timeout jobs run at once, after the 10 minutes: one tells the patient, once.
    for (const i of [a, b]) i.clock.advance(11 * 60_000);
    const notice = () => 'TIMEOUT-NOTICE';
    const job = (i: Instance) => i.app.database.turns.run('handoff-timeouts', () => i.app.handoff.fallBackOverdue(notice));
    const counts = await Promise.all([job(b), job(a)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect((await patient.news(a)).filter((m) => m.text === 'TIMEOUT-NOTICE')).toHaveLength(1);
  });
});

describe('the embedded default (SQLite, one process)', () => {
  it('a double "Bevestigen" (two requests at once) books once and says so honestly', async () => {
    const one = await instance();
    try {
      const patient = await WebPatient.start(one);
      for (const text of BOOK) await patient.say(one, text);
      await patient.news(one);
      await Promise.all([patient.say(one, 'Bevestigen'), patient.say(one, 'Bevestigen')]);
      const replies = (await patient.news(one)).map((m) => m.text).join('\n');
      expect(replies.match(/Je afspraak is bevestigd/g)).toHaveLength(1);
      expect(replies).toMatch(/al bevestigd, één keer/);
      expect(replies).not.toMatch(/Die tijd is net weg/);
      expect((await one.app.database.bookings.listChanged(new Date(0), 10)).filter((x) => x.status === 'confirmed')).toHaveLength(1);
    } finally {
      await one.app.close();
    }
  });
});
