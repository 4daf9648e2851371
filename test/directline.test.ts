import { createServer, type IncomingMessage, type Server } from 'node:http';
import { TurnContext, type Activity } from 'botbuilder';
import { DirectLineConversationGoneError, DirectLineConversationStore } from '../src/channels/directline';
import { FixedClock } from '../src/util/Clock';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

interface TokenResponse { token: string; conversationId: string; expires_in: number; userId: string; domain?: string }
interface ActivitySet { activities: (Partial<Activity> & { id: string })[]; watermark: string }

const QUESTION = 'Mag ik sporten met knieartrose?';

function client(base: string) {
  const call = (method: string, path: string, token?: string, body?: unknown, raw?: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  return {
    call,
    async token(): Promise<TokenResponse> {
      const res = await call('POST', '/api/directline/token', undefined, {});
      expect(res.status).toBe(200);
      return (await res.json()) as TokenResponse;
    },
    async start(token: string): Promise<{ conversationId: string; token: string; expires_in: number }> {
      const res = await call('POST', '/v3/directline/conversations', token);
      expect(res.status).toBe(201);
      return (await res.json()) as { conversationId: string; token: string; expires_in: number };
    },
    async activities(conversationId: string, token: string, watermark?: string): Promise<ActivitySet> {
      const q = watermark === undefined ? '' : `?watermark=${watermark}`;
      const res = await call('GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities${q}`, token);
      expect(res.status).toBe(200);
      return (await res.json()) as ActivitySet;
    },
    async say(conversationId: string, token: string, text: string, clientActivityID: string): Promise<string> {
      const res = await call('POST', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, token, {
        type: 'message', text, locale: 'nl-NL', textFormat: 'plain',
        from: { id: 'someone-else', name: 'Spoofed Name', role: 'bot' },
        channelData: { clientActivityID, clientTimestamp: '2026-11-23T09:00:00.000Z' },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    },
  };
}

describe('Direct Line endpoint (the bot\'s own)', () => {
  let web: WebTestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    web = await startWebApp({ WEBSITE_ORIGINS: 'https://www.beweegreden.example', FRAME_ANCESTORS: "'self' https://www.beweegreden.example" });
    api = client(web.base);
  });
  afterAll(() => web.close());

  it('greets, echoes the message with its clientActivityID and answers it, in order, with watermarks', async () => {
    const issued = await api.token();
    expect(issued.expires_in).toBe(1800);
    expect(issued.userId).toMatch(/^dl_/);
    const started = await api.start(issued.token);
    expect(started.conversationId).toBe(issued.conversationId);
    const { conversationId, token } = started;

    const first = await api.activities(conversationId, token);
    expect(first.activities.length).toBeGreaterThanOrEqual(1);
    expect(first.activities[0].from).toMatchObject({ role: 'bot' });
    expect(first.activities.map((a) => a.text).join('\n')).toMatch(/digitale assistent van Fysiotherapie De Beweegreden/);

    const postedId = await api.say(conversationId, token, QUESTION, 'client-1');
    expect(postedId.startsWith(`${conversationId}|`)).toBe(true);

    const next = await api.activities(conversationId, token, first.watermark);
    const [echo, answer, more] = next.activities;
    expect(echo).toMatchObject({
      id: postedId, type: 'message', text: QUESTION,
      from: { id: issued.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' },
    });
    expect(typeof echo.timestamp).toBe('string');
    expect(answer.from).toMatchObject({ role: 'bot' });
    expect(answer.text).toMatch(/Welke sport bij jou past/);
    expect(answer.replyToId).toBe(postedId);
    expect(answer.id > echo.id).toBe(true);
    // The follow-up topics come as suggested actions (Web Chat shows them as buttons).
    expect(more.from).toMatchObject({ role: 'bot' });
    expect(more.suggestedActions?.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['Beweegnorm', 'Oefentherapie']));

    const nothingNew = await api.activities(conversationId, token, next.watermark);
    expect(nothingNew).toEqual({ activities: [], watermark: next.watermark });
    const everything = await api.activities(conversationId, token);
    expect(everything.activities.length).toBe(first.activities.length + next.activities.length);
  });

  it('clicking a suggested action (imBack: its value as text) gets that topic\'s answer', async () => {
    const { token, conversationId } = await api.start((await api.token()).token);
    const welcome = await api.activities(conversationId, token);
    await api.say(conversationId, token, QUESTION, 'c1');
    const answered = await api.activities(conversationId, token, welcome.watermark);
    const followUp = answered.activities.find((a) => a.suggestedActions)!.suggestedActions!.actions.find((a) => a.title === 'Beweegnorm')!;
    await api.say(conversationId, token, String(followUp.value), 'c2');
    const after = await api.activities(conversationId, token, answered.watermark);
    expect(after.activities[0].text).toBe('Beweegnorm');
    expect(after.activities[1].text).toMatch(/beweegnorm/);
  });

  it('starting twice with the same token keeps one conversation and one welcome', async () => {
    const issued = await api.token();
    const a = await api.start(issued.token);
    const again = await api.call('POST', '/v3/directline/conversations', a.token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { conversationId: string }).conversationId).toBe(a.conversationId);
    const all = await api.activities(a.conversationId, a.token);
    expect(all.activities.filter((x) => /digitale assistent/.test(x.text ?? '')).length).toBe(1);
  });

  it('refuses every call without a valid token for that conversation', async () => {
    const mine = await api.start((await api.token()).token);
    const theirs = await api.start((await api.token()).token);
    const act = (id: string) => `/v3/directline/conversations/${encodeURIComponent(id)}/activities`;
    const msg = { type: 'message', text: 'hallo' };
    const forged = mine.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));

    const cases: [string, string, string | undefined, unknown, number][] = [
      ['start without token', '/v3/directline/conversations', undefined, undefined, 401],
      ['refresh without token', '/v3/directline/tokens/refresh', undefined, undefined, 401],
      ['post without token', act(mine.conversationId), undefined, msg, 401],
      ['post with a forged token', act(mine.conversationId), forged, msg, 401],
      ['post with garbage', act(mine.conversationId), 'not-a-token', msg, 401],
      ['post with another conversation\'s token', act(mine.conversationId), theirs.token, msg, 403],
    ];
    for (const [name, path, token, body, status] of cases) {
      const res = await api.call('POST', path, token, body);
      expect([name, res.status]).toEqual([name, status]);
    }
    for (const [token, status] of [[undefined, 401], [forged, 401], [theirs.token, 403]] as const) {
      const res = await api.call('GET', act(mine.conversationId), token);
      expect(res.status).toBe(status);
      const body = await res.text();
      expect(body).not.toContain('digitale assistent');
    }
    const reconnect = await api.call('GET', `/v3/directline/conversations/${encodeURIComponent(mine.conversationId)}`, theirs.token);
    expect(reconnect.status).toBe(403);
  });

  it('refuses an expired token and lets a refreshed one go on', async () => {
    const { token, conversationId } = await api.start((await api.token()).token);
    web.clock.advance(1000 * 1000);
    await api.activities(conversationId, token);
    const refreshed = await api.call('POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(fresh).toMatchObject({ conversationId, expires_in: 1800 });
    expect(fresh.token).not.toBe(token);

    web.clock.advance(1000 * 1000);
    const old = await api.call('GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, token);
    expect(old.status).toBe(401);
    expect((await api.call('POST', '/v3/directline/tokens/refresh', token)).status).toBe(401);
    await api.say(conversationId, fresh.token, QUESTION, 'after-refresh');
    const all = await api.activities(conversationId, fresh.token);
    expect(all.activities.some((a) => /Welke sport bij jou past/.test(a.text ?? ''))).toBe(true);
  });

  it.each<[string, unknown, string | undefined, number]>([
    ['malformed JSON', undefined, '{"type": "message", ', 400],
    ['an array', [1, 2], undefined, 400],
    ['an unsupported type', { type: 'invoke', name: 'x' }, undefined, 400],
    ['a message without text', { type: 'message' }, undefined, 400],
    ['text that is not a string', { type: 'message', text: 42 }, undefined, 400],
    ['text over the limit', { type: 'message', text: 'x'.repeat(2001) }, undefined, 413],
    ['attachments', { type: 'message', text: 'kijk', attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1/x.png' }] }, undefined, 400],
  ])('answers %s with a clear 4xx and keeps running', async (_name, body, raw, status) => {
    const { token, conversationId } = await api.start((await api.token()).token);
    const res = await api.call('POST', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, token, body, raw);
    expect(res.status).toBe(status);
    expect((await fetch(`${web.base}/healthz`)).status).toBe(200);
    const after = await api.activities(conversationId, token);
    expect(after.activities.every((a) => a.from?.role === 'bot')).toBe(true);
  });

  it('refuses a watermark that is not a number and a conversation that was never started', async () => {
    const issued = await api.token();
    const path = `/v3/directline/conversations/${encodeURIComponent(issued.conversationId)}/activities`;
    expect((await api.call('GET', path, issued.token)).status).toBe(404);
    await api.start(issued.token);
    expect((await api.call('GET', `${path}?watermark=abc`, issued.token)).status).toBe(400);
  });

  it('delivers a proactive message (a receptionist\'s reply) into the web chat', async () => {
    const { token, conversationId } = await api.start((await api.token()).token);
    await api.say(conversationId, token, QUESTION, 'p1');
    const seen = await api.activities(conversationId, token);
    const echo = seen.activities.find((a) => a.channelData?.clientActivityID === 'p1')!;
    const reference = TurnContext.getConversationReference(echo);
    expect(web.adapter.handles(reference)).toBe(true);

    await web.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Hallo, u spreekt met de receptie.');
    });
    const after = await api.activities(conversationId, token, seen.watermark);
    expect(after.activities).toHaveLength(1);
    expect(after.activities[0]).toMatchObject({ text: 'Hallo, u spreekt met de receptie.', from: { role: 'bot' } });

    const gone = { ...reference, conversation: { ...reference.conversation!, id: 'no-such-conversation' } };
    await expect(web.adapter.continueConversationAsync('', gone, async (c) => void (await c.sendActivity('x')))).rejects.toBeInstanceOf(
      DirectLineConversationGoneError,
    );
  });

  it('never logs what the patient typed or the user id', async () => {
    const issued = await api.token();
    const { token, conversationId } = await api.start(issued.token);
    await api.say(conversationId, token, 'Mijn naam is Jolanda Verbeek en mijn knie doet zeer', 'log-1');
    const all = web.sink.lines.join('\n');
    expect(all).not.toContain('Jolanda');
    expect(all).not.toContain(issued.userId);
    expect(all).not.toContain(token);
  });

  it('serves the page with a strict Content-Security-Policy and no inline script', async () => {
    const res = await fetch(`${web.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'self' https://www.beweegreden.example");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<html lang="nl-NL">');
    expect(html).toContain('Fysiotherapie De Beweegreden');
    expect(html).toContain('fysiotherapiepraktijk');
    for (const tag of html.match(/<script[^>]*>/g)!) expect(tag).toMatch(/ src="\/webchat\/|type="application\/json"/);
    expect(html).not.toMatch(/ style=/);
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);

    const second = await fetch(`${web.base}/`);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('serves Web Chat from the installed package, with nosniff and a 304 for a copy the browser has', async () => {
    const html = await (await fetch(`${web.base}/`)).text();
    const bundle = /src="(\/webchat\/webchat\.[0-9a-f]{16}\.js)"/.exec(html)![1];
    const res = await fetch(`${web.base}${bundle}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(text).toContain('renderWebChat');
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${web.base}${bundle}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    for (const path of html.match(/\/webchat\/chat\.[0-9a-f]{16}\.(js|css)/g)!) {
      const r = await fetch(`${web.base}${path}`);
      expect([path, r.status, r.headers.get('x-content-type-options')]).toEqual([path, 200, 'nosniff']);
    }
  });

  it('gives CORS on the token endpoint to the configured website only', async () => {
    const allowed = 'https://www.beweegreden.example';
    const pre = await fetch(`${web.base}/api/directline/token`, {
      method: 'OPTIONS', headers: { origin: allowed, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(allowed);
    const evilPre = await fetch(`${web.base}/api/directline/token`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evilPre.status).toBe(403);
    expect(evilPre.headers.get('access-control-allow-origin')).toBeNull();

    const ok = await fetch(`${web.base}/api/directline/token`, { method: 'POST', headers: { origin: allowed } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    const evil = await fetch(`${web.base}/api/directline/token`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    const same = await fetch(`${web.base}/api/directline/token`, { method: 'POST', headers: { origin: web.base } });
    expect(same.status).toBe(200);

    const { token, conversationId } = await api.start((await api.token()).token);
    const dl = await fetch(`${web.base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, {
      headers: { authorization: `Bearer ${token}`, origin: allowed },
    });
    expect(dl.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Direct Line limits', () => {
  it('limits tokens per client per minute', async () => {
    const web = await startWebApp({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${web.base}/api/directline/token`, { method: 'POST' })).status);
      expect(statuses).toEqual([200, 200, 429]);
      web.clock.advance(61_000);
      expect((await fetch(`${web.base}/api/directline/token`, { method: 'POST' })).status).toBe(200);
    } finally {
      await web.close();
    }
  });

  it('keeps a bounded number of activities and conversations, and watermarks stay valid', () => {
    const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
    const store = new DirectLineConversationStore(clock, { maxConversations: 2, maxActivitiesPerConversation: 3, idleSeconds: 60 });
    const { conversation } = store.openNow('a', 'u', 'nl-NL');
    for (let i = 1; i <= 5; i++) store.appendNow('a', { type: 'message', text: `m${i}` });
    const all = store.sinceNow(conversation, 0);
    expect(all.activities.map((x) => x.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe(5);
    expect(store.sinceNow(conversation, 4).activities.map((x) => x.text)).toEqual(['m5']);
    store.openNow('b', 'u', 'nl-NL');
    store.getNow('a');
    store.openNow('c', 'u', 'nl-NL');
    expect([store.getNow('a') !== undefined, store.getNow('b') !== undefined, store.getNow('c') !== undefined]).toEqual([true, false, true]);
    clock.advance(61_000);
    expect(store.getNow('a')).toBeUndefined();
  });
});

describe('Azure Direct Line token exchange', () => {
  let fake: Server;
  let fakeUrl: string;
  let mode: 'ok' | 'fail' = 'ok';
  const seen: { auth?: string; body: string; path?: string }[] = [];
  beforeAll(async () => {
    fake = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body, path: req.url });
        if (mode === 'fail' || req.headers.authorization !== 'Bearer azure-secret-123') {
          res.writeHead(mode === 'fail' ? 500 : 403, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"BadArgument"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'AzConv-1', token: 'az-token-xyz', expires_in: 3600 }));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
    fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => fake.close(() => r())));

  it('exchanges the secret for a token, returns Azure\'s domain and never shows the secret', async () => {
    const web = await startWebApp({ DIRECT_LINE_SECRET: 'azure-secret-123' }, { azureDirectLineUrl: fakeUrl });
    try {
      mode = 'ok';
      const res = await fetch(`${web.base}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain('azure-secret-123');
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toMatchObject({ token: 'az-token-xyz', conversationId: 'AzConv-1', expires_in: 3600, domain: `${fakeUrl}/v3/directline` });
      const call = seen[seen.length - 1];
      expect(call.path).toBe('/v3/directline/tokens/generate');
      expect(call.auth).toBe('Bearer azure-secret-123');
      expect((JSON.parse(call.body) as { user: { id: string } }).user.id).toMatch(/^dl_/);

      // The page may talk to Azure; the bot's own Direct Line is not mounted.
      const page = await fetch(`${web.base}/`);
      expect(page.headers.get('content-security-policy')).toMatch(new RegExp(`connect-src 'self' ${fakeUrl.replace(/\./g, '\\.')}`));
      expect((await fetch(`${web.base}/v3/directline/conversations`, { method: 'POST' })).status).toBeGreaterThanOrEqual(404);

      mode = 'fail';
      const failed = await fetch(`${web.base}/api/directline/token`, { method: 'POST' });
      expect(failed.status).toBe(502);
      expect(await failed.text()).not.toContain('azure-secret-123');
      expect(web.sink.lines.join('\n')).not.toContain('azure-secret-123');
    } finally {
      mode = 'ok';
      await web.close();
    }
  });
});

describe('chat page for a Flemish practice', () => {
  it('speaks Flemish and sets the Web Chat locale to nl-BE', async () => {
    const web = await startWebApp({ PRACTICE_FILE: 'examples/practice-be.yaml' });
    try {
      const html = await (await fetch(`${web.base}/`)).text();
      expect(html).toContain('<html lang="nl-BE">');
      expect(html).toContain('kinepraktijk');
      expect(html).toContain('1733');
      const config = JSON.parse(/<script type="application\/json" id="chat-config">(.*?)<\/script>/s.exec(html)![1]) as { locale: string };
      expect(config.locale).toBe('nl-BE');
    } finally {
      await web.close();
    }
  });
});
