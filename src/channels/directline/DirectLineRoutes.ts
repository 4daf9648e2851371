import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { pseudonym, type Logger } from '../../logging/Logger';
import type { Clock } from '../../util/Clock';
import { LOCAL_DIRECT_LINE_CHANNEL_ID, LOCAL_DIRECT_LINE_SERVICE_URL, type DirectLineAdapter } from './DirectLineAdapter';
import type { DirectLineConversationInfo, DirectLineStore } from './DirectLineStore';
import type { DirectLineTokenClaims, DirectLineTokenIssuer } from './DirectLineTokenIssuer';
import type { RateLimiter } from '../../server/RateLimiter';
import { clientIp } from '../../server/rateLimit';
import { bearerToken, queryParam, sendError, sendPrivateJson } from './httpHelpers';

/** What the Direct Line 3.0 routes need. */
export interface DirectLineRoutesDeps {
  adapter: DirectLineAdapter;
  store: DirectLineStore;
  issuer: DirectLineTokenIssuer;
  /**
   * The `streamUrl` for a conversation and token, as Azure's Direct Line gives it in start and
   * reconnect answers (`wss://…/conversations/<id>/stream?watermark=…&t=<token>`); none when
   * the service offers no WebSocket stream.
   */
  streamUrl?: (req: Request, conversationId: string, token: string, watermark?: string) => string;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  clock: Clock;
  /** Locale of the welcome (Web Chat sends its own with every message). */
  locale: string;
  maxMessageChars: number;
  /** Messages per conversation, i.e. per token (key `directline-post:<conversation>`). */
  postLimiter: RateLimiter;
  /** Messages per client IP, over all its conversations (key `directline-ip:<ip>`); none when absent. */
  ipPostLimiter?: RateLimiter;
  /** Reverse proxies in front of the bot that append to X-Forwarded-For. */
  trustedProxyHops?: number;
}

/** Most characters of a card submit's `value` as JSON; Web Chat's own submits are far smaller. */
export const MAX_VALUE_JSON_CHARS = 4096;
/** Deepest nesting a `value` may have. */
const MAX_VALUE_DEPTH = 5;

const ACCEPTED_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing]);
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/;
const TEXT_FORMATS = new Set(['plain', 'markdown', 'xml']);

/**
 * Mounts the subset of Direct Line 3.0 that Web Chat uses: start a conversation, post an
 * activity, get activities after a watermark, refresh a token; the WebSocket stream is
 * `DirectLineStream`. Every route needs a valid, unexpired token for the conversation it names.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRoutesDeps): void {
  const base = '/v3/directline';
  server.post(`${base}/conversations`, async (req: Request, res: Response) => startConversation(deps, req, res));
  server.get(`${base}/conversations/:conversationId`, async (req: Request, res: Response) => reconnect(deps, req, res));
  server.post(`${base}/conversations/:conversationId/activities`, async (req: Request, res: Response) => postActivity(deps, req, res));
  server.get(`${base}/conversations/:conversationId/activities`, async (req: Request, res: Response) => getActivities(deps, req, res));
  server.post(`${base}/tokens/refresh`, async (req: Request, res: Response) => refresh(deps, req, res));
}

/** The token's claims, or undefined after answering 401. */
function authenticate(deps: DirectLineRoutesDeps, req: Request, res: Response): DirectLineTokenClaims | undefined {
  const token = bearerToken(req);
  const claims = token === undefined ? undefined : deps.issuer.verify(token);
  if (!claims) {
    res.header('WWW-Authenticate', 'Bearer');
    sendError(res, 401, 'TokenExpired', token === undefined ? 'a Bearer token is required' : 'the token is not valid or has expired');
    return undefined;
  }
  return claims;
}

/** The claims when they are for the conversation in the URL; answers 401/403 otherwise. */
function authorize(deps: DirectLineRoutesDeps, req: Request, res: Response): DirectLineTokenClaims | undefined {
  const claims = authenticate(deps, req, res);
  if (!claims) return undefined;
  if (claims.conversationId !== String(req.params?.conversationId ?? '')) {
    sendError(res, 403, 'BadArgument', 'the token is for another conversation');
    return undefined;
  }
  return claims;
}

/** The token's conversation, or an answered 401/403/404 and undefined. */
async function authorizedConversation(
  deps: DirectLineRoutesDeps,
  req: Request,
  res: Response,
): Promise<{ claims: DirectLineTokenClaims; conversation: DirectLineConversationInfo } | undefined> {
  const claims = authorize(deps, req, res);
  if (!claims) return undefined;
  const conversation = await liveConversation(deps.store, claims, deps.locale);
  if (!conversation) {
    sendError(res, 404, 'BadArgument', 'conversation not found or expired');
    return undefined;
  }
  return { claims, conversation };
}

