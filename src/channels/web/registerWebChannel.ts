import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { AppConfig } from '../../config/AppConfig';
import type { Translator } from '../../i18n/Translator';
import type { Logger } from '../../logging/Logger';
import type { Clock } from '../../util/Clock';
import { AZURE_DIRECT_LINE_URL, AzureDirectLineTokenClient } from '../directline/AzureDirectLineTokenClient';
import { DirectLineAdapter, type DirectLineBotAccount } from '../directline/DirectLineAdapter';
import { DirectLineConversationStore, type ConversationStoreLimits } from '../directline/DirectLineConversationStore';
import { registerDirectLineRoutes } from '../directline/DirectLineRoutes';
import type { DirectLineStore } from '../directline/DirectLineStore';
import { DirectLineStream } from '../directline/DirectLineStream';
import type { UpgradeHandler } from '../../server/BotServer';
import { registerDirectLineTokenEndpoint, type TokenSource } from '../directline/DirectLineTokenEndpoint';
import { DirectLineTokenIssuer } from '../directline/DirectLineTokenIssuer';
import { RateLimiter } from '../../server/RateLimiter';
import { renderChatPage, WEB_PATHS, type PracticeBranding } from './ChatPage';
import { applySecurityHeaders, contentSecurityPolicy } from './SecurityHeaders';
import { webAssets } from './WebAssets';

/** Messages per minute one IP may post over all its web chats, in conversations' budgets. */
export const DIRECT_LINE_IP_FACTOR = 3;

/** What the website channel needs from the composition root. */
export interface WebChannelDeps {
  config: Pick<AppConfig, 'directLine' | 'websiteOrigins' | 'frameAncestors' | 'rateLimitPerMinute' | 'maxMessageChars'> & Partial<Pick<AppConfig, 'publicUrl'>> & {
    retention?: Pick<AppConfig['retention'], 'unansweredDays'>;
  };
  /** The bot's turn handler, e.g. `(context) => bot.run(context)`. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** The practice file (name, phone, default locale, privacy URL; `brandColor` when it has one). */
  practice: PracticeBranding;
  translator: Translator;
  clock: Clock;
  /** Key for signing Direct Line tokens; random per process when absent. */
  tokenKey?: Buffer | string;
  /** Azure Direct Line base URL (tests use a fake server on 127.0.0.1). */
  azureDirectLineUrl?: string;
  /** Overrides of the in-memory conversation store's limits. */
  storeLimits?: Partial<ConversationStoreLimits>;
  /**
   * Where conversations and activities live, made with the limits the channel uses; this
   * process's memory when absent (the embedded default), PostgreSQL for several instances.
   */
  makeStore?: (limits: ConversationStoreLimits) => DirectLineStore;
  /** Where the Direct Line WebSocket stream is mounted (the server's upgrade requests); no stream when absent. */
  upgrades?: (handler: UpgradeHandler) => void;
  bot?: DirectLineBotAccount;
  /** Limiter for tokens per client and messages per conversation; one of its own when absent. */
  limiter?: RateLimiter;
  /** Limiter for messages per client IP over all its web chats; one of its own when absent. */
  ipPostLimiter?: RateLimiter;
  /** Reverse proxies in front of the bot that append to X-Forwarded-For. */
  trustedProxyHops?: number;
  /** Where Web Chat's bundle is; found in node_modules when absent. */
  webChatBundlePath?: string;
  /** Where compressed copies of the assets are kept; node_modules/.cache when absent. */
  assetCacheDir?: string;
}

/**
 * Mounts the practice's website chat on the bot's server: the page at `/` with Web Chat served
 * from node_modules (no CDN), the token endpoint, and, unless a Direct Line secret makes the
 * page talk to Azure, the bot's own Direct Line 3.0 endpoint. Returns the adapter behind that
 * endpoint, for proactive messages (a receptionist's reply) into web chats.
 */
