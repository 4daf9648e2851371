import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { AppConfig } from '../config/AppConfig';
import type { Logger } from '../logging/Logger';
import { activityProblem, serviceUrlAllowed } from './ActivityValidator';
import type { HttpCloudAdapter } from './HttpCloudAdapter';
import { systemClock, type Clock } from '../util/Clock';
import { RateLimiter } from './RateLimiter';
import { clientIp, conversationIdOf, rateLimit } from './rateLimit';
import { inSequence } from './inSequence';
import { corsFor, securityHeaders } from './SecurityHeaders';
import { jsonBody } from './jsonBody';
import { genericErrorMessage } from './errorResponses';


/** How long an idle keep-alive connection is kept open. */
const KEEP_ALIVE_MS = 65_000;
/** CSP for HTML pages that set none themselves (the chat page sets its own, with a nonce). */
function defaultHtmlCsp(frameAncestors: string): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", `frame-ancestors ${frameAncestors.replace(/[;,\r\n]/g, ' ')}`,
  ].join('; ');
}

/** Paths that get the per-IP flood guard before their body is read. */
function floodGuarded(path: string): boolean {
  return path === '/api/messages' || path === '/api/whatsapp' || path.startsWith('/api/directline/') || path.startsWith('/v3/directline/');
}

/** True when a trusted proxy says the client connected over https. */
function forwardedHttps(req: Request): boolean {
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto ?? '').split(',')[0].trim().toLowerCase();
  return first === 'https';
}

