import { appendFileSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { signWhatsAppBody } from '../src/channels/whatsapp/WhatsAppSignature';
import { freePort, ServerProcess } from './helpers/serverProcess';

/*
 * Issue 21: 10,000 malformed requests (bodies, encodings, headers, Direct Line and WhatsApp
 * payloads) against the real service in its own process. Every one must be answered with a
 * status the service means (2xx, 4xx, or 501 for an invoke nobody handles), never a 5xx or a
 * dropped connection, and afterwards the process must still run and answer a patient's
 * question. The requests come from a seeded generator: a failure names its seed and number, so
 * it can be replayed (`FUZZ_HTTP_SEED`). `FUZZ_HTTP_REQUESTS` changes the count.
 */

const COUNT = Number(process.env.FUZZ_HTTP_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_HTTP_SEED ?? 20261206);
const CONCURRENCY = 8;
const APP_SECRET = 'fuzz-app-secret-1234';
const PHONE_NUMBER_ID = '1234567890';

/** mulberry32: small, fast and seeded, so every run sends the same requests. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Requests whose framing is broken on purpose get a connection of their own. */
  ownConnection?: boolean;
}

const HOSTILE_STRINGS = [
  '', ' ', 'null', '<script>alert(1)</script>', "'; DROP TABLE bookings; --", '__proto__', 'constructor', '\u0000', '\ud800',
  '\u202e', '%00', '../../etc/passwd', '${7*7}', '{{7*7}}', '🦵'.repeat(50), 'a'.repeat(5000), 'knie '.repeat(400),
  'mag ik sporten met knieartrose?', 'afspraak maken', 'ja', 'medewerker', 'verwijder mijn gegevens', '14-03-1961', '0612345678',
];