export function registerWebChannel(server: Server, deps: WebChannelDeps): DirectLineAdapter {
  const { config, logger, clock } = deps;
  const ttl = config.directLine.tokenTtlSeconds;
  const limits: ConversationStoreLimits = { maxConversations: 1000, maxActivitiesPerConversation: 200, idleSeconds: ttl, ...deps.storeLimits };
  const store = deps.makeStore?.(limits) ?? new DirectLineConversationStore(clock, limits);
  const adapter = new DirectLineAdapter(store, clock, logger.child({ channel: 'webchat' }), deps.bot);
  const issuer = new DirectLineTokenIssuer(clock, ttl, deps.tokenKey);
  const azure = config.directLine.secret
    ? new AzureDirectLineTokenClient(config.directLine.secret, deps.azureDirectLineUrl ?? AZURE_DIRECT_LINE_URL)
    : undefined;
  const source: TokenSource = azure ? { kind: 'azure', client: azure } : { kind: 'local', issuer };
  const limiter = deps.limiter ?? new RateLimiter({ limit: config.rateLimitPerMinute, clock });

  registerDirectLineTokenEndpoint(server, {
    source,
    websiteOrigins: config.websiteOrigins,
    limiter,
    trustedProxyHops: deps.trustedProxyHops,
    logger,
  });
  if (!azure) {
    if (deps.upgrades) {
      deps.upgrades(new DirectLineStream({ store, issuer, logger, locale: deps.practice.defaultLocale, origins: [config.publicUrl, ...config.websiteOrigins] }));
    }
    registerDirectLineRoutes(server, {
      adapter, store, issuer, logic: deps.logic, logger, clock,
      streamUrl: deps.upgrades ? (req, id, token, watermark) => streamUrl(req, config.publicUrl, deps.trustedProxyHops ?? 0, id, token, watermark) : undefined,
      locale: deps.practice.defaultLocale,
      maxMessageChars: config.maxMessageChars,
      postLimiter: limiter,
      // Several patients can share an address (a care home, a practice's waiting room), so the
      // per-IP budget is a few conversations' worth; one conversation keeps its own limit.
      ipPostLimiter: deps.ipPostLimiter ?? new RateLimiter({ limit: config.rateLimitPerMinute * DIRECT_LINE_IP_FACTOR, clock }),
      trustedProxyHops: deps.trustedProxyHops,
    });
  }

  const assets = webAssets({
    webChatBundlePath: deps.webChatBundlePath,
    cacheDir: deps.assetCacheDir,
    onTrim: (result) => {
      if (result.untouched) logger.warn({ event: 'webchat_strings_kept', reason: result.untouched }, 'Web Chat bundle served with all its languages');
      else logger.info({ event: 'webchat_strings_trimmed', languages: result.emptied, removedChars: result.removedChars }, 'other languages emptied in the Web Chat bundle');
    },
  });
  const urls = { script: assets.script.url, stylesheet: assets.stylesheet.url, webChatBundle: assets.webChatBundle.url };
  for (const asset of Object.values(assets)) {
    server.get(asset.url, async (req: Request, res: Response) => {
      applySecurityHeaders(res);
      await asset.serve(req, res);
    });
  }

  server.get(WEB_PATHS.page, async (_req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const html = renderChatPage(deps.translator, deps.practice, {
      nonce, maxMessageLength: config.maxMessageChars, assets: urls, unansweredDays: config.retention?.unansweredDays,
    });
    applySecurityHeaders(res, contentSecurityPolicy({
      styleNonce: nonce,
      frameAncestors: config.frameAncestors,
      connectSrc: azure ? [azure.origin] : [],
    }));
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      // Always asked for again (it names the current assets and carries a fresh nonce), but
      // unlike no-store it lets the browser's back/forward cache return to the chat at once.
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });

  logger.info({ event: 'webchat_ready', directLine: azure ? 'azure' : 'local' }, 'website chat mounted at /');
  return adapter;
}

/**
 * The stream's address as Azure's Direct Line gives it: `wss://host/v3/directline/conversations/
 * <id>/stream?watermark=<n>&t=<token>`, on PUBLIC_URL's host when it is set (behind a proxy), else
 * on the host the request came to.
 */
function streamUrl(req: Request, publicUrl: string | undefined, proxyHops: number, conversationId: string, token: string, watermark?: string): string {
  let base: string;
  if (publicUrl) base = publicUrl.replace(/^http/, 'ws').replace(/\/$/, '');
  else {
    const forwarded = proxyHops > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() : '';
    base = `${forwarded === 'https' ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}`;
  }
  const query = new URLSearchParams({ watermark: watermark ?? '-', t: token });
  return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}
