import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import { RateLimiter } from '../src/server/RateLimiter';
import { clientIp, conversationIdOf, rateLimit } from '../src/server/rateLimit';
import { FixedClock } from '../src/util/Clock';

const T0 = new Date('2026-11-23T09:00:00Z');

describe('RateLimiter', () => {
  it('allows the limit at once, then refuses, and earns requests back evenly over the minute', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 5, clock });
    for (let i = 0; i < 5; i++) expect(limiter.take(['ip:1']).allowed).toBe(true);
    expect(limiter.take(['ip:1'])).toEqual({ allowed: false, retryAfterSeconds: 12 });

    clock.advance(11_000);
    expect(limiter.take(['ip:1'])).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(limiter.take(['ip:1']).allowed).toBe(true);
    expect(limiter.take(['ip:1']).allowed).toBe(false);

    // A full quiet minute restores the whole burst, and no more than that.
    clock.advance(60_000);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if (limiter.take(['ip:1']).allowed) allowed += 1;
    expect(allowed).toBe(5);
  });

  it('lets a steady rate of exactly the limit through, minute after minute', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 60, clock });
    for (let i = 0; i < 600; i++) {
      expect(limiter.take(['ip:steady']).allowed).toBe(true);
      clock.advance(1_000);
    }
  });

  it('rounds Retry-After up to whole seconds, never below 1', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 7, clock });
    for (let i = 0; i < 7; i++) limiter.take(['k']);
    // One request is earned back every 60/7 = 8.57 s.
    expect(limiter.take(['k']).retryAfterSeconds).toBe(9);
    clock.advance(8_500);
    expect(limiter.take(['k']).retryAfterSeconds).toBe(1);

    const fast = new RateLimiter({ limit: 1000, clock });
    for (let i = 0; i < 1000; i++) fast.take(['k']);
    expect(fast.take(['k'])).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ limit: 2, clock: new FixedClock(T0) });
    limiter.take(['a']);
    limiter.take(['a']);
    expect(limiter.take(['a']).allowed).toBe(false);
    expect(limiter.take(['b']).allowed).toBe(true);
  });

  it('counts a request against all its keys or none, and waits for the slowest key', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 3, clock });
    for (let i = 0; i < 3; i++) expect(limiter.take(['ip:1', 'conv:a']).allowed).toBe(true);
    // conv:a is spent; a refused request must not use up ip:1 as well.
    for (let i = 0; i < 5; i++) expect(limiter.take(['ip:2', 'conv:a']).allowed).toBe(false);
    expect(limiter.take(['ip:2', 'conv:b']).allowed).toBe(true);
    clock.advance(10_000);
    // ip:1 has earned half a request back, conv:c is new: the answer is ip:1's 10 s.
    expect(limiter.take(['conv:c', 'ip:1'])).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forgets keys idle for a whole window, so memory does not grow with every visitor', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 10, clock });
    for (let i = 0; i < 1000; i++) limiter.take([`ip:${i}`]);
    expect(limiter.size).toBe(1000);
    clock.advance(30_000);
    limiter.take(['ip:late']);
    expect(limiter.size).toBe(1001);
    clock.advance(30_000);
    limiter.take(['ip:later']);
    // The first thousand have been idle for a full minute; 'ip:late' only for 30 s.
    expect(limiter.size).toBe(2);
  });

  it('never remembers more than maxKeys, forgetting the longest idle first', () => {
    const clock = new FixedClock(T0);
    const limiter = new RateLimiter({ limit: 1, maxKeys: 100, clock });
    limiter.take(['busy']);
    for (let i = 0; i < 10_000; i++) {
      limiter.take([`flood:${i}`]);
      if (i % 50 === 0) limiter.take(['busy']);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    // 'busy' was seen recently, so it is still remembered (and still spent).
    expect(limiter.take(['busy']).allowed).toBe(false);
    // 'flood:0' was forgotten: it starts afresh.
    expect(limiter.take(['flood:0']).allowed).toBe(true);
  });

  it('stores a huge key as a short hash, and still limits it', () => {
    const limiter = new RateLimiter({ limit: 1, clock: new FixedClock(T0) });
    const huge = 'conv:' + 'x'.repeat(100_000);
    expect(limiter.take([huge]).allowed).toBe(true);
    expect(limiter.take([huge]).allowed).toBe(false);
    expect(limiter.take([huge.slice(0, -1) + 'y']).allowed).toBe(true);
  });

  it('refuses a limit of 0', () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(RangeError);
  });
});

