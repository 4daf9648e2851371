import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { App } from '../src/app/createApp';
import { hashPassword } from '../src/console/ConsoleUsers';
import { buildTestApp } from './helpers/testApp';

const PASSWORD = 'correct horse battery';
let app: App;
let clock: Awaited<ReturnType<typeof buildTestApp>>['clock'];
let base: string;
let channel: Server;
let channelUrl: string;
const delivered: { text?: string }[] = [];
/** Resolves when the stand-in channel has received its next message. */
const arrivals = new EventEmitter();
const nextDelivery = (): Promise<void> => new Promise((r) => arrivals.once('delivered', () => r()));

beforeAll(async () => {
  ({ app, clock } = await buildTestApp({ CONSOLE_USERS: `anna=${hashPassword(PASSWORD)}`, CONSOLE_SESSION_HOURS: '8' }));
  base = `http://127.0.0.1:${await app.server.listen()}`;
  // A stand-in for a Bot Framework channel (as the Emulator is): receives the bot's proactive messages.
  channel = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (body) {
        delivered.push(JSON.parse(body) as { text?: string });
        arrivals.emit('delivered');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', () => r()));
  channelUrl = `http://127.0.0.1:${(channel.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  channel.close();
});

async function signIn(password = PASSWORD, user = 'anna'): Promise<Response> {
  return fetch(`${base}/console/api/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
}
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

const API_ROUTES: [string, string][] = [
  ['GET', '/console/api/me'], ['GET', '/console/api/queue'], ['GET', '/console/api/tickets/x'], ['POST', '/console/api/tickets/x/reply'],
  ['POST', '/console/api/tickets/x/take'], ['POST', '/console/api/tickets/x/release'], ['POST', '/console/api/tickets/x/close'],
  ['GET', '/console/api/bookings'], ['GET', '/console/api/locations'], ['GET', '/console/api/history'], ['GET', '/console/api/events'], ['POST', '/console/api/signout'],
];

describe('receptionist console', () => {
  it.each(API_ROUTES)('%s %s answers 401 without a session', async (method, path) => {
    const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(401);
  });

  it.each(API_ROUTES)('%s %s answers 401 with an expired session', async (method, path) => {
    const cookie = cookieOf(await signIn());
    clock.advance(8 * 3_600_000 + 1000);
    const res = await fetch(base + path, { method, headers: { cookie, 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(401);
  });

  it('redirects pages to the sign-in page without a session, and serves them with a session', async () => {
    const res = await fetch(`${base}/console`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/signin');
    const cookie = cookieOf(await signIn());
    const page = await fetch(`${base}/console`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('signs in with an HttpOnly, SameSite cookie that expires; refuses a wrong password', async () => {
    const ok = await signIn();
    expect(ok.status).toBe(200);
    // Relative to the browser's receipt (CONSOLE_SESSION_HOURS, 8 by default), whatever the browser's clock says.
    const [sessionCookie, deviceCookie] = ok.headers.getSetCookie();
    expect(sessionCookie).toMatch(/^fa_console=[\w-]+; HttpOnly; SameSite=Strict; Path=\/console; Max-Age=28800$/);
    // The browser is remembered for the per-account backoff, on the sign-in path only.
    expect(deviceCookie).toMatch(/^fa_console_device=[\w.-]+; HttpOnly; SameSite=Strict; Path=\/console\/api\/signin; Max-Age=2592000$/);
    expect((await signIn('wrong password!')).status).toBe(401);
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn('guessing ' + i)).status);
    expect(statuses).toContain(429);
  });

  it('shows a ticket, sends the reply to the patient on their channel, and releases it', async () => {
    clock.advance(120_000);
    const cookie = cookieOf(await signIn());
    const conversation = `console-${Date.now()}`;
    const say = async (text: string) => {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', text, channelId: 'emulator', serviceUrl: channelUrl, deliveryMode: 'expectReplies', locale: 'nl-NL',
          conversation: { id: conversation }, from: { id: 'patient-1' }, recipient: { id: 'bot' },
        }),
      });
      return ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '').join('\n');
    };
    // Without the console's live queue open, nobody is promised in the chat.
    await say('ik wil een medewerker spreken');
    expect(await say('In de chat wachten')).not.toMatch(/medewerker gevraagd/);
    await say('nee');
    // The console page opens the live queue (server-sent events): now a receptionist is watching.
    const live = new AbortController();
    const events = await fetch(`${base}/console/api/events`, { headers: { cookie }, signal: live.signal });
    expect(events.status).toBe(200);
    await say('ik wil een medewerker spreken');
    expect(await say('In de chat wachten')).toMatch(/medewerker gevraagd/);
    live.abort();
    expect(await say('<script>alert(1)</script> hallo')).toBe('');
    const queue = (await (await fetch(`${base}/console/api/queue`, { headers: { cookie } })).json()) as { id: string }[];
    const id = queue[queue.length - 1].id;
    const ticket = (await (await fetch(`${base}/console/api/tickets/${id}`, { headers: { cookie } })).json()) as { messages: { text: string }[] };
    expect(ticket.messages.map((m) => m.text)).toContain('<script>alert(1)</script> hallo');

    const reply = await fetch(`${base}/console/api/tickets/${id}/reply`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Goedemiddag, ik help u verder.' }),
    });
    expect(reply.status).toBe(200);
    expect(delivered.map((d) => d.text)).toContain('Medewerker: Goedemiddag, ik help u verder.');

    expect((await fetch(`${base}/console/api/tickets/${id}/release`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    expect(delivered.map((d) => d.text).join('\n')).toMatch(/weer met de digitale assistent/);
    expect(await say('helpt afvallen bij knieartrose?')).toMatch(/gewicht|afvallen|kilo/i);
  });

  it('lists new, moved and cancelled bookings for staff', async () => {
    const cookie = cookieOf(await signIn());
    const res = await fetch(`${base}/console/api/bookings`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
  });
});

describe('Teams for staff', () => {
  it('posts a card with a link to the console when a ticket opens, without patient text', async () => {
    const { app: teamsApp } = await buildTestApp({
      STAFF_TEAMS_SERVICE_URL: channelUrl, STAFF_TEAMS_CONVERSATION_ID: '19:staff@thread.tacv2', PUBLIC_URL: 'https://bot.beweegreden.example',
    });
    await teamsApp.consoleSessions.create('anna');
    const card$ = nextDelivery();
    const ticket = await teamsApp.handoff.open({
      reason: 'requested', channel: 'webchat', locale: 'nl-NL', conversationId: 'c-teams', reference: {},
      transcript: [{ from: 'patient', text: 'mijn knie is dik', at: new Date().toISOString() }],
    });
    await card$;
    const card = delivered[delivered.length - 1] as { text?: string; attachments?: { content: { buttons: { value: string }[] } }[] };
    expect(card.text).toMatch(/Nieuw gesprek voor de receptie/);
    expect(card.attachments?.[0].content.buttons[0].value).toBe('https://bot.beweegreden.example/console');
    expect(JSON.stringify(card)).not.toContain('mijn knie');
    expect(ticket.status).toBe('waiting');
    await teamsApp.close();
  });
});
