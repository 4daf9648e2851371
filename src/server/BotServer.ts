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

/** CSP for HTML pages that set none themselves (the chat page sets its own, with a nonce). */
function defaultHtmlCsp(frameAncestors: string): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", `frame-ancestors ${frameAncestors.replace(/[;,\r\n]/g, ' ')}`,
  ].join('; ');
}

/** Paths that get the per-IP flood guard before their body is read. */
function floodGuarded(path: string): boolean {
  return path === '/api/messages' || path === '/api/whatsapp' || path.startsWith('/api/directline/');
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
export class BotServer {
  readonly server: Server;
  private inFlight = 0;
  private stopping = false;
  private idle?: () => void;

  constructor(private readonly deps: BotServerDeps) {
    const { config, logger } = deps;
    this.server = restify.createServer({ name: 'fysio-assistent', handleUncaughtExceptions: false });
    const clock = deps.clock ?? systemClock;
    const refused = (req: Request) => logger.warn({ event: 'rate_limited', route: req.path() }, 'too many requests');
    // A flood guard per IP, not a budget: Bot Service and Meta send every patient's traffic from
    // a few shared addresses, and Web Chat polls every second. The budget is per conversation.
    const perIp = new RateLimiter({ limit: Math.max(600, config.rateLimitPerMinute * 20), clock });
    const perConversation = new RateLimiter({ limit: config.rateLimitPerMinute, clock });
    // One pre handler for the three guards every request passes (see inSequence).
    this.server.pre(inSequence(
      securityHeaders(defaultHtmlCsp(config.frameAncestors)),
      corsFor(config.websiteOrigins, { pathPrefixes: ['/api/directline/'] }),
      rateLimit(perIp, (req) => (floodGuarded(req.path()) ? [`ip:${clientIp(req, config.trustedProxyHops)}`] : []), refused),
    ));
    const byConversation = rateLimit(perConversation, (req) => {
      const id = conversationIdOf(req.body);
      return id ? [`conv:${String((req.body as { channelId?: unknown }).channelId)}:${id}`] : [];
    }, refused);
    this.server.use(inSequence(...restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false })));
    this.server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
      logger.warn({ event: 'http_error', status: err.statusCode, route: req.getRoute?.()?.path }, 'request refused');
      return cb();
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
        logger.error({ event: 'activity_failed', err: err }, 'activity could not be processed');
        res.json(500, { error: 'activity could not be processed' });
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

  /** Stops accepting requests and waits (up to `timeoutMs`) for turns in flight. */
  async stop(timeoutMs = 10000): Promise<void> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) {
      await Promise.race([new Promise<void>((r) => (this.idle = r)), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    }
    this.server.server.closeIdleConnections?.();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