describe('conversationIdOf', () => {
  it.each<[unknown, string | undefined]>([
    [{ conversation: { id: 'abc' } }, 'abc'],
    [{ conversation: { id: 42 } }, undefined],
    [{ conversation: 'abc' }, undefined],
    [{ conversation: null }, undefined],
    [[], undefined],
    ['{"conversation":{"id":"x"}}', undefined],
    [undefined, undefined],
  ])('reads %j as %s', (body, id) => expect(conversationIdOf(body)).toBe(id));
});

describe('rateLimit middleware over HTTP', () => {
  let server: Server;
  let base: string;
  let clock: FixedClock;
  let handled = 0;
  const refusals: number[] = [];

  beforeAll(async () => {
    clock = new FixedClock(T0);
    const perIp = new RateLimiter({ limit: 3, clock });
    const perConversation = new RateLimiter({ limit: 2, clock });
    server = restify.createServer({ handleUncaughtExceptions: false });
    // IP limit before the body is read, only on /limited paths.
    server.pre(rateLimit(perIp, (req) => (req.path().startsWith('/limited') ? [`ip:${clientIp(req)}`] : []), (_req, s) => refusals.push(s)));
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    const handler = async (_req: Request, res: Response) => {
      handled += 1;
      res.json(200, { ok: true });
    };
    server.get('/limited/a', handler);
    server.get('/open', handler);
    server.post('/messages', rateLimit(perConversation, (req) => {
      const id = conversationIdOf(req.body);
      return id ? [`conv:${id}`] : [];
    }), handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 429 with Retry-After and a JSON error after 3 requests, without running the handler', async () => {
    const before = handled;
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/limited/a`)).status).toBe(200);
    const res = await fetch(`${base}/limited/a`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: 'too many requests', retryAfterSeconds: 20 });
    expect(handled - before).toBe(3);
    expect(refusals).toEqual([20]);

    // Paths the key function skips are not limited.
    expect((await fetch(`${base}/open`)).status).toBe(200);
    // Time heals.
    clock.advance(20_000);
    expect((await fetch(`${base}/limited/a`)).status).toBe(200);
    expect((await fetch(`${base}/limited/a`)).status).toBe(429);
  });

  it('limits per conversation from the parsed body, one conversation at a time', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ conversation: { id: 'c1' } })).status).toBe(200);
    expect((await post({ conversation: { id: 'c1' } })).status).toBe(200);
    const refused = await post({ conversation: { id: 'c1' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(30);
    expect((await post({ conversation: { id: 'c2' } })).status).toBe(200);
    // A body without a conversation id is not this middleware's business.
    expect((await post({ nothing: true })).status).toBe(200);
  });
});

describe('clientIp over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.get('/ip', async (req: Request, res: Response) => {
      res.json(200, { direct: clientIp(req), behindOneProxy: clientIp(req, 1), behindTwoProxies: clientIp(req, 2) });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ipsFor = async (xff?: string) =>
    (await fetch(`${base}/ip`, { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } })).json();

  it('uses the socket address unless proxies are trusted, and never an entry the client wrote itself', async () => {
    expect(await ipsFor()).toEqual({ direct: '127.0.0.1', behindOneProxy: '127.0.0.1', behindTwoProxies: '127.0.0.1' });
    // The client claims 10.9.9.9; the one trusted proxy appended the address it saw.
    expect(await ipsFor('10.9.9.9, 203.0.113.7')).toEqual({ direct: '127.0.0.1', behindOneProxy: '203.0.113.7', behindTwoProxies: '10.9.9.9' });
    expect(await ipsFor('2001:db8::1')).toEqual({ direct: '127.0.0.1', behindOneProxy: '2001:db8::1', behindTwoProxies: '127.0.0.1' });
    expect(await ipsFor('<script>, not-an-ip')).toEqual({ direct: '127.0.0.1', behindOneProxy: '127.0.0.1', behindTwoProxies: '127.0.0.1' });
  });
});
