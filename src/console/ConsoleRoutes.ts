import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { HandoffService, TicketEvent } from '../handoff/HandoffService';
import type { Logger } from '../logging/Logger';
import { RateLimiter } from '../server/RateLimiter';
import { clientIp } from '../server/rateLimit';
import type { Clock } from '../util/Clock';
import type { ConsoleSessions } from './ConsoleSessions';
import type { ConsoleUsers } from './ConsoleUsers';
import type { ConsoleViews } from './ConsoleViews';
import { SignInThrottle } from './SignInThrottle';

/** What the console needs. */
export interface ConsoleDeps {
  users: ConsoleUsers;
  sessions: ConsoleSessions;
  /** Signs the "known browser" cookie; shared by the instances on one database, else random per process. */
  deviceKey?: Buffer;
  handoff: HandoffService;
  views: ConsoleViews;
  logger: Logger;
  clock: Clock;
  /** Cookies get `Secure` when the console is served over https. */
  secureCookies: boolean;
  /** Reverse proxies in front of the bot, for the client's IP in the sign-in limit. */
  trustedProxyHops: number;
  /** Called when a receptionist hands a conversation back to the bot ("Terug naar de assistent"). */
  onRelease(ticketId: string, staff: string): Promise<void>;
  /** Called when a receptionist closes a ticket: the patient is told and the bot answers again. */
  onClose(ticketId: string, staff: string): Promise<void>;
  /** The console's public base URL (PUBLIC_URL), for the Origin check; the Host header when absent. */
  publicUrl?: string;
}

const COOKIE = 'fa_console';
/** Marks a browser that signed in to an account before; see {@link SignInThrottle}. */
const DEVICE_COOKIE = 'fa_console_device';
const DEVICE_DAYS = 30;
const PAGES = resolve(__dirname, '..', '..', ...(__dirname.includes(`${join('dist', 'src')}`) ? ['..'] : []), 'public', 'console');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cookieOf(req: Request, name = COOKIE): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * CSRF defence beyond SameSite: a POST from a browser must come from the console's own origin.
 * Browsers send `Origin` with every POST (and `Sec-Fetch-Site`); a request carrying neither is
 * not from a browser, so no cookie was sent on a user's behalf.
 */
function sameOrigin(req: Request, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  if (origin === undefined) return true;
  if (typeof origin !== 'string' || origin === 'null') return false;
  const expected = new Set<string>();
  if (publicUrl) expected.add(new URL(publicUrl).origin);
  // The address the browser itself used (its Host header): an attacker's page cannot make a
  // browser send our cookie with its own host, so this admits only the console's own pages,
  // also when staff reach it by an internal name rather than PUBLIC_URL.
  const host = req.headers.host;
  if (typeof host === 'string' && host) {
    expected.add(`http://${host}`.toLowerCase());
    expected.add(`https://${host}`.toLowerCase());
  }
  return expected.has(origin.toLowerCase());
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://console.invalid').searchParams;
}

function validDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

