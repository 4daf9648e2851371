import WebSocket from 'ws';
import { Pool } from 'pg';
import { OfficialClient } from './helpers/directLineClient';
import { freshPostgresUrl } from './helpers/postgres';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

const QUESTION = 'Mag ik sporten met knieartrose?';
const ANSWER = /Welke sport bij jou past/;
const WELCOME = /digitale assistent van Fysiotherapie De Beweegreden/;

interface Started { conversationId: string; token: string; streamUrl?: string }

async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function start(base: string, t: string): Promise<Started> {
  const res = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
  expect(res.status).toBe(201);
  return (await res.json()) as Started;
}

async function post(base: string, s: Started, text: string): Promise<void> {
  const res = await fetch(`${base}/v3/directline/conversations/${s.conversationId}/activities`, {
    method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, locale: 'nl-NL' }),
  });
  expect(res.status).toBe(200);
}

async function texts(base: string, s: Started): Promise<string[]> {
  const res = await fetch(`${base}/v3/directline/conversations/${s.conversationId}/activities`, { headers: { authorization: `Bearer ${s.token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '');
}

/** The activity sets a raw WebSocket on the stream receives. */
function listen(url: string, origin?: string): { sets: { activities: { text?: string; from: { role?: string } }[]; watermark: string }[]; opened: Promise<void>; socket: WebSocket } {
  const socket = new WebSocket(url, origin ? { origin } : {});
  const sets: { activities: { text?: string; from: { role?: string } }[]; watermark: string }[] = [];
  socket.on('message', (data) => sets.push(JSON.parse(String(data))));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { sets, opened, socket };
}

async function until(check: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Direct Line on one PostgreSQL database, two instances', () => {
  let a: WebTestApp;
  let b: WebTestApp;
  let url: string;
  beforeAll(async () => {
    url = await freshPostgresUrl();
    [a, b] = await Promise.all([startWebApp({ DATABASE_URL: url }), startWebApp({ DATABASE_URL: url })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('a token from one instance starts, posts and reads on the other; the conversation and its activities are in the database', async () => {
    const started = await start(b.base, await token(a.base));
    expect(started.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.conversationId}/stream\\?watermark=-&t=`));
    await post(a.base, started, QUESTION);
    const seen = await texts(b.base, started);
    expect(seen.join('\n')).toMatch(WELCOME);
    expect(seen).toContain(QUESTION);
    expect(seen.join('\n')).toMatch(ANSWER);
    const pool = new Pool({ connectionString: url });
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM directline_activities WHERE conversation_id = $1', [started.conversationId]);
    await pool.end();
    expect(rows[0].n).toBe(seen.length);
  });

  it('a stream open on one instance gets the replies to a message posted through the other, woken by NOTIFY', async () => {
    const started = await start(a.base, await token(a.base));
    const stream = listen(started.streamUrl!.replace(a.base.replace('http', 'ws'), b.base.replace('http', 'ws')));
    await stream.opened;
    await until(() => stream.sets.some((s) => s.activities.some((x) => WELCOME.test(x.text ?? ''))), 'the welcome on the stream');
    await post(a.base, started, QUESTION);
    await until(() => stream.sets.some((s) => s.activities.some((x) => ANSWER.test(x.text ?? ''))), 'the answer on the stream');
    // Watermarks only grow, and nothing comes twice.
    const ids = stream.sets.flatMap((s) => s.activities.map((x) => (x as { id?: string }).id));
    expect(new Set(ids).size).toBe(ids.length);
    const marks = stream.sets.map((s) => Number(s.watermark));
    expect([...marks].sort((x, y) => x - y)).toEqual(marks);
    stream.socket.close();
  });

  it('deletes a web chat idle past its token\'s lifetime, with its messages, at the retention sweep, though no new chat starts', async () => {
    const started = await start(a.base, await token(a.base));
    await post(a.base, started, QUESTION);
    const pool = new Pool({ connectionString: url });
    const count = async (table: string, column: string) =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [started.conversationId])).rows[0].n;
    try {
      expect(await count('directline_activities', 'conversation_id')).toBeGreaterThan(0);
      for (const i of [a, b]) i.clock.advance(29 * 60_000);
      await b.app.retention.sweep();
      expect(await count('directline_conversations', 'id')).toBe(1);
      for (const i of [a, b]) i.clock.advance(2 * 60_000);
      await b.app.retention.sweep();
      expect(await count('directline_conversations', 'id')).toBe(0);
      expect(await count('directline_activities', 'conversation_id')).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuses a stream without a valid token for that conversation', async () => {
    const started = await start(a.base, await token(a.base));
    const other = await start(a.base, await token(a.base));
    const wsBase = a.base.replace('http', 'ws');
    await expect(listen(`${wsBase}/v3/directline/conversations/${started.conversationId}/stream?t=forged`).opened).rejects.toThrow(/401/);
    await expect(listen(`${wsBase}/v3/directline/conversations/${started.conversationId}/stream?t=${encodeURIComponent(other.token)}`).opened).rejects.toThrow(/403/);
  });

  it.each([
    ['WebSocket', true],
    ['polling', false],
  ])('the official botframework-directlinejs client works in %s mode, across both instances', async (_mode, webSocket) => {
    const client = new OfficialClient(a.base, await token(b.base), webSocket);
    try {
      await client.online();
      await client.botSays(WELCOME);
      await client.say(QUESTION);
      await client.botSays(ANSWER);
      // Its conversation is readable through the other instance too.
      const t = (client.line as unknown as { token: string }).token;
      expect((await texts(b.base, { conversationId: client.conversationId, token: t })).join('\n')).toMatch(ANSWER);
    } finally {
      client.end();
    }
  });
});

