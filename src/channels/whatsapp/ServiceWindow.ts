import type { Clock } from '../../util/Clock';
import { ExpiringMap } from './ExpiringMap';

/** WhatsApp's customer service window: free-form messages only within 24 h of the patient's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers, per conversation, when the patient last wrote, so that a proactive message (a
 * receptionist's reply) is only sent while WhatsApp still accepts free-form messages. Kept in
 * memory: after a restart every window counts as closed until the patient writes again, which
 * errs on the side of telling the receptionist rather than having Meta reject the message.
 */
export class ServiceWindow {
  private readonly lastInbound: ExpiringMap<string, number>;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = SERVICE_WINDOW_MS,
    maxConversations = 100_000,
  ) {
    this.lastInbound = new ExpiringMap(clock, windowMs, maxConversations);
  }

  /**
   * Records a message from the patient. `sentAt` is WhatsApp's timestamp: a webhook delivered
   * late (Meta retries) opened the window when it was sent, not when it reached us.
   */
  recordInbound(conversationId: string, sentAt?: Date): void {
    const now = this.clock.now().getTime();
    const at = sentAt && Number.isFinite(sentAt.getTime()) ? Math.min(sentAt.getTime(), now) : now;
    const previous = this.lastInbound.get(conversationId);
    if (previous !== undefined && previous >= at) return;
    this.lastInbound.set(conversationId, at);
  }

  /** True while a free-form message may be sent to this conversation. */
  isOpen(conversationId: string): boolean {
    const closes = this.closesAt(conversationId);
    return closes !== undefined && closes.getTime() > this.clock.now().getTime();
  }

  /** When the window closes (or closed); undefined when the patient never wrote since start-up. */
  closesAt(conversationId: string): Date | undefined {
    const last = this.lastInbound.get(conversationId);
    return last === undefined ? undefined : new Date(last + this.windowMs);
  }
}