/**
 * The token's conversation. One the store had to drop to make room for others (it keeps a
 * bounded number) is opened again under its id while the token is valid: the dialog state
 * (a booking in progress) lives in storage under that id, so the patient goes on where they
 * were; only the messages shown before are gone from this process.
 */
export async function liveConversation(store: DirectLineStore, claims: DirectLineTokenClaims, locale: string): Promise<DirectLineConversationInfo | undefined> {
  const live = await store.get(claims.conversationId);
  if (live || !(await store.wasDropped(claims.conversationId))) return live;
  return (await store.open(claims.conversationId, claims.userId, locale)).conversation;
}

async function startConversation(deps: DirectLineRoutesDeps, req: Request, res: Response): Promise<void> {
  const claims = authenticate(deps, req, res);
  if (!claims) return;
  const { conversation, created } = await deps.store.open(claims.conversationId, claims.userId, deps.locale);
  if (created) {
    // Web Chat expects the bot to greet first; Azure's Direct Line does this with a conversationUpdate too.
    const update: Partial<Activity> = {
      ...envelope(conversation.id, claims.userId, deps),
      type: ActivityTypes.ConversationUpdate,
      id: `${conversation.id}|start`,
      membersAdded: [{ id: claims.userId, name: '', role: 'user' }],
      locale: conversation.locale,
    };
    await runTurn(deps, update);
    deps.logger.info({ event: 'webchat_started', conversation: pseudonym(conversation.id) }, 'web chat conversation started');
  }
  const issued = deps.issuer.issue(claims.conversationId, claims.userId);
  sendPrivateJson(res, created ? 201 : 200, {
    conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn, ...stream(deps, req, conversation.id, issued.token),
  });
}

async function reconnect(deps: DirectLineRoutesDeps, req: Request, res: Response): Promise<void> {
  const claims = authorize(deps, req, res);
  if (!claims) return;
  // A page reloaded after the service restarted: its signed token proves the conversation, whose
  // state (a booking halfway) is in storage. The bot is told, so it can ask its open question again.
  const { created } = await deps.store.open(claims.conversationId, claims.userId, deps.locale);
  if (created) {
    await runTurn(deps, {
      ...envelope(claims.conversationId, claims.userId, deps), type: ActivityTypes.Event, name: RECONNECTED_EVENT,
      id: `${claims.conversationId}|reconnected`, locale: deps.locale,
    });
  }
  const issued = deps.issuer.issue(claims.conversationId, claims.userId);
  const watermark = queryParam(req, 'watermark');
  sendPrivateJson(res, 200, {
    conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn,
    ...stream(deps, req, claims.conversationId, issued.token, watermark && /^\d{1,15}$/.test(watermark) ? watermark : undefined),
  });
}

function stream(deps: DirectLineRoutesDeps, req: Request, conversationId: string, token: string, watermark?: string): { streamUrl?: string } {
  return deps.streamUrl ? { streamUrl: deps.streamUrl(req, conversationId, token, watermark) } : {};
}

async function postActivity(deps: DirectLineRoutesDeps, req: Request, res: Response): Promise<void> {
  const found = await authorizedConversation(deps, req, res);
  if (!found) return;
  const { claims, conversation } = found;
  const parsed = readActivity(req.body, deps.maxMessageChars);
  if ('problem' in parsed) {
    sendError(res, parsed.status, 'BadArgument', parsed.problem);
    return;
  }
  const ipDecision = deps.ipPostLimiter?.take([`directline-ip:${clientIp(req, deps.trustedProxyHops)}`]);
  const decision = ipDecision && !ipDecision.allowed ? ipDecision : deps.postLimiter.take([`directline-post:${conversation.id}`]);
  if (!decision.allowed) {
    res.header('Retry-After', String(decision.retryAfterSeconds));
    sendError(res, 429, 'Throttled', 'too many messages; wait a minute');
    return;
  }
  // Typing is only meaningful to other members; there are none, so it is acknowledged and dropped.
  if (parsed.activity.type === ActivityTypes.Typing) {
    sendPrivateJson(res, 200, { id: '' });
    return;
  }
  const incoming: Partial<Activity> = {
    ...parsed.activity,
    ...envelope(conversation.id, claims.userId, deps),
    locale: parsed.activity.locale ?? conversation.locale,
    timestamp: deps.clock.now(),
  };
  // The echo is what tells Web Chat its message arrived (matched by channelData.clientActivityID).
  const stored = await deps.store.append(conversation.id, incoming);
  if (!stored) {
    sendError(res, 404, 'BadArgument', 'conversation not found or expired');
    return;
  }
  await runTurn(deps, { ...incoming, id: stored.activity.id }, clientIp(req, deps.trustedProxyHops));
  sendPrivateJson(res, 200, { id: stored.activity.id });
}

