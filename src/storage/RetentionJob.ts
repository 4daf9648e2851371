import type { BookingRepository } from '../booking/BookingRepository';
import type { TicketRepository } from '../handoff/TicketRepository';
import type { CurationRepository } from '../curation/CurationRepository';
import type { Logger } from '../logging/Logger';
import type { Clock } from '../util/Clock';
import type { StateStore } from './StateStore';

const DAY = 86_400_000;

/**
 * Deletes what the bot may no longer keep: conversation state, handoff tickets (callback numbers
 * included) and opt-in transcripts older than N days, unanswered questions and answer feedback
 * older than RETENTION_UNANSWERED_DAYS, and bookings whose appointment ended M days ago. Runs at start and then every hour; the clock is injected
 * so tests can move time.
 */
export class RetentionJob {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly state: StateStore,
    private readonly bookings: BookingRepository,
    private readonly tickets: TicketRepository,
    private readonly curation: CurationRepository,
    private readonly clock: Clock,
    private readonly days: { conversationDays: number; bookingDays: number; unansweredDays?: number },
    private readonly logger: Logger,
  ) {}

  /** One pass; returns what was deleted. */
  async run(): Promise<{ conversations: number; bookings: number; tickets: number }> {
    const now = this.clock.now().getTime();
    const conversationCutoff = new Date(now - this.days.conversationDays * DAY);
    const conversations = await this.state.deleteOlderThan(conversationCutoff);
    const tickets = await this.tickets.deleteOlderThan(conversationCutoff);
    await this.curation.deleteOlderThan(conversationCutoff, new Date(now - (this.days.unansweredDays ?? this.days.conversationDays) * DAY));
    const bookings = await this.bookings.deleteEndedBefore(new Date(now - this.days.bookingDays * DAY));
    if (conversations || bookings || tickets) this.logger.info({ event: 'retention', conversations, bookings, tickets }, 'expired data deleted');
    return { conversations, bookings, tickets };
  }

  start(intervalMs = 3_600_000): void {
    const tick = () => void this.run().catch((err: unknown) => this.logger.error({ event: 'retention_failed', err }, 'retention pass failed'));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
