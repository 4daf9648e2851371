import { connect } from 'node:net';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import type { App } from '../src/app/createApp';
import { hashPassword } from '../src/console/ConsoleUsers';
import { signWhatsAppBody } from '../src/channels/whatsapp/WhatsAppSignature';
import { buildTestApp, type LogSink } from './helpers/testApp';
import { rawExchange, rawRequest } from './helpers/rawHttp';
import { freePort, ServerProcess } from './helpers/serverProcess';

/*
 * Issue 21, the HTTP layer, against the real service in its own process (as `npm start` runs
 * it): a crash there ends the process, which these tests see, instead of ending the test run.
 */

const WHATSAPP = {
  WHATSAPP_VERIFY_TOKEN: 'verify-token-123', WHATSAPP_APP_SECRET: 'app-secret-1234', WHATSAPP_ACCESS_TOKEN: 'access-token-123',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890', WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
};
const TMP = mkdtempSync(join(tmpdir(), 'fysio-hardening-tmp-'));
let server: ServerProcess;

beforeAll(async () => {
  server = new ServerProcess(await freePort(), {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fysio-hardening-')),
    // The service's temporary folder: nothing may be left in it.
    TMPDIR: TMP,
    MAX_BODY_BYTES: '262144',
    CONSOLE_USERS: `anna=${hashPassword('correct horse battery')}`,
    ...WHATSAPP,
  });
  await server.start();
});
afterAll(() => server.kill());

const activity = (extra: Record<string, unknown> = {}) => JSON.stringify({
  type: 'message', text: 'hallo', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies',
  conversation: { id: `hardening-${Math.random()}` }, from: { id: 'u1' }, recipient: { id: 'bot' }, ...extra,
});

async function stillServing(): Promise<void> {
  expect(server.running).toBe(true);
  const health = await rawRequest(server.base, 'GET', '/healthz', {});
  expect(health.status).toBe(200);
}

/** Every route that takes a POST body, with what it would normally accept. */
const POST_ROUTES = ['/api/messages', '/api/whatsapp', '/console/api/signin', '/api/directline/token', '/v3/directline/conversations/x/activities'];

describe('compressed request bodies (restify #1785)', () => {
  const notGzip = Buffer.from('this is not gzip at all, just text pretending');
  it.each(POST_ROUTES)('%s: a gzip body that is not gzip gets 415 and the process keeps serving', async (path) => {
    const res = await rawRequest(server.base, 'POST', path, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(notGzip.length) }, notGzip);
    expect(res.status).toBe(415);
    expect(res.headers['accept-encoding']).toBe('identity');
    await stillServing();
  });

  it.each<[string, Buffer]>([
    ['gzip', gzipSync(activity())],
    ['deflate', deflateSync(activity())],
    ['br', brotliCompressSync(activity())],
    ['GZIP', gzipSync(activity())],
    ['gzip, gzip', gzipSync(gzipSync(activity()))],
    ['x-unknown', Buffer.from(activity())],
  ])('Content-Encoding %s is refused with 415 before the body is inflated', async (encoding, body) => {
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': String(body.length) }, body);
    expect(res.status).toBe(415);
    await stillServing();
  });

  it('a 200 MB gzip bomb in a small body is refused without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(262144);
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }, bomb);
    expect(res.status).toBe(415);
    await stillServing();
  });

  it('an uncompressed (identity) body still works', async () => {
    const body = activity();
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': 'identity', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status).toBe(200);
  });
});

