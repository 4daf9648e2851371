import type { Clock } from '../../util/Clock';
import { ExpiringMap } from './ExpiringMap';

/**
 * Remembers recently seen WhatsApp message ids, because Meta delivers a webhook again when our
 * 200 was late or lost, and a patient must not get every answer twice. In memory and bounded:
 * after a restart, or past `ttlMs`, a redelivery is processed again (a shared store would close
 * that gap when several instances run).
 */
export class MessageDeduplicator {
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
