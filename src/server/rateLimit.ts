import { isIP } from 'node:net';
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { RateLimiter } from './RateLimiter';

/**
 * Restify middleware that counts each request against the keys `keyOf` gives (none: not
 * limited) and answers 429 with `Retry-After` (seconds) and a JSON error once a key is over its
 * limit; the handlers after it then do not run. `onRefused` is told of each refusal (for a log
 * line; do not log the keys, they hold IP addresses and conversation ids).
 *
 * Callback style on purpose: restify 12 calls `next()` whenever an async handler resolves,
 * whatever it returns, so only `next(false)` stops the chain without raising an error event.
 * Works in `server.pre` (before the body is read: cheapest, for IP keys), in `server.use` and
 * in a route's handler list (after the body parser: for keys from the activity).
 */
export function rateLimit(
  limiter: RateLimiter,
  keyOf: (req: Request) => string[],
  onRefused?: (req: Request, retryAfterSeconds: number) => void,
): RequestHandler {
  return function rateLimited(req: Request, res: Response, next: Next): void {
    const keys = keyOf(req);
    const decision = keys.length ? limiter.take(keys) : undefined;
    if (!decision || decision.allowed) {
      next();
      return;
    }
    onRefused?.(req, decision.retryAfterSeconds);
    res.header('Retry-After', String(decision.retryAfterSeconds));
    res.json(429, { error: 'too many requests', retryAfterSeconds: decision.retryAfterSeconds });
    next(false);
  };
}

/**
 * The client's IP address. With `trustedProxyHops` > 0 (the app runs behind that many reverse
 * proxies that each append to X-Forwarded-For, as Azure App Service's front end does), the
 * address the outermost trusted proxy saw; entries a client wrote itself are never used.
 */
export function clientIp(req: Request, trustedProxyHops = 0): string {
  const socket = normalizeIp(req.socket?.remoteAddress ?? '') || 'unknown';
  if (trustedProxyHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const candidate = normalizeIp(hops[hops.length - trustedProxyHops] ?? '');
  return candidate || socket;
}

/** The activity's conversation id from a parsed `/api/messages` body, if it has one. */
export function conversationIdOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const conversation = (body as { conversation?: unknown }).conversation;
  if (!conversation || typeof conversation !== 'object') return undefined;
  const id = (conversation as { id?: unknown }).id;
  return typeof id === 'string' && id ? id : undefined;
}

/** An IP as text, IPv4-mapped IPv6 shown as IPv4; '' when it is not an IP (a forged header). */
function normalizeIp(raw: string): string {
  const ip = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
  return isIP(ip) ? ip : '';
}
