import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Next, Request, RequestHandler, Response } from 'restify';

/** HSTS for a year; no includeSubDomains: the practice's other hosts are not ours to decide. */
export const HSTS_VALUE = 'max-age=31536000';

/** Options of {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /**
   * Send `Strict-Transport-Security`: always (the service is public over https) or when the
   * function says the request came over https (a trusted proxy's X-Forwarded-Proto).
   */
  hsts?: boolean | ((req: Request) => boolean);
}

/**
 * Restify middleware (use it in `server.pre` so errors and 404s get it too) that gives every
 * response `X-Content-Type-Options: nosniff` and `Referrer-Policy: strict-origin-when-cross-origin`,
 * HTML responses `Content-Security-Policy: <contentSecurityPolicy>`, and, where configured,
 * `Strict-Transport-Security`. These are defaults: a handler that sets one of them itself (the
 * chat page with its per-response nonce) keeps its own. Whether a response is HTML, and what the
 * handler set, is only known when the response head is written, so that is when they are added.
 */
export function securityHeaders(contentSecurityPolicy: string, options: SecurityHeaderOptions = {}): RequestHandler {
  return function withSecurityHeaders(req: Request, res: Response, next: Next): void {
    const hsts = typeof options.hsts === 'function' ? options.hsts(req) : Boolean(options.hsts);
    beforeHead(res, (given, setDefault) => {
      if (hsts) setDefault('Strict-Transport-Security', HSTS_VALUE);
      setDefault('X-Content-Type-Options', 'nosniff');
      setDefault('Referrer-Policy', 'strict-origin-when-cross-origin');
      if (isHtml(given('content-type') ?? '')) setDefault('Content-Security-Policy', contentSecurityPolicy);
    });
    next();
  };
}

/** Options for {@link corsFor}. */
export interface CorsOptions {
  /** Only requests whose path starts with one of these get CORS handling; all when unset. */
  pathPrefixes?: string[];
  /** Methods a preflight may ask for. */
  methods?: string[];
  /** Request headers a preflight may ask for (compared case-insensitively). */
  headers?: string[];
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds?: number;
}

/** What Web Chat's Direct Line client sends. */
const DEFAULT_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'x-ms-bot-agent'];

/**
 * Restify middleware for `server.pre` (a preflight must be answered before routing, which
 * would refuse OPTIONS with 405): answers CORS preflights with 204 for the listed origins and
 * 403 for others, and sets `Access-Control-Allow-Origin` on other requests only when their
 * `Origin` is listed and the handler did not set it itself. Origins are compared exactly as
 * scheme://host[:port]; no wildcards.
 */
export function corsFor(origins: string[], options: CorsOptions = {}): RequestHandler {
  const allowed = new Set(origins.map(originOf).filter((o): o is string => Boolean(o)));
  const methods = (options.methods ?? ['GET', 'POST', 'OPTIONS']).map((m) => m.toUpperCase());
  const headers = options.headers ?? DEFAULT_HEADERS;
  const headerSet = new Set(headers.map((h) => h.toLowerCase()));
  const maxAge = String(options.maxAgeSeconds ?? 600);

  return function cors(req: Request, res: Response, next: Next): void {
    const path = req.path?.() ?? req.url ?? '';
    if (options.pathPrefixes && !options.pathPrefixes.some((p) => path.startsWith(p))) {
      next();
      return;
    }
    const origin = single(req.headers.origin);
    const requestedMethod = single(req.headers['access-control-request-method']);
    const isPreflight = req.method === 'OPTIONS' && origin !== undefined && requestedMethod !== undefined;
    const ok = origin !== undefined && allowed.has(origin);
    if (!isPreflight) {
      // Added when the head is written and only if the handler did not answer CORS itself
      // (restify's res.header would otherwise send the header twice, which browsers refuse).
      beforeHead(res, (given, setDefault) => {
        if (ok) setDefault('Access-Control-Allow-Origin', origin);
        const vary = (given('vary') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
        if (!vary.some((v) => v.toLowerCase() === 'origin' || v === '*')) res.setHeader('Vary', [...vary, 'Origin'].join(', '));
      });
      next();
      return;
    }
    res.setHeader('Vary', 'Origin');
    const requestedHeaders = (single(req.headers['access-control-request-headers']) ?? '')
      .split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    if (!ok || !methods.includes(requestedMethod.toUpperCase()) || requestedHeaders.some((h) => !headerSet.has(h))) {
      res.json(403, { error: 'cross-origin request not allowed' });
      next(false);
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', methods.join(', '));
    res.setHeader('Access-Control-Allow-Headers', headers.join(', '));
    res.setHeader('Access-Control-Max-Age', maxAge);
    res.send(204);
    next(false);
  };
}

/** scheme://host[:port] of a configured origin, lower-cased; undefined when it is not a URL. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A header's value as the response will send it, or undefined (name in any case). */
type HeaderLookup = (name: string) => string | undefined;

/**
 * Runs `fill` just before the response head is written, when the handler has set its headers:
 * `setDefault` adds a header only if neither the handler nor writeHead's own argument has it.
 * Node writes an implicit head through writeHead too, so this sees every response.
 */
function beforeHead(res: Response, fill: (given: HeaderLookup, setDefault: (name: string, value: string) => void) => void): void {
  const raw = res as ServerResponse;
  const writeHead = raw.writeHead;
  raw.writeHead = function writeHeadWithDefaults(this: ServerResponse, ...args: unknown[]): ServerResponse {
    const given = headersGiven(this, args);
    fill(given, (name, value) => {
      if (given(name) === undefined) this.setHeader(name, value);
    });
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Looks a header up among those passed to writeHead, then those set so far. Each header is
 * looked up by itself: copying them all for every response cost more than the rest of this file.
 */
function headersGiven(res: ServerResponse, args: unknown[]): HeaderLookup {
  const passed = args.find((a): a is OutgoingHttpHeaders | unknown[] => typeof a === 'object' && a !== null);
  let inArgs: Map<string, string> | undefined;
  if (Array.isArray(passed)) {
    // writeHead(status, ['Content-Type', 'text/html', ...]) or [[name, value], ...]
    inArgs = new Map();
    const flat = passed.flat().map(String);
    for (let i = 0; i + 1 < flat.length; i += 2) inArgs.set(flat[i].toLowerCase(), flat[i + 1]);
  } else if (passed) {
    inArgs = new Map();
    for (const [name, value] of Object.entries(passed)) if (value !== undefined) inArgs.set(name.toLowerCase(), String(value));
  }
  return (name) => {
    const key = name.toLowerCase();
    const value = inArgs?.get(key) ?? res.getHeader(key);
    return value === undefined ? undefined : String(value);
  };
}

function isHtml(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}