describe('bodies that are not JSON (restify #1801: multipart temp files)', () => {
  const boundary = '----fysio';
  const multipart = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="knie.txt"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(50_000)}\r\n--${boundary}--\r\n`,
  );
  it.each(POST_ROUTES)('%s: a multipart upload gets 415 and leaves no file in the temporary folder', async (path) => {
    const res = await rawRequest(server.base, 'POST', path, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(multipart.length) }, multipart);
    expect(res.status).toBe(415);
    await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(TMP).filter((f) => f.startsWith('upload_'))).toEqual([]);
    await stillServing();
  });

  it.each([
    ['application/x-www-form-urlencoded', 'type=message&text=hallo'],
    ['text/plain', 'hallo'],
    ['application/octet-stream', 'hallo'],
    ['application/xml', '<a/>'],
  ])('%s is refused with 415', async (type, body) => {
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': type, 'content-length': String(body.length) }, body);
    expect(res.status).toBe(415);
  });

  it('a declared length over MAX_BODY_BYTES is refused with 413 before the body is sent', async () => {
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) }, '{');
    expect(res.status).toBe(413);
    await stillServing();
  });

  it('a chunked body that grows past MAX_BODY_BYTES is refused with 413', async () => {
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, `{"text":"${'x'.repeat(400_000)}"}`);
    expect([413, 0]).toContain(res.status);
    await stillServing();
  });
});

describe('Upgrade requests on routes that do not upgrade', () => {
  it.each([
    ['/healthz', 400],
    ['/api/messages', 400],
    // The web chat's stream does upgrade, but only with a token for that conversation.
    ['/v3/directline/conversations/x/stream', 401],
    ['/console', 400],
  ])('%s: answered (%i) and closed, not left hanging', async (path, status) => {
    const { reply, closed } = await rawExchange(
      server.base,
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(reply).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(closed).toBe(true);
    await stillServing();
  });

  // An address URL cannot parse ("//a:99999"), and a client that resets while its stream token
  // is checked: refused or dropped, and the service goes on.
  it('an upgrade to an address that is no URL is refused, and the service goes on', async () => {
    const { reply } = await rawExchange(
      server.base,
      'GET //a:99999/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing();
  });

  it('a stream request whose client resets at once does not end the service', async () => {
    const url = new URL(server.base);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write('GET /v3/directline/conversations/x/stream?t=abc HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
        socket.resetAndDestroy();
        resolve();
      });
    });
    await stillServing();
  });

  it('an h2c upgrade with a POST body is answered too', async () => {
    const body = activity();
    const { reply, closed } = await rawExchange(
      server.base,
      `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(closed).toBe(true);
  });
});

describe('error responses', () => {
  it.each<[string, string, string, Record<string, string>, string | undefined, number]>([
    ['malformed JSON', 'POST', '/api/messages', { 'content-type': 'application/json' }, '{"type": "message", ', 400],
    ['an unknown path', 'GET', '/etc/passwd/../secret-internal-path', {}, undefined, 404],
    ['a wrong method', 'DELETE', '/healthz', {}, undefined, 405],
    ['malformed JSON on the console', 'POST', '/console/api/signin', { 'content-type': 'application/json' }, '{"user": ', 400],
  ])('%s: a generic message and a correlation id, nothing internal', async (_name, method, path, headers, body, status) => {
    const res = await rawRequest(server.base, method, path, { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, body);
    expect(res.status).toBe(status);
    expect(res.body).not.toMatch(/Unexpected|JSON\.parse|position \d|SyntaxError|secret-internal-path|does not exist|restify|at \w+ \(|node_modules/i);
    const parsed = JSON.parse(res.body) as { error?: string; correlationId?: string };
    expect(typeof parsed.error).toBe('string');
    expect(parsed.correlationId).toMatch(/^[\w-]{8,}$/);
    expect(res.headers['x-correlation-id']).toBe(parsed.correlationId);
  });

  it.each([
    ['locale', true], ['locale', 0], ['textFormat', 0], ['channelId', {}], ['deliveryMode', []], ['name', 1],
  ])('an activity whose %s is %j gets 400, not a failed turn (found by the fuzz run)', async (field, value) => {
    const body = activity({ [field]: value });
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: `activity.${field} must be a string` });
  });

  it('errors restify answers itself carry a correlation id, also in a header', async () => {
    const res = await rawRequest(server.base, 'GET', '/no/such/route', {});
    const parsed = JSON.parse(res.body) as { error: string; correlationId: string };
    expect(parsed).toEqual({ error: 'not found', correlationId: expect.stringMatching(/^[\w-]{8,}$/) });
    expect(res.headers['x-correlation-id']).toBe(parsed.correlationId);
  });
});