/** Answers an Upgrade request on the raw socket with 400 and closes it. */
function refuseUpgrade(socket: Duplex): void {
  const body = JSON.stringify({ error: genericErrorMessage(400) });
  socket.on('error', () => undefined);
  socket.end(
    'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: application/json\r\n'
      + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** What the HTTP server needs. */
export interface BotServerDeps {
  config: AppConfig;
  adapter: HttpCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** For the rate limiters; the wall clock unless given. */
  clock?: Clock;
  /** Resolves when content is loaded and storage answers; rejects otherwise. */
  readiness: () => Promise<void>;
}

/**
 * The restify server: `/api/messages` through the CloudAdapter, health and readiness probes,
 * size limits and clean 4xx answers for bad input, and a graceful stop that lets turns in
 * flight finish.
 */
/** Something that serves upgraded connections (a WebSocket endpoint). */
export interface UpgradeHandler {
  /** True when the request is this handler's (it answers it, also with a refusal). */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes its connections: the server stops. */
  close(): void;
}

export class BotServer {
  readonly server: Server;
  private readonly upgradeHandlers: UpgradeHandler[] = [];
  private inFlight = 0;
  private stopping = false;
  private idle?: () => void;

  constructor(private readonly deps: BotServerDeps) {
    const { config, logger } = deps;
    this.server = restify.createServer({ name: 'fysio-assistent', handleUncaughtExceptions: false });
    // Node closes an idle connection after 5 s; a proxy or client that reuses it just then gets a
    // reset (a 502 at the proxy, "fetch failed" in a test on a busy machine). Idle connections stay
    // longer than common proxy idle timeouts (60 s), as load balancers' guides ask of their backends.
    this.server.server.keepAliveTimeout = KEEP_ALIVE_MS;
    this.server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    const clock = deps.clock ?? systemClock;
    const refused = (req: Request) => logger.warn({ event: 'rate_limited', route: req.path() }, 'too many requests');
    // A flood guard per IP, not a budget: Bot Service and Meta send every patient's traffic from
    // a few shared addresses, and Web Chat polls every second. The budget is per conversation.
    const perIp = new RateLimiter({ limit: Math.max(600, config.rateLimitPerMinute * 20), clock });
    const perConversation = new RateLimiter({ limit: config.rateLimitPerMinute, clock });
    const hsts = (config.publicUrl ?? '').startsWith('https:');
    let proxyWarned = false;
    const proxyHopsCheck = (req: Request, _res: Response, next: Next): void => {
      // Behind a proxy with no hops trusted every client has the proxy's address: one shared
      // rate limit for all patients, and sign-in limits that lock out the whole practice.
      if (!proxyWarned && config.trustedProxyHops === 0 && req.headers['x-forwarded-for'] !== undefined) {
        proxyWarned = true;
        logger.warn(
          { event: 'proxy_hops_unset' },
          'requests carry X-Forwarded-For but TRUSTED_PROXY_HOPS is 0: every client counts as the proxy\'s address; set TRUSTED_PROXY_HOPS to the number of proxies in front of the bot',
        );
      }
      next();
    };
    // One pre handler for the guards every request passes (see inSequence).
    this.server.pre(inSequence(
      proxyHopsCheck,
      securityHeaders(defaultHtmlCsp(config.frameAncestors), { hsts: hsts || ((req) => config.trustedProxyHops > 0 && forwardedHttps(req)) }),
      corsFor(config.websiteOrigins, { pathPrefixes: ['/api/directline/'] }),
      rateLimit(perIp, (req) => (floodGuarded(req.path()) ? [`ip:${clientIp(req, config.trustedProxyHops)}`] : []), refused),
    ));
    const byConversation = rateLimit(perConversation, (req) => {
      const id = conversationIdOf(req.body);
      return id ? [`conv:${String((req.body as { channelId?: unknown }).channelId)}:${id}`] : [];
    }, refused);
    // JSON bodies only: no gzip, multipart, form or text parser on any route (see jsonBody).
    this.server.use(jsonBody(config.maxBodyBytes, (req, refusal) => {
      logger.warn({ event: 'body_refused', status: refusal.status, correlationId: req.getId(), route: req.getRoute?.()?.path }, 'request body refused');
    }));
    // Errors restify answers itself (404, 405, a handler that threw) get a generic message and a
    // correlation id instead of restify's text, which can name paths, parsers or exceptions.
    this.server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
      const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      const correlationId = req.getId();
      const fields = { event: 'http_error', status, correlationId, route: req.getRoute?.()?.path, errType: err.name };
      if (status >= 500) logger.error({ ...fields, err }, 'request failed');
      else logger.warn(fields, 'request refused');
      if (!res.headersSent) {
        res.header('X-Correlation-Id', correlationId);
        res.json(status, { error: genericErrorMessage(status), correlationId });
      }
      return cb();
    });
    // A request asking to switch protocols (WebSocket, h2c) would otherwise wait forever: one no
    // handler claims (the web chat's stream) is answered and the connection closed.
    this.server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!this.upgradeHandlers.some((h) => h.handle(req, socket, head))) refuseUpgrade(socket);
    });

    this.server.get('/healthz', async (_req: Request, res: Response) => {
      res.json(200, { status: 'ok' });
    });
    this.server.get('/readyz', async (_req: Request, res: Response) => {
      try {
        if (this.stopping) throw new Error('stopping');
        await deps.readiness();
        res.json(200, { status: 'ready' });
      } catch {
        res.json(503, { status: 'not ready' });
      }
    });
    this.server.post('/api/messages', inSequence(byConversation, (req: Request, res: Response, next: Next) => {
      this.handleMessages(req, res).then(() => next(), next);
    }));
  }

  private async handleMessages(req: Request, res: Response): Promise<void> {
    const { config, adapter, logic, logger } = this.deps;
    if (this.stopping) {
      res.json(503, { error: 'shutting down' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.json(400, { error: problem });
      return;
    }
    const body = req.body as { serviceUrl: string; deliveryMode?: string };
    if (config.auth.anonymous && body.deliveryMode !== 'expectReplies' && !serviceUrlAllowed(body.serviceUrl, config.serviceUrlAllowlist)) {
      res.json(403, { error: 'serviceUrl is not on SERVICE_URL_ALLOWLIST' });
      return;
    }
    this.inFlight += 1;
    try {
      const authorization = req.headers.authorization ?? '';
      const answer = await adapter.handle(req.body as Activity, authorization, logic);
      res.status(answer?.status ?? 200);
      if (answer?.body) res.send(answer.body);
      res.end();
    } catch (err) {
      if (res.headersSent) return;
      // As CloudAdapter.process answers, without the error's text: 401 for a refused token,
      // 500 for anything else (the channel may try again; the body was checked above).
      if (err instanceof AuthenticationError) {
        logger.warn({ event: 'unauthorised', status: err.statusCode }, 'request refused: no valid Bot Framework token');
        res.json(401, { error: 'unauthorised' });
      } else {
        const correlationId = req.getId();
        logger.error({ event: 'activity_failed', err: err, correlationId }, 'activity could not be processed');
        res.header('X-Correlation-Id', correlationId);
        res.json(500, { error: genericErrorMessage(500), correlationId });
      }
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  /** Starts listening; resolves with the port actually bound (0 picks a free one). */
  listen(): Promise<number> {
    const { port, host } = this.deps.config;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.removeListener('error', reject);
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  /** Lets a route that speaks WebSocket take the upgrade requests it claims; the rest are refused. */
  handleUpgrades(handler: UpgradeHandler): void {
    this.upgradeHandlers.push(handler);
  }

  /** Stops accepting requests and waits (up to `timeoutMs`) for turns in flight. */
  async stop(timeoutMs = 10000): Promise<void> {
    this.stopping = true;
    for (const h of this.upgradeHandlers) h.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) {
      await Promise.race([new Promise<void>((r) => (this.idle = r)), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    }
    this.server.server.closeIdleConnections?.();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
