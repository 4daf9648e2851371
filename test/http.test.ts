import { spawnSync } from 'node:child_process';
import type { App } from '../src/app/createApp';
import { buildTestApp } from './helpers/testApp';

let app: App;
let base: string;
beforeAll(async () => {
  ({ app } = await buildTestApp({ MAX_BODY_BYTES: '20000' }));
  const port = await app.server.listen();
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => app.close());

const activity = (extra: Record<string, unknown>) => ({
  type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies',
  conversation: { id: `http-${Math.random()}` }, from: { id: 'u1' }, recipient: { id: 'bot' }, ...extra,
});
const post = (body: unknown, raw?: string) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });

describe('HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it.each([
    ['nl-NL', /112/, /digitale assistent/],
    ['nl-BE', /112/, /kine/],
  ])('sends the %s welcome in the response body with expectReplies', async (locale, a, b) => {
    const res = await post(activity({ type: 'conversationUpdate', locale, membersAdded: [{ id: 'u1' }] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { text: string }[] };
    expect(body.activities[0].text).toMatch(a);
    expect(body.activities[0].text).toMatch(b);
  });

  it('answers a question over HTTP', async () => {
    const res = await post(activity({ text: 'helpt afvallen bij knieartrose?' }));
    const body = (await res.json()) as { activities: { text: string }[] };
    expect(body.activities[0].text).toMatch(/gewicht|afvallen|kilo/i);
  });

  it('answers an invoke no handler knows with 501, as botbuilder does, and stays healthy', async () => {
    const res = await post(activity({ type: 'invoke', name: 'unknown/operation', deliveryMode: undefined }));
    expect(res.status).toBe(501);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('hands the bot the channel\'s timestamps as dates, keeping the strings it sent', async () => {
    const seen: unknown[] = [];
    const spy = jest.spyOn(app.bot, 'run').mockImplementationOnce(async (context) => {
      const a = context.activity as typeof context.activity & { rawTimestamp?: string; rawLocalTimestamp?: string };
      seen.push(a.timestamp, a.rawTimestamp, a.localTimestamp, a.rawLocalTimestamp);
    });
    try {
      const res = await post(activity({ text: 'hallo', timestamp: '2026-12-03T10:00:00.000Z', localTimestamp: '2026-12-03T11:00:00.000+01:00' }));
      expect(res.status).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect(seen[0]).toEqual(new Date('2026-12-03T10:00:00.000Z'));
    expect(seen[1]).toBe('2026-12-03T10:00:00.000Z');
    expect(seen[2]).toEqual(new Date('2026-12-03T10:00:00.000Z'));
    expect(seen[3]).toBe('2026-12-03T11:00:00.000+01:00');
  });

  it.each<[string, unknown, string | undefined, number]>([
    ['malformed JSON', undefined, '{"type": "message", ', 400],
    ['a body that is not an object', [1, 2], undefined, 400],
    ['an activity without a type', { conversation: { id: 'x' }, serviceUrl: 'http://127.0.0.1:9' }, undefined, 400],
    ['an activity without a conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u' } }, undefined, 400],
    ['a body over the size limit', activity({ text: 'x'.repeat(30000) }), undefined, 413],
    ['replies to a non-allowed serviceUrl', activity({ deliveryMode: 'normal', serviceUrl: 'https://attacker.example' }), undefined, 403],
  ])('refuses %s with %#', async (_name, body, raw, status) => {
    const res = await post(body, raw);
    expect(res.status).toBe(status);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('body size limit', () => {
  it.each(['/api/messages', '/api/directline/token', '/v3/directline/conversations', '/console/api/signin'])(
    'answers 413 on %s for a body over MAX_BODY_BYTES, and stays healthy',
    async (path) => {
      const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(30000) }) });
      expect(res.status).toBe(413);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    },
  );
});

describe('a turn that fails', () => {
  it('tells the user in their language, and the conversation stays usable', async () => {
    const conversation = { id: `failing-${Math.random()}` };
    const original = app.router.route.bind(app.router);
    app.router.route = (text, context) => {
      if (text === 'maak een fout') throw new Error('simulated failure');
      return original(text, context);
    };
    try {
      const failed = await post(activity({ text: 'maak een fout', conversation, locale: 'nl-BE' }));
      const body = (await failed.json()) as { activities: { text: string }[] };
      expect(body.activities.map((a) => a.text).join('\n')).toMatch(/liep bij mij iets mis.*bel de praktijk op 030 123 45 67/s);
      const next = await post(activity({ text: 'helpt afvallen bij knieartrose?', conversation, locale: 'nl-BE' }));
      const nextBody = (await next.json()) as { activities: { text: string }[] };
      expect(nextBody.activities[0].text).toMatch(/gewicht|vermager|kilo/i);
    } finally {
      app.router.route = original;
    }
  });
});

describe('a turn whose error handler fails too', () => {
  it('answers 500 without the error text, as botbuilder does, and the server stays up', async () => {
    const route = app.router.route.bind(app.router);
    const onTurnError = app.adapter.onTurnError;
    app.router.route = () => {
      throw new Error('simulated failure with secret detail');
    };
    app.adapter.onTurnError = async () => {
      throw new Error('the apology failed as well');
    };
    try {
      const res = await post(activity({ text: 'maak een fout' }));
      expect(res.status).toBe(500);
      expect(await res.text()).not.toMatch(/secret|apology/);
    } finally {
      app.router.route = route;
      app.adapter.onTurnError = onTurnError;
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('start-up', () => {
  it('exits non-zero naming PORT when PORT=abc', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      // Compiling the sources takes a while on a busy two-core machine.
      timeout: 80_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('PORT');
  });
});
