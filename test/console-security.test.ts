import { spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import type { App } from '../src/app/createApp';
import { readSecret } from '../src/cli/readSecret';
import { ConsoleUsers, hashPassword, SCRYPT_PARAMS } from '../src/console/ConsoleUsers';
import { MAX_WAIT_MS } from '../src/console/SignInThrottle';
import { buildTestApp, type LogSink } from './helpers/testApp';
import type { FixedClock } from '../src/util/Clock';

const PASSWORD = 'correct horse battery';

/**
 * An entry with cheap scrypt parameters, for the tests of the limits: they sign in dozens of
 * times, and the hash's cost is not what they test (the OWASP parameters have their own test).
 */
function cheapEntry(password: string): string {
  const salt = randomBytes(16);
  return `scrypt:1024:8:1:${salt.toString('base64')}:${scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
}
let app: App;
let sink: LogSink;
let clock: FixedClock;
let base: string;

beforeAll(async () => {
  ({ app, sink, clock } = await buildTestApp({
    CONSOLE_USERS: [
      `anna=${cheapEntry(PASSWORD)}`, `bert=${cheapEntry(PASSWORD)}`, `dora=${cheapEntry(PASSWORD)}`,
      // Full strength: the test that the hash runs off the event loop needs a hash that takes a while.
      `carla=${hashPassword(PASSWORD)}`,
    ].join(','),
    // Behind one proxy: the client's address is the last X-Forwarded-For entry.
    TRUSTED_PROXY_HOPS: '1',
  }));
  base = `http://127.0.0.1:${await app.server.listen()}`;
});
afterAll(() => app.close());

let ipCounter = 0;
/** A new IPv6 address for every attempt, as an attacker with a /64 has. */
const freshIp = () => `2001:db8::${(++ipCounter).toString(16)}`;