describe('the stream behind a public address (PUBLIC_URL, WEBSITE_ORIGINS)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebApp({ PUBLIC_URL: 'https://chat.praktijk.example', WEBSITE_ORIGINS: 'https://www.praktijk.example' });
  });
  afterAll(() => web.close());

  it.each([
    ['https://chat.praktijk.example', true],
    ['https://CHAT.praktijk.example', true],
    ['https://www.praktijk.example', true],
    ['http://www.praktijk.example', false],
    ['https://praktijk.example.aanvaller.example', false],
  ])('from %s: opens %s', async (origin, opens) => {
    const started = await start(web.base, await token(web.base));
    // The stream's address names PUBLIC_URL; the test reaches the same server directly.
    const stream = listen(started.streamUrl!.replace('wss://chat.praktijk.example', web.base.replace('http', 'ws')), origin);
    if (opens) {
      await stream.opened;
      stream.socket.close();
    } else {
      await expect(stream.opened).rejects.toThrow(/403/);
    }
  });
});

describe('Direct Line in the embedded default (memory, one process)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(() => web.close());

  it.each([
    ['WebSocket', true],
    ['polling', false],
  ])('the official botframework-directlinejs client works in %s mode', async (_mode, webSocket) => {
    const client = new OfficialClient(web.base, await token(web.base), webSocket);
    try {
      await client.online();
      await client.botSays(WELCOME);
      await client.say(QUESTION);
      await client.botSays(ANSWER);
    } finally {
      client.end();
    }
  });

  it.each([
    ['the chat page served by the bot itself', true, (base: string) => base],
    ['no Origin at all (a client that is not a browser)', true, () => undefined],
    ['a page of another site', false, () => 'https://aanvaller.example'],
    ['a sandboxed page ("null")', false, () => 'null'],
    ['a page on another port of the same host', false, (base: string) => base.replace(/:\d+$/, ':1')],
  ])('a stream asked for by %s opens: %s', async (_who, opens, origin) => {
    const started = await start(web.base, await token(web.base));
    const stream = listen(started.streamUrl!, origin(web.base));
    if (opens) {
      await stream.opened;
      await until(() => stream.sets.some((s) => s.activities.some((x) => WELCOME.test(x.text ?? ''))), 'the welcome on the stream');
      stream.socket.close();
    } else {
      await expect(stream.opened).rejects.toThrow(/403/);
    }
  });

  it('a reconnect answer carries a streamUrl from the given watermark, as Azure\'s does', async () => {
    const started = await start(web.base, await token(web.base));
    const res = await fetch(`${web.base}/v3/directline/conversations/${started.conversationId}?watermark=1`, { headers: { authorization: `Bearer ${started.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Started;
    expect(body.streamUrl).toMatch(/\/stream\?watermark=1&t=/);
    const stream = listen(body.streamUrl!);
    await stream.opened;
    await post(web.base, started, QUESTION);
    await until(() => stream.sets.some((s) => s.activities.some((x) => ANSWER.test(x.text ?? ''))), 'the answer on the stream');
    // Nothing at or below the watermark comes again.
    expect(stream.sets.flatMap((s) => s.activities).some((x) => WELCOME.test(x.text ?? ''))).toBe(false);
    stream.socket.close();
  });
});