describe('SSRF: replies of an anonymous bot', () => {
  it.each([
    'http://127.attacker.example:9/',
    'http://127.0.0.1.attacker.example/',
    'http://localhost.attacker.example/',
    'http://127.0.0.1@attacker.example/',
    'http://[::1].attacker.example/',
    'http://0x7f000001.attacker.example/',
  ])('%s is not loopback: 403', async (serviceUrl) => {
    const body = activity({ deliveryMode: 'normal', serviceUrl });
    const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status).toBe(403);
  });

  it.each(['http://127.0.0.1:9/', 'http://127.1.2.3:9/', 'http://localhost:9/', 'http://[::1]:9/', 'http://[::ffff:127.0.0.1]:9/'])(
    '%s is loopback: allowed',
    async (serviceUrl) => {
      const body = activity({ deliveryMode: 'normal', serviceUrl, type: 'typing' });
      const res = await rawRequest(server.base, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
      expect(res.status).not.toBe(403);
    },
  );
});

describe('WhatsApp still takes its signed JSON', () => {
  it('a signed notification with the exact bytes is accepted', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    const res = await rawRequest(server.base, 'POST', '/api/whatsapp', {
      'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)),
      'x-hub-signature-256': signWhatsAppBody(body, WHATSAPP.WHATSAPP_APP_SECRET),
    }, body);
    expect(res.status).toBe(200);
  });
});

/* The rest needs the service's log or its clock: an app in this process. */
describe('in-process checks', () => {
  let app: App;
  let sink: LogSink;
  let base: string;
  beforeAll(async () => {
    ({ app, sink } = await buildTestApp({ LOG_LEVEL: 'info' }));
    base = `http://127.0.0.1:${await app.server.listen()}`;
  });
  afterAll(() => app.close());

  it('a handler that throws answers 500 with a generic message and a correlation id the log has too', async () => {
    const spy = jest.spyOn(app.handoff, 'queue').mockRejectedValueOnce(new Error('connection to db-internal.example:5432 refused'));
    await app.consoleSessions.create('anna');
    const { token } = await app.consoleSessions.create('anna');
    try {
      const res = await rawRequest(base, 'GET', '/console/api/queue', { cookie: `fa_console=${token}` });
      expect(res.status).toBe(500);
      expect(res.body).not.toMatch(/db-internal|5432|refused/);
      const { correlationId } = JSON.parse(res.body) as { correlationId: string };
      expect(sink.lines.some((l) => l.includes(correlationId) && l.includes('"status":500'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('warns once when requests carry X-Forwarded-For and TRUSTED_PROXY_HOPS is 0', async () => {
    const count = () => sink.lines.filter((l) => l.includes('"event":"proxy_hops_unset"')).length;
    expect(count()).toBe(0);
    await rawRequest(base, 'GET', '/healthz', { 'x-forwarded-for': '203.0.113.7' });
    await rawRequest(base, 'GET', '/healthz', { 'x-forwarded-for': '203.0.113.8' });
    expect(count()).toBe(1);
    expect(sink.lines.join('\n')).not.toContain('203.0.113.7');
  });

  it('sends no HSTS when not configured for https', async () => {
    const res = await rawRequest(base, 'GET', '/healthz', {});
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HSTS', () => {
  it('is sent on every response when PUBLIC_URL is https', async () => {
    const { app } = await buildTestApp({ PUBLIC_URL: 'https://chat.beweegreden.example' });
    try {
      const base = `http://127.0.0.1:${await app.server.listen()}`;
      for (const path of ['/healthz', '/', '/console/signin', '/nope']) {
        const res = await rawRequest(base, 'GET', path, {});
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      }
    } finally {
      await app.close();
    }
  });

  it('is sent when a trusted proxy says the request came over https, and only then', async () => {
    const { app } = await buildTestApp({ TRUSTED_PROXY_HOPS: '1' });
    try {
      const base = `http://127.0.0.1:${await app.server.listen()}`;
      expect((await rawRequest(base, 'GET', '/healthz', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe('max-age=31536000');
      expect((await rawRequest(base, 'GET', '/healthz', { 'x-forwarded-proto': 'http' })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('the temporary folder', () => {
  it('is still empty after everything above', () => {
    expect(readdirSync(TMP).filter((f) => statSync(join(TMP, f)).isFile() && f.startsWith('upload_'))).toEqual([]);
  });
});
