import { startWebApp, type WebTestApp } from './helpers/webChannel';

/* Issue 21 for the website chat's own Direct Line: per-IP limits, bounded card values, and a
 * booking that survives its conversation being pushed out of memory. */

function client(base: string) {
  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const open = async (headers: Record<string, string> = {}) => {
    const issued = (await (await call('POST', '/api/directline/token', undefined, {}, headers)).json()) as { token: string };
    const res = await call('POST', '/v3/directline/conversations', issued.token, undefined, headers);
    expect(res.status).toBe(201);
    return (await res.json()) as { token: string; conversationId: string };
  };
  const post = (c: { token: string; conversationId: string }, body: unknown, headers: Record<string, string> = {}) =>
    call('POST', `/v3/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`, c.token, body, headers);
  const texts = async (c: { token: string; conversationId: string }, watermark?: string) => {
    const res = await call('GET', `/v3/directline/conversations/${encodeURIComponent(c.conversationId)}/activities${watermark ? `?watermark=${watermark}` : ''}`, c.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { text?: string; from?: { role?: string } }[]; watermark: string };
    return { bot: body.activities.filter((a) => a.from?.role === 'bot').map((a) => a.text ?? '').join('\n'), watermark: body.watermark };
  };
  return { call, open, post, texts };
}

describe('card values (`value`) posted to the web chat', () => {
  let web: WebTestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    web = await startWebApp();
    api = client(web.base);
  });
  afterAll(() => web.close());

  it.each<[string, unknown, number]>([
    ['a 50 KB value', { note: 'x'.repeat(50_000) }, 413],
    ['a value just over 4 KB of JSON', { note: 'x'.repeat(4100) }, 413],
    ['a value nested 50 deep', JSON.parse('{"a":'.repeat(50) + '1' + '}'.repeat(50)) as unknown, 400],
    ['an array nested 10 deep', JSON.parse('['.repeat(10) + ']'.repeat(10)) as unknown, 400],
  ])('%s is refused (%#) and not kept in memory', async (_name, value, status) => {
    const c = await api.open();
    const res = await api.post(c, { type: 'message', value });
    expect(res.status).toBe(status);
    const all = await api.call('GET', `/v3/directline/conversations/${encodeURIComponent(c.conversationId)}/activities`, c.token);
    expect(JSON.stringify(await all.json())).not.toContain('xxxxxxxxxx');
  });

  it('a card submit of ordinary size is accepted', async () => {
    const c = await api.open();
    expect((await api.post(c, { type: 'message', value: { action: 'book', slot: '2026-11-24T09:00' } })).status).toBe(200);
  });
});

describe('Direct Line rate limits per IP and per token', () => {
  let web: WebTestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    // 5 messages a minute per conversation (token); 15 per IP over all its conversations.
    web = await startWebApp({ RATE_LIMIT_PER_MINUTE: '5', TRUSTED_PROXY_HOPS: '1' });
    api = client(web.base);
  });
  afterAll(() => web.close());

  it('one address cannot get round the per-conversation limit by opening more conversations', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.20' };
    const conversations = [await api.open(ip), await api.open(ip), await api.open(ip), await api.open(ip)];
    const statuses: number[] = [];
    for (const c of conversations) for (let i = 0; i < 4; i++) statuses.push((await api.post(c, { type: 'typing' }, ip)).status);
    // Each conversation stayed under its own 5, yet the address is over its 15.
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(statuses[15]).toBe(429);
    // Another address is not affected.
    const other = await api.open({ 'x-forwarded-for': '198.51.100.21' });
    expect((await api.post(other, { type: 'typing' }, { 'x-forwarded-for': '198.51.100.21' })).status).toBe(200);
  });

  it('one token (conversation) is limited on its own', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.30' };
    const c = await api.open(ip);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.post(c, { type: 'typing' }, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('a booking in progress when many web chats push its conversation out of memory', () => {
  let web: WebTestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    // Room for two conversations in memory (1,000 in production): the third pushes the first out.
    web = await startWebApp({}, { storeLimits: { maxConversations: 2 } });
    api = client(web.base);
  });
  afterAll(() => web.close());

  it('goes on where it was: the dialog state is in storage, the token opens the conversation again', async () => {
    const patient = await api.open();
    let seen = await api.texts(patient);
    expect((await api.post(patient, { type: 'message', text: 'Ik wil een afspraak maken', locale: 'nl-NL' })).status).toBe(200);
    seen = await api.texts(patient, seen.watermark);
    expect(seen.bot).toMatch(/akkoord/i);
    await api.open();
    await api.open();
    expect(web.app.webChat).toBeDefined();
    const res = await api.post(patient, { type: 'message', text: 'ja', locale: 'nl-NL' });
    expect(res.status).toBe(200);
    const after = await api.texts(patient);
    expect(after.bot).toMatch(/Over welk gewricht gaat het\?/);
  });

  it('a conversation that was never started is still unknown', async () => {
    const issued = (await (await api.call('POST', '/api/directline/token', undefined, {})).json()) as { token: string; conversationId: string };
    const res = await api.call('GET', `/v3/directline/conversations/${encodeURIComponent(issued.conversationId)}/activities`, issued.token);
    expect(res.status).toBe(404);
  });
});