function generator(rand: () => number, tokens: { token: string; conversationId: string }[]) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => rand() < p;

  const randomString = (max = 40): string => {
    const n = int(max);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(chance(0.8) ? 32 + int(95) : int(0xffff));
    return s;
  };
  const randomValue = (depth = 0): unknown => {
    switch (int(depth > 3 ? 6 : 9)) {
      case 0: return null;
      case 1: return chance(0.5);
      case 2: return pick([0, -1, 1e308, -1e308, 3.14, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
      case 3: return pick(HOSTILE_STRINGS);
      case 4: return randomString();
      case 5: return pick([[], {}, '', 0]);
      case 6: return Array.from({ length: int(5) }, () => randomValue(depth + 1));
      case 7: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['__proto__', 'constructor', 'prototype', 'id', 'text', randomString(8)]), randomValue(depth + 1)]));
      default: return { id: randomValue(depth + 1), name: randomValue(depth + 1) };
    }
  };
  /** An activity with some fields replaced, removed or of the wrong type. */
  const mutatedActivity = (): Record<string, unknown> => {
    const a: Record<string, unknown> = {
      type: pick(['message', 'message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation', 'x']),
      text: pick(HOSTILE_STRINGS), channelId: pick(['emulator', 'msteams', 'directline', 'webchat', 'whatsapp', 'x']),
      serviceUrl: pick(['http://127.0.0.1:9', 'http://localhost:9/', 'https://attacker.example', 'http://127.attacker.example', 'file:///etc/passwd', 'javascript:alert(1)']),
      deliveryMode: pick(['expectReplies', 'expectReplies', 'normal', undefined, 'x']),
      conversation: { id: `fuzz-${int(50)}` }, from: { id: `u-${int(50)}` }, recipient: { id: 'bot' }, locale: pick(['nl-NL', 'nl-BE', 'xx', '', undefined]),
    };
    const fields = ['type', 'text', 'channelId', 'serviceUrl', 'deliveryMode', 'conversation', 'from', 'recipient', 'locale', 'value', 'attachments',
      'entities', 'membersAdded', 'membersRemoved', 'channelData', 'timestamp', 'localTimestamp', 'expiration', 'name', 'replyToId', 'suggestedActions', 'textFormat'];
    for (let i = int(4); i >= 0; i--) {
      const f = pick(fields);
      if (chance(0.2)) delete a[f];
      else a[f] = randomValue();
    }
    return a;
  };
  const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null');
  const garbage = (): Buffer => {
    switch (int(9)) {
      case 0: return Buffer.from(Array.from({ length: int(2000) }, () => int(256)));
      case 1: { const s = JSON.stringify(mutatedActivity()); return Buffer.from(s.slice(0, int(s.length))); }
      case 2: return Buffer.from('['.repeat(5000 + int(100_000)));
      case 3: { const d = 1000 + int(20_000); return Buffer.from('['.repeat(d) + ']'.repeat(d)); }
      case 4: return Buffer.from(`{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3001)}`);
      case 5: return Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
      case 6: return Buffer.from(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"type":"message"}`);
      case 7: return Buffer.from(pick(['null', 'true', '1', '"x"', '[]', '{}', '', ' ', '\n', '{"type":1e999}']));
      default: return json(randomValue());
    }
  };
  const contentType = () => pick([
    'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/vnd.api+json',
    'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/octet-stream',
    '', 'application/json;;;', 'APPLICATION/JSON', '*/*', randomString(30).replace(/[^\x20-\x7e]/g, ''),
  ]);
  const route = () => pick([
    '/api/messages', '/api/whatsapp', '/api/directline/token', '/v3/directline/conversations', '/v3/directline/tokens/refresh',
    `/v3/directline/conversations/${encodeURIComponent(pick(tokens).conversationId)}/activities`, '/console/api/signin',
    '/console/api/tickets/x/reply', '/console/api/tickets/../../x/take', '/healthz', '/', '/nope', '/api/messages/../../x', '/%00', '/%ff%fe',
  ]);
  const headerValue = () => pick([
    '', ' ', 'x'.repeat(int(8000)), '\t', 'Bearer ', `Bearer ${randomString(40).replace(/[^\x21-\x7e]/g, 'a')}`, 'Basic YTpi', '0', '-1',
    '99999999999999999999', 'gzip', 'identity', 'chunked', '127.0.0.1, 10.0.0.1', '::1', 'null', 'https://attacker.example', 'fa_console=abc; fa_console_device=x.y',
  ]);

  const messages = (): FuzzRequest => {
    const body = chance(0.7) ? json(mutatedActivity()) : garbage();
    return { kind: 'messages', method: 'POST', path: '/api/messages', headers: { 'content-type': chance(0.85) ? 'application/json' : contentType() }, body };
  };
  const directLine = (): FuzzRequest => {
    const { token, conversationId } = pick(tokens);
    const auth = chance(0.85) ? `Bearer ${token}` : pick(['', 'Bearer x', `Bearer ${token.slice(0, -2)}xx`, `bearer  ${token}`, `Bearer ${token}.${token}`]);
    const path = `/v3/directline/conversations/${encodeURIComponent(chance(0.9) ? conversationId : randomString(20).replace(/[\ud800-\udfff]/g, '\ufffd'))}/activities`;
    if (chance(0.25)) {
      const watermark = pick(['', '0', '-1', 'abc', '1e9', '999999999999999999999', '%00', '3']);
      return { kind: 'directline-get', method: 'GET', path: `${path}?watermark=${encodeURIComponent(watermark)}`, headers: { authorization: auth } };
    }
    const activity: Record<string, unknown> = { type: pick(['message', 'message', 'event', 'typing', 'invoke', 'x']), text: pick(HOSTILE_STRINGS), locale: pick(['nl-NL', 'nl-BE', 'x', undefined]) };
    if (chance(0.4)) activity.value = chance(0.2) ? { big: 'x'.repeat(10_000) } : randomValue();
    if (chance(0.2)) activity.channelData = randomValue();
    if (chance(0.2)) activity.attachments = randomValue();
    if (chance(0.2)) activity.name = randomValue();
    const body = chance(0.85) ? json(activity) : garbage();
    return { kind: 'directline-post', method: 'POST', path, headers: { authorization: auth, 'content-type': chance(0.9) ? 'application/json' : contentType() }, body };
  };
  const whatsapp = (): FuzzRequest => {
    const message = () => ({
      id: chance(0.8) ? `wamid.${int(1e9)}` : randomValue(), from: chance(0.8) ? `316${String(int(1e8)).padStart(8, '0')}` : randomValue(),
      timestamp: chance(0.8) ? String(1_764_000_000 + int(1e6)) : randomValue(),
      type: pick(['text', 'text', 'interactive', 'button', 'image', 'audio', 'reaction', 'unknown', 'x']),
      text: chance(0.8) ? { body: pick(HOSTILE_STRINGS) } : randomValue(),
      interactive: chance(0.5) ? { type: pick(['button_reply', 'list_reply', 'x']), button_reply: { id: randomValue(), title: randomValue() }, list_reply: randomValue() } : randomValue(),
    });
    const payload = chance(0.8)
      ? {
          object: chance(0.9) ? 'whatsapp_business_account' : randomValue(),
          entry: chance(0.9)
            ? [{ id: '1', changes: [{ field: chance(0.9) ? 'messages' : randomValue(), value: chance(0.9) ? {
                messaging_product: 'whatsapp', metadata: { phone_number_id: chance(0.9) ? PHONE_NUMBER_ID : randomValue() },
                contacts: randomValue(), messages: chance(0.9) ? Array.from({ length: int(4) }, message) : randomValue(), statuses: randomValue(),
              } : randomValue() }] }]
            : randomValue(),
        }
      : randomValue();
    const body = chance(0.9) ? json(payload) : garbage();
    const signature = chance(0.85) ? signWhatsAppBody(body, APP_SECRET) : pick(['', 'sha256=', 'sha256=00', 'sha1=abc', signWhatsAppBody(body, 'wrong-secret-123')]);
    return { kind: 'whatsapp', method: 'POST', path: '/api/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body };
  };
  const encodings = (): FuzzRequest => {
    const plain = chance(0.5) ? json(mutatedActivity()) : garbage();
    const [encoding, body] = pick<[string, () => Buffer]>([
      ['gzip', () => plain], ['gzip', () => gzipSync(plain)], ['deflate', () => deflateSync(plain)], ['br', () => plain],
      ['identity', () => plain], ['gzip, deflate', () => plain], ['GZIP', () => gzipSync(plain)], ['x-gzip', () => plain], [' gzip ', () => plain],
      ['compress', () => plain], ['*', () => plain], ['gzip;q=1', () => plain],
    ]);
    return { kind: 'encoding', method: 'POST', path: route(), headers: { 'content-type': contentType(), 'content-encoding': encoding }, body: body() };
  };
  const headers = (): FuzzRequest => {
    const h: Record<string, string> = {};
    const names = ['content-type', 'authorization', 'x-forwarded-for', 'x-forwarded-proto', 'origin', 'cookie', 'accept', 'accept-encoding',
      'sec-fetch-site', 'x-hub-signature-256', 'access-control-request-method', 'if-none-match', 'range', 'expect', 'transfer-encoding', 'content-length'];
    for (let i = int(5); i >= 0; i--) h[pick(names)] = headerValue();
    const method = pick(['GET', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD']);
    const body = method === 'GET' || method === 'HEAD' ? undefined : chance(0.5) ? json(mutatedActivity()) : garbage();
    const framing = 'transfer-encoding' in h || 'content-length' in h || 'expect' in h;
    return { kind: 'headers', method, path: route(), headers: h, body, ownConnection: framing };
  };
  return (): FuzzRequest => pick([messages, messages, directLine, directLine, whatsapp, whatsapp, encodings, headers, headers])();
}

interface Outcome {
  status: number;
  failure?: string;
}

function send(base: URL, r: FuzzRequest, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined && !('content-length' in headers) && !('transfer-encoding' in headers)) headers['content-length'] = String(r.body.length);
    let req;
    try {
      req = request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent: r.ownConnection ? false : agent }, (res) => {
        res.resume();
        res.on('end', () => done({ status: res.statusCode ?? 0 }));
        res.on('error', () => done({ status: res.statusCode ?? 0 }));
      });
    } catch (err) {
      // Node's client refuses some headers itself (e.g. a value it will not send): nothing reached the server.
      done({ status: -1, failure: (err as Error).message });
      return;
    }
    req.setTimeout(15_000, () => {
      done({ status: 0, failure: 'timeout' });
      req.destroy();
    });
    req.on('error', (err: NodeJS.ErrnoException) => done({ status: 0, failure: err.code ?? err.message }));
    if (r.body !== undefined && r.method !== 'HEAD') req.write(r.body);
    req.end();
  });
}

let server: ServerProcess;
beforeAll(async () => {
  server = new ServerProcess(await freePort(), {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fysio-fuzz-http-')),
    // High limits, so that the malformed requests reach the parsers instead of the rate limiter.
    RATE_LIMIT_PER_MINUTE: '1000000',
    WHATSAPP_VERIFY_TOKEN: 'fuzz-verify-token', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: 'fuzz-access-token',
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'fatal',
  });
  await server.start();
});
afterAll(() => server.kill());

it(`${COUNT} malformed requests (bodies, encodings, headers, Direct Line, WhatsApp): all answered, 0 crashes, still serving`, async () => {
  const base = new URL(server.base);
  const tokens: { token: string; conversationId: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const issued = (await (await fetch(`${server.base}/api/directline/token`, { method: 'POST' })).json()) as { token: string };
    const started = await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
    tokens.push((await started.json()) as { token: string; conversationId: string });
  }
  const next = generator(prng(SEED), tokens);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const statuses = new Map<number, number>();
  const timeByKind = new Map<string, [number, number]>();
  const failures: string[] = [];
  const started = Date.now();
  let sent = 0;
  const worker = async () => {
    while (sent < COUNT) {
      const n = sent++;
      const r = next();
      const t0 = performance.now();
      const outcome = await send(base, r, agent);
      const spent = timeByKind.get(r.kind) ?? [0, 0];
      timeByKind.set(r.kind, [spent[0] + 1, spent[1] + performance.now() - t0]);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      const refusedByClient = outcome.status === -1;
      // Our own framing errors (a broken Content-Length or chunking) may end in a reset: the
      // server is right to drop such a connection. Everything else must get an answer.
      const connectionDropOk = outcome.status === 0 && r.ownConnection === true && outcome.failure !== 'timeout';
      const bad = !refusedByClient && !connectionDropOk && (outcome.status === 0 || (outcome.status >= 500 && outcome.status !== 501));
      if (bad && failures.length < 20) failures.push(`#${n} seed ${SEED} ${r.kind} ${r.method} ${r.path.slice(0, 80)} → ${outcome.status} ${outcome.failure ?? ''}`);
      if (bad && process.env.FUZZ_HTTP_DUMP) appendFileSync(process.env.FUZZ_HTTP_DUMP, JSON.stringify({ n, ...r, body: r.body?.toString('base64') }) + '\n');
      if (!server.running) throw new Error(`the server process died at request #${n} (${r.kind} ${r.method} ${r.path.slice(0, 80)}): ${server.stderr.slice(-2000)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  // The figures for the report: how many, how fast, which answers.
  const perKind = [...timeByKind].map(([k, [n, ms]]) => `${k} ${n} × ${(ms / n).toFixed(1)} ms`).join(', ');
  console.info(`fuzz-http: ${COUNT} requests in ${seconds.toFixed(1)} s (${perKind}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);

  expect(failures).toEqual([]);
  expect(server.running).toBe(true);
  expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  const replies = await server.say(`after-fuzz-${Date.now()}`, 'Mag ik sporten met knieartrose?');
  expect(replies.join('\n')).toMatch(/sport|bewegen|beweeg/i);
}, 600_000);