function page(res: Response, file: string, type: string): void {
  const path = join(PAGES, file);
  if (!existsSync(path)) {
    res.json(404, { error: 'not found' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY',
  });
  res.end(readFileSync(path));
}

/**
 * The receptionist console at /console: sign-in (scrypt accounts, HttpOnly SameSite cookie that
 * expires, rate-limited), the live queue (server-sent events), tickets with their transcript,
 * replies, take over / release / close, callbacks and the bookings list. Every /console/api/
 * route but sign-in answers 401 without a valid session; pages redirect to the sign-in page.
 * Patient text is only ever put on the page with textContent (public/console/console.js).
 */
export function registerConsoleRoutes(server: Server, deps: ConsoleDeps): void {
  const limiter = new RateLimiter({ limit: 5, windowMs: 60_000, clock: deps.clock });
  const throttle = new SignInThrottle(deps.clock);
  const deviceKey = deps.deviceKey ?? randomBytes(32);
  const deviceToken = (user: string) => `${Buffer.from(user).toString('base64url')}.${createHmac('sha256', deviceKey).update(user).digest('base64url')}`;
  const knownDevice = (req: Request, user: string): boolean => {
    const given = Buffer.from(cookieOf(req, DEVICE_COOKIE) ?? '');
    const expected = Buffer.from(deviceToken(user));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const session = (req: Request) => deps.sessions.get(cookieOf(req));
  const crossSite = (req: Request, res: Response): boolean => {
    if (req.method !== 'POST' || sameOrigin(req, deps.publicUrl)) return false;
    deps.logger.warn({ event: 'console_cross_origin' }, 'console request from another origin refused');
    res.json(403, { error: 'cross-origin request refused' });
    return true;
  };
  const api = (handler: (req: Request, res: Response, user: string) => Promise<void>) => async (req: Request, res: Response) => {
    if (crossSite(req, res)) return;
    const s = await session(req);
    if (!s) {
      res.json(401, { error: 'sign in first' });
      return;
    }
    res.header('Cache-Control', 'no-store');
    await handler(req, res, s.user);
  };

  server.get('/console/signin', async (_req: Request, res: Response) => page(res, 'signin.html', 'text/html'));
  server.get('/console/console.js', async (_req: Request, res: Response) => page(res, 'console.js', 'text/javascript'));
  server.get('/console/signin.js', async (_req: Request, res: Response) => page(res, 'signin.js', 'text/javascript'));
  server.get('/console/console.css', async (_req: Request, res: Response) => page(res, 'console.css', 'text/css'));
  server.get('/console', async (req: Request, res: Response) => {
    if (!(await session(req))) {
      res.redirect(302, '/console/signin', () => undefined);
      return;
    }
    page(res, 'console.html', 'text/html');
  });

  server.post('/console/api/signin', async (req: Request, res: Response) => {
    if (crossSite(req, res)) return;
    const tooMany = (retryAfterSeconds: number) => {
      res.header('Retry-After', String(retryAfterSeconds));
      res.json(429, { error: 'too many attempts', retryAfterSeconds });
    };
    const decision = limiter.take([clientIp(req, deps.trustedProxyHops)]);
    if (!decision.allowed) return tooMany(decision.retryAfterSeconds);
    const body = (req.body ?? {}) as { user?: unknown; password?: unknown };
    if (typeof body.user !== 'string' || typeof body.password !== 'string' || body.user.length > 100 || body.password.length > 1024) {
      res.json(400, { error: 'user and password are required' });
      return;
    }
    const user = body.user.trim().toLowerCase();
    // Per account, from any address; a browser this account signed in with before is not held up.
    const device = knownDevice(req, user);
    const wait = device ? 0 : throttle.waitMs(user);
    if (wait > 0) {
      deps.logger.warn({ event: 'console_signin_throttled' }, 'console sign-in refused: account is waiting after failed attempts');
      return tooMany(Math.ceil(wait / 1000));
    }
    if (!(await deps.users.verify(user, body.password))) {
      if (!device) throttle.failed(user);
      deps.logger.warn({ event: 'console_signin_failed' }, 'console sign-in refused');
      res.json(401, { error: 'wrong name or password' });
      return;
    }
    throttle.succeeded(user);
    const { token, expires } = await deps.sessions.create(user);
    const secure = deps.secureCookies ? '; Secure' : '';
    // Max-Age counts from when the browser receives the cookie, so a browser whose clock differs
    // from the server's neither drops the session at once nor keeps it longer; the server checks
    // the session's end by its own clock.
    const maxAge = Math.max(0, Math.round((expires.getTime() - deps.clock.now().getTime()) / 1000));
    res.header('Set-Cookie', [
      `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/console; Max-Age=${maxAge}${secure}`,
      `${DEVICE_COOKIE}=${deviceToken(user)}; HttpOnly; SameSite=Strict; Path=/console/api/signin; Max-Age=${DEVICE_DAYS * 86_400}${secure}`,
    ]);
    res.json(200, { user });
  });

  server.post('/console/api/signout', api(async (req, res) => {
    await deps.sessions.destroy(cookieOf(req));
    res.header('Set-Cookie', `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/console; Max-Age=0`);
    res.json(200, {});
  }));

  server.get('/console/api/me', api(async (_req, res, user) => res.json(200, { user, timeZone: deps.views.timeZone, now: deps.clock.now().toISOString() })));

  server.get('/console/api/queue', api(async (_req, res) => {
    res.json(200, await deps.views.queue());
  }));

  server.get('/console/api/history', api(async (req, res) => {
    const q = queryOf(req).get('q') ?? '';
    if (q.length > 100) return void res.json(400, { error: 'q: at most 100 characters' });
    res.json(200, await deps.views.history(q));
  }));

  server.get('/console/api/tickets/:id', api(async (req, res) => {
    const t = await deps.views.ticket(String(req.params.id));
    if (!t) return void res.json(404, { error: 'no such ticket' });
    const { transcript, ...row } = t;
    res.json(200, { ...row, messages: transcript });
  }));

  server.post('/console/api/tickets/:id/reply', api(async (req, res, user) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !text.trim() || text.length > 2000) return void res.json(400, { error: 'text (1–2000 characters) is required' });
    const result = await deps.handoff.staffSays(String(req.params.id), user, text.trim());
    res.json(result.sent ? 200 : 409, result);
  }));

  // Replying takes a waiting ticket; this stays for a receptionist who claims one before writing.
  server.post('/console/api/tickets/:id/take', api(async (req, res, user) => {
    // A closed ticket stays closed: taking it would silence the bot for a patient nobody serves.
    const taken = await deps.handoff.take(String(req.params.id), user);
    if (taken === 'closed') return void res.json(409, { error: 'the ticket is closed', reason: 'closed' });
    if (taken === 'missing') return void res.json(404, { error: 'no such ticket' });
    res.json(200, {});
  }));

  server.post('/console/api/tickets/:id/release', api(async (req, res, user) => {
    await deps.onRelease(String(req.params.id), user);
    res.json(200, {});
  }));

  server.post('/console/api/tickets/:id/close', api(async (req, res, user) => {
    await deps.onClose(String(req.params.id), user);
    res.json(200, {});
  }));

  server.get('/console/api/locations', api(async (_req, res) => res.json(200, deps.views.locations())));

  server.get('/console/api/bookings', api(async (req, res) => {
    const query = queryOf(req);
    const day = query.get('day') ?? '';
    const location = query.get('location') ?? '';
    if (day && !validDay(day)) return void res.json(400, { error: 'day: a date as YYYY-MM-DD' });
    if (location && !deps.views.locations().some((l) => l.id === location)) {
      return void res.json(400, { error: 'location: one of the practice\'s location ids' });
    }
    res.json(200, await deps.views.bookingList({ day: day || undefined, location: location || undefined }));
  }));

  server.get('/console/api/events', api(async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const listener = (e: TicketEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
    const stopWatching = deps.handoff.watch(listener);
    // A queue left open after a sign-out elsewhere, or past the session's end, is nobody
    // watching: the stream ends, and with it the presence that promises patients a person.
    const heartbeat = setInterval(() => {
      void session(req).then((s) => (s ? res.write(': ping\n\n') : res.end()), () => undefined);
    }, 25_000);
    heartbeat.unref();
    await new Promise<void>((done) => req.on('close', () => done()));
    clearInterval(heartbeat);
    stopWatching();
  }));
}
