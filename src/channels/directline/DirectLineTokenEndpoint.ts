import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logging/Logger';
import { clientIp } from '../../server/rateLimit';
import type { RateLimiter } from '../../server/RateLimiter';
import { AzureDirectLineError, type AzureDirectLineTokenClient } from './AzureDirectLineTokenClient';
import { randomId, type DirectLineTokenIssuer } from './DirectLineTokenIssuer';
import { sendPrivateJson } from './httpHelpers';

/** Where tokens come from: the bot's own Direct Line, or Azure's when a secret is configured. */
export type TokenSource = { kind: 'local'; issuer: DirectLineTokenIssuer } | { kind: 'azure'; client: AzureDirectLineTokenClient };

/** What the token endpoint needs. */
export interface DirectLineTokenEndpointDeps {
  source: TokenSource;
  /** Other sites (the practice's own) that may ask for a token from a browser. */
  websiteOrigins: string[];
  /** Tokens per client address (key `directline-token:<ip>`). */
  limiter: RateLimiter;
  /** Reverse proxies in front of the bot that append to X-Forwarded-For (0: use the socket address). */
  trustedProxyHops?: number;
  logger: Logger;
}

export const TOKEN_PATH = '/api/directline/token';

/**
 * `POST /api/directline/token`: a short-lived token bound to a new conversation, so the chat
 * page never sees a secret. Answers browsers from the bot's own origin and, with CORS, from the
 * configured website origins only; other origins are refused.
 */
export function registerDirectLineTokenEndpoint(server: Server, deps: DirectLineTokenEndpointDeps): void {
  const allowed = new Set(deps.websiteOrigins.map(normalizeOrigin).filter((o): o is string => o !== undefined));

  server.opts(TOKEN_PATH, async (req: Request, res: Response) => {
    const origin = req.headers.origin;
    res.header('Vary', 'Origin');
    if (typeof origin !== 'string' || !allowed.has(origin)) {
      res.send(403);
      return;
    }
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.header('Access-Control-Allow-Headers', 'Content-Type');
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
  });

  server.post(TOKEN_PATH, async (req: Request, res: Response) => {
    const origin = req.headers.origin;
    res.header('Vary', 'Origin');
    if (typeof origin === 'string' && !sameOrigin(req, origin)) {
      if (!allowed.has(origin)) {
        sendPrivateJson(res, 403, { error: 'origin not allowed' });
        return;
      }
      res.header('Access-Control-Allow-Origin', origin);
    }
    const decision = deps.limiter.take([`directline-token:${clientIp(req, deps.trustedProxyHops ?? 0)}`]);
    if (!decision.allowed) {
      res.header('Retry-After', String(decision.retryAfterSeconds));
      sendPrivateJson(res, 429, { error: 'too many requests; wait a minute' });
      return;
    }
    // Azure wants user ids for token requests to start with dl_; the same shape is used locally.
    const userId = `dl_${randomId(12)}`;
    if (deps.source.kind === 'local') {
      const conversationId = randomId();
      const issued = deps.source.issuer.issue(conversationId, userId);
      sendPrivateJson(res, 200, { token: issued.token, conversationId, expires_in: issued.expiresIn, userId });
      return;
    }
    try {
      const t = await deps.source.client.generate(userId);
      sendPrivateJson(res, 200, { token: t.token, conversationId: t.conversationId, expires_in: t.expiresIn, domain: t.domain, userId });
    } catch (err) {
      const status = err instanceof AzureDirectLineError ? err.status : undefined;
      deps.logger.warn({ event: 'directline_token_failed', status, err }, 'Azure Direct Line gave no token');
      sendPrivateJson(res, 502, { error: 'the chat service is not available' });
    }
  });
}

/** `https://Example.org/` → `https://example.org`; undefined for what is not an http(s) origin. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** True when the browser's Origin is the bot's own host (the chat page served by this server). */
function sameOrigin(req: Request, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