async function getActivities(deps: DirectLineRoutesDeps, req: Request, res: Response): Promise<void> {
  const found = await authorizedConversation(deps, req, res);
  if (!found) return;
  const { conversation } = found;
  const raw = queryParam(req, 'watermark');
  if (raw !== undefined && raw !== '' && !/^\d{1,15}$/.test(raw)) {
    sendError(res, 400, 'BadArgument', 'watermark: expected a whole number');
    return;
  }
  const { activities, watermark } = await deps.store.since(conversation.id, raw ? Number(raw) : 0);
  sendPrivateJson(res, 200, { activities, watermark: String(watermark) });
}

async function refresh(deps: DirectLineRoutesDeps, req: Request, res: Response): Promise<void> {
  const claims = authenticate(deps, req, res);
  if (!claims) return;
  const issued = deps.issuer.issue(claims.conversationId, claims.userId);
  sendPrivateJson(res, 200, { conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
}

/** The event the bot gets when a conversation the service no longer had in memory is reconnected. */
export const RECONNECTED_EVENT = 'fysio/reconnected';

/** Addressing common to everything the user sends: the server decides who is who, not the client. */
function envelope(conversationId: string, userId: string, deps: DirectLineRoutesDeps): Partial<Activity> {
  return {
    channelId: LOCAL_DIRECT_LINE_CHANNEL_ID,
    serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: '', role: 'user' },
    recipient: { id: deps.adapter.bot.id, name: deps.adapter.bot.name, role: 'bot' },
  };
}

/** Runs the bot; a failing turn was already reported by the adapter's onTurnError. */
async function runTurn(deps: DirectLineRoutesDeps, activity: Partial<Activity>, ip?: string): Promise<void> {
  try {
    await deps.adapter.processActivity(activity, deps.logic, ip);
  } catch (err) {
    deps.logger.error({ event: 'webchat_turn_failed', err, conversation: pseudonym(activity.conversation?.id) }, 'web chat turn failed');
  }
}

type ParsedActivity = { activity: Partial<Activity> } | { problem: string; status: number };

/**
 * Keeps only the fields of a posted activity that the bot may use, checked for type and size;
 * everything else (from, recipient, conversation, attachments…) is the server's to set.
 */
function readActivity(body: unknown, maxChars: number): ParsedActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'expected a JSON activity', status: 400 };
  const b = body as Record<string, unknown>;
  if (typeof b.type !== 'string' || !ACCEPTED_TYPES.has(b.type)) {
    return { problem: 'type: expected message, event or typing', status: 400 };
  }
  if (b.text !== undefined && typeof b.text !== 'string') return { problem: 'text: expected a string', status: 400 };
  if (typeof b.text === 'string' && b.text.length > maxChars) {
    return { problem: `text: at most ${maxChars} characters`, status: 413 };
  }
  if (Array.isArray(b.attachments) && b.attachments.length > 0) return { problem: 'attachments are not supported', status: 400 };
  if (b.type === ActivityTypes.Message && !(typeof b.text === 'string' && b.text.trim()) && b.value === undefined) {
    return { problem: 'a message needs text or a value', status: 400 };
  }
  if (b.value !== undefined) {
    const problem = valueProblem(b.value);
    if (problem) return problem;
  }
  if (b.name !== undefined && (typeof b.name !== 'string' || b.name.length > 100)) {
    return { problem: 'name: expected a string of at most 100 characters', status: 400 };
  }
  const activity: Partial<Activity> = { type: b.type };
  if (typeof b.text === 'string') activity.text = b.text;
  if (typeof b.textFormat === 'string' && TEXT_FORMATS.has(b.textFormat)) activity.textFormat = b.textFormat;
  if (typeof b.locale === 'string' && LOCALE.test(b.locale)) activity.locale = b.locale;
  if (b.value !== undefined) activity.value = b.value;
  if (typeof b.name === 'string') activity.name = b.name;
  const channelData = typeof b.channelData === 'object' && b.channelData !== null ? (b.channelData as Record<string, unknown>) : {};
  const kept: Record<string, string> = {};
  for (const key of ['clientActivityID', 'clientTimestamp']) {
    const v = channelData[key];
    if (typeof v === 'string' && v.length <= 100) kept[key] = v;
  }
  if (Object.keys(kept).length) activity.channelData = kept;
  return { activity };
}

/**
 * A card submit's `value` is kept in memory with the conversation and handed to the dialogs:
 * only plain JSON of bounded size and depth is accepted.
 */
function valueProblem(value: unknown): { problem: string; status: number } | undefined {
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return { problem: 'value: expected JSON', status: 400 };
  }
  if (json.length > MAX_VALUE_JSON_CHARS) return { problem: `value: at most ${MAX_VALUE_JSON_CHARS} characters of JSON`, status: 413 };
  if (depthOf(value) > MAX_VALUE_DEPTH) return { problem: `value: nested at most ${MAX_VALUE_DEPTH} deep`, status: 400 };
  return undefined;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const v of Object.values(value as Record<string, unknown>)) deepest = Math.max(deepest, depthOf(v));
  return deepest + 1;
}
