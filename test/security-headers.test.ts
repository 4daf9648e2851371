import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import { corsFor, securityHeaders } from '../src/server/SecurityHeaders';

const CSP = "default-src 'self'; frame-ancestors https://www.fysio-example.nl";
const SITE = 'https://www.fysio-example.nl';

let server: Server;
let base: string;
let handled = 0;

beforeAll(async () => {
  server = restify.createServer({ handleUncaughtExceptions: false });
  server.pre(securityHeaders(CSP));
  server.pre(corsFor([SITE + '/', 'http://localhost:8080', 'not a url'], { pathPrefixes: ['/api/'] }));
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.get('/page', async (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>chat</title>');
  });
  server.get('/raw-page', async (_req: Request, res: Response) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>hi</p>');
  });
  server.get('/own-policy', async (_req: Request, res: Response) => {
    // As the chat page does: its own nonce-based CSP and a stricter referrer policy, via restify's res.header.
    res.header('Content-Security-Policy', "default-src 'none'; style-src 'nonce-abc'");
    res.header('Referrer-Policy', 'no-referrer');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<p>page</p>');
  });
  server.get('/api/data', async (_req: Request, res: Response) => {
    handled += 1;
    res.json(200, { ok: true });
  });
  server.post('/api/data', async (_req: Request, res: Response) => {
    handled += 1;
    res.json(200, { ok: true });
  });
  server.get('/api/own-cors', async (req: Request, res: Response) => {
    // As the Direct Line token endpoint does: answers CORS itself with restify's (appending) res.header.
    res.header('Vary', 'Origin');
    if (req.headers.origin === SITE) res.header('Access-Control-Allow-Origin', SITE);
    res.json(200, { ok: true });
  });
  server.get('/other', async (_req: Request, res: Response) => {
    res.json(200, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('securityHeaders', () => {
  it.each(['/page', '/raw-page'])('sends nosniff, the referrer policy and the CSP with the HTML page %s', async (path) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('sends nosniff and the referrer policy but no CSP with JSON', async () => {
    const res = await fetch(`${base}/other`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });

  it("keeps a handler's own CSP and referrer policy, without a second copy", async () => {
    const res = await fetch(`${base}/own-policy`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'nonce-abc'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends them with errors too (404, 405)', async () => {
    for (const res of [await fetch(`${base}/nowhere`), await fetch(`${base}/other`, { method: 'DELETE' })]) {
      expect([404, 405]).toContain(res.status);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('corsFor', () => {
  const preflight = (origin: string, method = 'POST', headers = 'content-type, authorization') =>
    fetch(`${base}/api/data`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  it('answers a preflight from a listed origin with 204 and the allowed methods and headers', async () => {
    const res = await preflight(SITE);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type/);
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    // Ports and schemes are part of the origin.
    expect((await preflight('http://localhost:8080')).status).toBe(204);
  });

  it.each([
    ['an origin that is not listed', 'https://evil.example', 'POST', 'content-type'],
    ['a listed host on another scheme', 'http://www.fysio-example.nl', 'POST', 'content-type'],
    ['a listed host on another port', 'https://www.fysio-example.nl:8443', 'POST', 'content-type'],
    ['a suffix trick', 'https://www.fysio-example.nl.evil.example', 'POST', 'content-type'],
    ['the null origin', 'null', 'POST', 'content-type'],
    ['a method that is not allowed', SITE, 'DELETE', 'content-type'],
    ['a header that is not allowed', SITE, 'POST', 'x-evil'],
  ])('refuses a preflight with %s (403, no Allow-Origin)', async (_name, origin, method, headers) => {
    const res = await preflight(origin, method, headers);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ error: 'cross-origin request not allowed' });
  });

  it('sets Allow-Origin on a real request only for listed origins; the request itself still runs', async () => {
    const before = handled;
    const ok = await fetch(`${base}/api/data`, { headers: { origin: SITE } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    const other = await fetch(`${base}/api/data`, { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await fetch(`${base}/api/data`);
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    expect(handled - before).toBe(3);
  });

  it('leaves a handler that answers CORS itself alone: one Allow-Origin, one Vary', async () => {
    const res = await fetch(`${base}/api/own-cors`, { headers: { origin: SITE } });
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('leaves paths outside its prefixes alone', async () => {
    const res = await fetch(`${base}/other`, { headers: { origin: SITE } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${base}/other`, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'GET' } });
    expect(pre.status).not.toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
