import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { BookingFormatter } from '../booking/BookingFormatter';
import type { BookingRepository } from '../booking/BookingRepository';
import type { HandoffService, TicketEvent } from '../handoff/HandoffService';
import type { Logger } from '../logging/Logger';
import { RateLimiter } from '../server/RateLimiter';
import { clientIp } from '../server/rateLimit';
import type { Clock } from '../util/Clock';
import type { ConsoleSessions } from './ConsoleSessions';
import type { ConsoleUsers } from './ConsoleUsers';

/** What the console needs. */
export interface ConsoleDeps {
  users: ConsoleUsers;
  sessions: ConsoleSessions;
  handoff: HandoffService;
  bookings: BookingRepository;
  formatter: BookingFormatter;
  logger: Logger;
  clock: Clock;
  /** Cookies get `Secure` when the console is served over https. */
  secureCookies: boolean;
  /** Reverse proxies in front of the bot, for the client's IP in the sign-in limit. */
  trustedProxyHops: number;
  /** Called when a receptionist hands a conversation back to the bot. */
  onRelease(ticketId: string): Promise<void>;
}

const COOKIE = 'fa_console';
const PAGES = resolve(__dirname, '..', '..', ...(__dirname.includes(`${join('dist', 'src')}`) ? ['..'] : []), 'public', 'console');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cookieOf(req: Request): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
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
  const session = (req: Request) => deps.sessions.get(cookieOf(req));
  const api = (handler: (req: Request, res: Response, user: string) => Promise<void>) => async (req: Request, res: Response) => {
    const s = session(req);
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
    if (!session(req)) {
      res.redirect(302, '/console/signin', () => undefined);
      return;
    }
    page(res, 'console.html', 'text/html');
  });

  server.post('/console/api/signin', async (req: Request, res: Response) => {
    const decision = limiter.take([clientIp(req, deps.trustedProxyHops)]);
    if (!decision.allowed) {
      res.header('Retry-After', String(decision.retryAfterSeconds));
      res.json(429, { error: 'too many attempts', retryAfterSeconds: decision.retryAfterSeconds });
      return;
    }
    const body = (req.body ?? {}) as { user?: unknown; password?: unknown };
    if (typeof body.user !== 'string' || typeof body.password !== 'string' || !deps.users.verify(body.user, body.password)) {
      deps.logger.warn({ event: 'console_signin_failed' }, 'console sign-in refused');
      res.json(401, { error: 'wrong name or password' });
      return;
    }
    const { token, expires } = deps.sessions.create(body.user.trim().toLowerCase());
    const secure = deps.secureCookies ? '; Secure' : '';
    // Max-Age counts from when the browser receives the cookie, so a browser whose clock differs
    // from the server's neither drops the session at once nor keeps it longer; the server checks
    // the session's end by its own clock.
    const maxAge = Math.max(0, Math.round((expires.getTime() - deps.clock.now().getTime()) / 1000));
    res.header('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/console; Max-Age=${maxAge}${secure}`);
    res.json(200, { user: body.user.trim().toLowerCase() });
  });

  server.post('/console/api/signout', api(async (req, res) => {
    deps.sessions.destroy(cookieOf(req));
    res.header('Set-Cookie', `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/console; Max-Age=0`);
    res.json(200, {});
  }));

  server.get('/console/api/me', api(async (_req, res, user) => res.json(200, { user })));

  server.get('/console/api/queue', api(async (_req, res) => {
    const tickets = await deps.handoff.queue();
    res.json(200, tickets.map((t) => ({
      id: t.id, status: t.status, reason: t.reason, channel: t.channel, locale: t.locale, assignedTo: t.assignedTo ?? null,
      callbackPhone: t.callbackPhone ?? null, createdAt: t.createdAt, updatedAt: t.updatedAt, messages: t.messages.length,
    })));
  }));

  server.get('/console/api/tickets/:id', api(async (req, res) => {
    const t = await deps.handoff.get(String(req.params.id));
    if (!t) return void res.json(404, { error: 'no such ticket' });
    res.json(200, {
      id: t.id, status: t.status, reason: t.reason, channel: t.channel, locale: t.locale, assignedTo: t.assignedTo ?? null,
      callbackPhone: t.callbackPhone ?? null, createdAt: t.createdAt, messages: t.messages,
    });
  }));

  server.post('/console/api/tickets/:id/reply', api(async (req, res, user) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !text.trim() || text.length > 2000) return void res.json(400, { error: 'text (1–2000 characters) is required' });
    const result = await deps.handoff.staffSays(String(req.params.id), user, text.trim());
    res.json(result.sent ? 200 : 409, result);
  }));

  server.post('/console/api/tickets/:id/take', api(async (req, res, user) => {
    await deps.handoff.take(String(req.params.id), user);
    res.json(200, {});
  }));

  server.post('/console/api/tickets/:id/release', api(async (req, res) => {
    await deps.onRelease(String(req.params.id));
    res.json(200, {});
  }));

  server.post('/console/api/tickets/:id/close', api(async (req, res) => {
    await deps.handoff.close(String(req.params.id));
    res.json(200, {});
  }));

  server.get('/console/api/bookings', api(async (_req, res) => {
    const since = new Date(deps.clock.now().getTime() - 30 * 86_400_000);
    const list = await deps.bookings.listChanged(since, 200);
    res.json(200, list.map((b) => ({
      reference: b.reference, event: b.lastEvent, status: b.status, when: deps.formatter.when(b.start, 'nl-NL'),
      location: deps.formatter.locationName(b.locationId), name: b.name, phone: b.phone, complaint: b.complaint,
      hasReferral: b.hasReferral ?? null, screening: b.screening, updatedAt: b.updatedAt,
    })));
  }));

  server.get('/console/api/events', api(async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const listener = (e: TicketEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
    const stopWatching = deps.handoff.watch(listener);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    heartbeat.unref();
    await new Promise<void>((done) => req.on('close', () => done()));
    clearInterval(heartbeat);
    stopWatching();
  }));
}
