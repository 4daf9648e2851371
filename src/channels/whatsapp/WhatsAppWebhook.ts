import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Logger } from '../../logging/Logger';
import { systemClock, type Clock } from '../../util/Clock';
import { RateLimiter } from '../../server/RateLimiter';
import { MessageDeduplicator, type MessageIdLedger } from './MessageDeduplicator';
import type { WhatsAppBotLogic, WhatsAppAdapter, WhatsAppConfig } from './WhatsAppAdapter';
import { verifyWhatsAppSignature } from './WhatsAppSignature';
import { parseWhatsAppWebhook } from './WhatsAppWebhookParser';

/** What the webhook endpoints need. */
export interface WhatsAppWebhookDeps {
  config: WhatsAppConfig;
  adapter: WhatsAppAdapter;
  logic: WhatsAppBotLogic;
  logger: Logger;
  /** For the duplicate-delivery memory; the system clock by default. */
  clock?: Clock;
  /** Messages per minute one sender may send before further ones are dropped (a flood guard). */
  perSenderPerMinute?: number;
  /** Where handled message ids are remembered; this process's memory when absent. */
  messageIds?: MessageIdLedger;
}

/**
 * The two webhook endpoints Meta calls: the verification handshake (GET) and event
 * notifications (POST). A notification is answered 200 as soon as its signature and shape are
 * checked, because Meta redelivers slow answers; its messages are then handled in the
 * background, each message id once. {@link settled} waits for that background work, for tests
 * and for a graceful stop.
 */
export class WhatsAppWebhook {
  private readonly dedupe: MessageIdLedger;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perSender: RateLimiter;

  constructor(private readonly deps: WhatsAppWebhookDeps) {
    this.dedupe = deps.messageIds ?? new MessageDeduplicator(deps.clock ?? systemClock);
    this.perSender = new RateLimiter({ limit: deps.perSenderPerMinute ?? 30, clock: deps.clock ?? systemClock });
  }

  /** `GET`: answers `hub.challenge` when `hub.mode=subscribe` and `hub.verify_token` is ours; 403 otherwise. */
  async verify(req: Request, res: Response): Promise<void> {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const challenge = query.get('hub.challenge') ?? '';
    const ok =
      query.get('hub.mode') === 'subscribe' &&
      sameSecret(query.get('hub.verify_token') ?? '', this.deps.config.verifyToken) &&
      /^[\w.~-]{1,256}$/.test(challenge);
    if (!ok) {
      this.deps.logger.warn({ event: 'whatsapp_verification_refused' }, 'WhatsApp webhook verification refused');
      res.json(403, { error: 'verification failed' });
      return;
    }
    this.deps.logger.info({ event: 'whatsapp_verified' }, 'WhatsApp webhook verified');
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendRaw(200, challenge);
  }

  /** `POST`: 401 without a valid `X-Hub-Signature-256`, 400 for a body that is not a WhatsApp webhook, else 200. */
  async notify(req: Request, res: Response): Promise<void> {
    const { config, logger } = this.deps;
    const raw = rawBodyOf(req);
    const header = req.headers['x-hub-signature-256'];
    if (raw === undefined || !verifyWhatsAppSignature(raw, header, config.appSecret)) {
      logger.warn({ event: 'whatsapp_signature_rejected', reason: header ? 'mismatch' : 'missing' }, 'WhatsApp webhook signature rejected');
      res.json(401, { error: 'invalid or missing X-Hub-Signature-256' });
      return;
    }
    const parsed = parseWhatsAppWebhook(bodyOf(req, raw), config.phoneNumberId);
    if (!parsed) {
      res.json(400, { error: 'not a WhatsApp Business Account webhook' });
      return;
    }
    res.json(200, { received: true });
    this.track(this.handle(parsed));
  }

  private async handle(parsed: NonNullable<ReturnType<typeof parseWhatsAppWebhook>>): Promise<void> {
    const { adapter, logic, logger } = this.deps;
    const fresh: typeof parsed.messages = [];
    for (const m of parsed.messages) {
      // A shared ledger that cannot answer (database restarting) lets the message through: a
      // rare answer twice is better than a patient's message never answered.
      const first = await Promise.resolve(this.dedupe.firstTime(m.id)).catch((err: unknown) => {
        logger.warn({ event: 'whatsapp_dedupe_failed', err }, 'WhatsApp duplicate check failed; message handled');
        return true;
      });
      if (first) fresh.push(m);
    }
    logger.debug(
      {
        event: 'whatsapp_webhook', messages: fresh.length, duplicates: parsed.messages.length - fresh.length,
        statuses: parsed.statuses, ignored: parsed.ignored,
      },
      'WhatsApp webhook accepted',
    );
    for (const message of fresh) {
      // Meta must always get 200 (it redelivers otherwise), so a flooding sender is dropped here.
      if (!this.perSender.take([adapter.conversationIdFor(message.waId)]).allowed) {
        logger.warn({ event: 'whatsapp_sender_rate_limited' }, 'WhatsApp message dropped: sender over its limit');
        continue;
      }
      this.track(adapter.processMessage(message, logic));
    }
  }

  /** Resolves when every message accepted so far has been handled (replies sent or failures logged). */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}

/** The exact request body: restify's JSON parser keeps it as `req.rawBody`; other content types leave it in `req.body`. */
function rawBodyOf(req: Request): string | Buffer | undefined {
  const r = req as Request & { rawBody?: unknown };
  if (typeof r.rawBody === 'string' || Buffer.isBuffer(r.rawBody)) return r.rawBody;
  const body: unknown = req.body;
  return typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined;
}

/** The parsed body; a signed body that arrived without a JSON content type is parsed here. */
function bodyOf(req: Request, raw: string | Buffer): unknown {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return body;
  try {
    return JSON.parse(raw.toString()) as unknown;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
