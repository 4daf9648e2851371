import type { Clock } from '../../util/Clock';
import { ExpiringMap } from './ExpiringMap';

/** Where the webhook asks whether a message id is new: this process, or the shared database. */
export interface MessageIdLedger {
  /** True the first time an id is offered (and remembers it), false for a repeat. */
  firstTime(messageId: string): boolean | Promise<boolean>;
}

/**
 * Remembers recently seen WhatsApp message ids, because Meta delivers a webhook again when our
 * 200 was late or lost, and a patient must not get every answer twice. In memory and bounded:
 * after a restart, or past `ttlMs`, a redelivery is processed again. Several instances on one
 * PostgreSQL database share theirs through `PostgresMessageIds` instead.
 */
export class MessageDeduplicator implements MessageIdLedger {
  private readonly seen: ExpiringMap<string, true>;

  constructor(clock: Clock, ttlMs = 24 * 60 * 60 * 1000, maxIds = 50_000) {
    this.seen = new ExpiringMap(clock, ttlMs, maxIds);
  }

  /** True the first time an id is offered (and remembers it), false for a repeat. */
  firstTime(messageId: string): boolean {
    if (this.seen.has(messageId)) return false;
    this.seen.set(messageId, true);
    return true;
  }
}