function signIn(user: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/console/api/signin`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp(), ...headers }, body: JSON.stringify({ user, password }),
  });
}
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

describe('console sign-in: per account, whatever the address', () => {
  it('after 5 failures from 5 addresses the account waits, also for the right password from a 6th address', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('bert', `guess number ${i}`)).status).toBe(401);
    const refused = await signIn('bert', PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Waiting does not go on for good: after the wait the receptionist gets in.
    clock.advance(31_000);
    expect((await signIn('bert', PASSWORD)).status).toBe(200);
  });

  it('a browser that signed in before is not held up by a stranger\'s guessing', async () => {
    clock.advance(MAX_WAIT_MS + 1000);
    const first = await signIn('anna', PASSWORD);
    expect(first.status).toBe(200);
    const device = cookiesOf(first).find((c) => c.startsWith('fa_console_device='))!;
    expect(device).toBeDefined();
    for (let i = 0; i < 12; i++) await signIn('anna', `attacker guess ${i}`);
    expect((await signIn('anna', PASSWORD)).status).toBe(429);
    expect((await signIn('anna', PASSWORD, { cookie: device })).status).toBe(200);
    // Another account's device cookie does not help.
    for (let i = 0; i < 6; i++) await signIn('bert', `attacker guess ${i}`);
    expect((await signIn('bert', PASSWORD, { cookie: device })).status).toBe(429);
  });

  it('the wait doubles but never exceeds 15 minutes', async () => {
    for (let round = 0; round < 12; round++) {
      await signIn('dora', 'x'.repeat(12));
      clock.advance(MAX_WAIT_MS + 1000);
    }
    await signIn('dora', 'x'.repeat(12));
    const res = await signIn('dora', 'x'.repeat(12));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(MAX_WAIT_MS / 1000);
    clock.advance(MAX_WAIT_MS + 1000);
    expect((await signIn('dora', 'x'.repeat(12))).status).toBe(401);
  }, 120_000);

  it('checks the password off the event loop: other requests are answered while it hashes', async () => {
    clock.advance(MAX_WAIT_MS + 1000);
    const order: string[] = [];
    const signingIn = signIn('carla', 'wrong password here').then(() => order.push('signin'));
    await new Promise((r) => setTimeout(r, 20));
    const health = fetch(`${base}/healthz`).then(() => order.push('healthz'));
    await Promise.all([signingIn, health]);
    expect(order).toEqual(['healthz', 'signin']);
  });

  it('hashes with scrypt at OWASP\'s minimum or above; older entries still work and are reported', async () => {
    const [, n, r, p] = hashPassword('a password of some length').split(':').map(Number);
    expect(n * r * p).toBeGreaterThanOrEqual(2 ** 14 * 8 * 5);
    expect({ N: n, r, p }).toEqual(SCRYPT_PARAMS);
    // An entry made by the earlier console:add-user (scrypt:N:salt:hash, r=8, p=1).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const old = `scrypt:16384:${salt.toString('base64')}:${scryptSync(PASSWORD, salt, 32, { N: 16384 }).toString('base64')}`;
    const users = new ConsoleUsers(`old=${old},new=${hashPassword(PASSWORD)}`);
    expect(await users.verify('old', PASSWORD)).toBe(true);
    expect(await users.verify('old', 'not the password')).toBe(false);
    expect(users.weakAccounts()).toEqual(['old']);
  });
});

describe('console CSRF: Origin check on every POST', () => {
  let cookie: string;
  beforeAll(async () => {
    clock.advance(MAX_WAIT_MS + 1000);
    const res = await signIn('carla', PASSWORD);
    expect(res.status).toBe(200);
    cookie = cookiesOf(res)[0];
  });

  it.each([
    ['/console/api/tickets/x/take', { origin: 'https://attacker.example' }],
    ['/console/api/tickets/x/reply', { origin: 'https://attacker.example' }],
    ['/console/api/tickets/x/close', { origin: 'null' }],
    ['/console/api/signout', { 'sec-fetch-site': 'cross-site' }],
    ['/console/api/signin', { origin: 'http://127.0.0.1.attacker.example' }],
  ])('%s from another site (%j) is refused with 403', async (path, headers) => {
    const res = await fetch(base + path, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: 'hoi', user: 'carla', password: PASSWORD }) });
    expect(res.status).toBe(403);
  });

  it('a POST from the console\'s own origin goes through', async () => {
    const ticket = await app.handoff.open({
      reason: 'requested', channel: 'emulator', locale: 'nl-NL', conversationId: `csrf-${Date.now()}`, reference: {}, transcript: [],
    });
    const res = await fetch(`${base}/console/api/tickets/${ticket.id}/take`, {
      method: 'POST', headers: { cookie, origin: base, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    expect(sink.lines.some((l) => l.includes('console_cross_origin'))).toBe(true);
  });
});

describe('console tickets', () => {
  let cookie: string;
  beforeAll(async () => {
    clock.advance(MAX_WAIT_MS + 1000);
    cookie = cookiesOf(await signIn('carla', PASSWORD))[0];
  });

  const say = async (conversation: string, text: string) => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', locale: 'nl-NL',
        conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' },
      }),
    });
    return ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '').join('\n');
  };

  it('"take" on a closed ticket is refused and the bot goes on answering the patient', async () => {
    const conversation = `closed-${Date.now()}`;
    const ticket = await app.handoff.open({
      reason: 'requested', channel: 'emulator', locale: 'nl-NL', conversationId: conversation,
      reference: { serviceUrl: 'http://127.0.0.1:9', channelId: 'emulator', conversation: { id: conversation } }, transcript: [],
    });
    expect((await fetch(`${base}/console/api/tickets/${ticket.id}/close`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    const take = await fetch(`${base}/console/api/tickets/${ticket.id}/take`, { method: 'POST', headers: { cookie } });
    expect(take.status).toBe(409);
    expect((await app.handoff.get(ticket.id))?.status).toBe('closed');
    expect(await say(conversation, 'helpt afvallen bij knieartrose?')).toMatch(/gewicht|afvallen|kilo/i);
  });

  it('a reply that cannot be delivered is answered 409 and stays in the transcript marked as not sent', async () => {
    const conversation = `unreachable-${Date.now()}`;
    const ticket = await app.handoff.open({
      reason: 'requested', channel: 'emulator', locale: 'nl-NL', conversationId: conversation,
      // The channel is down: nothing listens on port 9.
      reference: { serviceUrl: 'http://127.0.0.1:9', channelId: 'emulator', conversation: { id: conversation }, bot: { id: 'bot' }, user: { id: 'u' } },
      transcript: [],
    });
    const res = await fetch(`${base}/console/api/tickets/${ticket.id}/reply`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ik bel u zo.' }),
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ sent: false, reason: 'send-failed' });
    const shown = (await (await fetch(`${base}/console/api/tickets/${ticket.id}`, { headers: { cookie } })).json()) as { messages: { text: string; failed?: string }[] };
    expect(shown.messages).toEqual([expect.objectContaining({ text: 'Ik bel u zo.', failed: 'send-failed' })]);
  }, 120_000);
});

describe('console:add-user', () => {
  it('reads the password on a terminal in raw mode and echoes none of it', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) { this.rawModes.push(raw); return this; } });
    let shown = '';
    const output = new Writable({ write(chunk: Buffer, _e, cb) { shown += chunk.toString(); cb(); } });
    const secret = readSecret(input, output, 'Password: ');
    input.write('geheim wachtwoord');
    input.write('x\u007f!'); // a typo, a backspace and the right character
    input.write('\r');
    expect(await secret).toBe('geheim wachtwoord!');
    expect(input.rawModes).toEqual([true, false]);
    expect(shown).toBe('Password: \n');
  });

  it('reads the password from a pipe and prints only the entry', () => {
    const password = 'een heel geheim wachtwoord';
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/console-add-user.ts', 'anna'], { input: `${password}\n`, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^anna=scrypt:16384:8:5:[\w+/=]+:[\w+/=]+\n$/);
    expect(run.stdout + run.stderr).not.toContain(password);
  });
});
