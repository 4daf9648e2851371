import type { AppConfig } from '../config/AppConfig';
import type { Logger } from '../logging/Logger';
import type { Clock } from '../util/Clock';
import type { Database } from './Database';

const DAY = 86_400_000;

/**
 * Deletes what the bot may no longer keep: conversation state, handoff tickets (callback numbers
 * included) and opt-in transcripts after N days, unanswered questions and answer feedback after
 * RETENTION_UNANSWERED_DAYS, bookings M days after the appointment, and with the sweeps of
 * {@link also} what lives for minutes or hours. The whole pass runs at start and hourly, the
 * sweeps every few minutes, so short-lived data goes on time even when nothing else happens.
 */
export class RetentionJob {
  private timers: NodeJS.Timeout[] = [];
  private readonly sweeps = new Map<string, (now: Date) => Promise<number>>();

  constructor(
    private readonly db: Pick<Database, 'deleteOlderThan' | 'bookings' | 'tickets' | 'curation'>,
    private readonly clock: Clock,
    private readonly days: Pick<AppConfig['retention'], 'conversationDays' | 'bookingDays' | 'unansweredDays'>,
    private readonly logger: Logger,
  ) {}

  /** Adds a sweep of short-lived data (idle web chats, handoff lines, WhatsApp ids) that returns how many it deleted. */
  also(name: string, sweep: (now: Date) => Promise<number>): void {
    this.sweeps.set(name, sweep);
  }

  /** One pass, sweeps included; returns what was deleted. */
  async run(): Promise<{ conversations: number; bookings: number; tickets: number }> {
    const now = this.clock.now().getTime();
    const cutoff = new Date(now - this.days.conversationDays * DAY);
    const conversations = await this.db.deleteOlderThan(cutoff);
    const tickets = await this.db.tickets.deleteOlderThan(cutoff);
    await this.db.curation.deleteOlderThan(cutoff, new Date(now - this.days.unansweredDays * DAY));
    const bookings = await this.db.bookings.deleteEndedBefore(new Date(now - this.days.bookingDays * DAY));
    if (conversations || bookings || tickets) this.logger.info({ event: 'retention', conversations, bookings, tickets }, 'expired data deleted');
    await this.sweep();
    return { conversations, bookings, tickets };
  }

  /** Runs every sweep (one failing is logged, the others still run); returns how many each deleted. */
  async sweep(): Promise<Record<string, number>> {
    const now = this.clock.now();
    const deleted: Record<string, number> = {};
    for (const [name, sweep] of this.sweeps) {
      try {
        deleted[name] = await sweep(now);
      } catch (err) {
        this.logger.error({ event: 'retention_sweep_failed', sweep: name, err }, 'expired data not swept');
      }
    }
    if (Object.values(deleted).some(Boolean)) this.logger.info({ event: 'retention_sweep', ...deleted }, 'expired short-lived data deleted');
    return deleted;
  }

  start(intervalMs = 3_600_000, sweepIntervalMs = 300_000): void {
    const fail = (err: unknown) => this.logger.error({ event: 'retention_failed', err }, 'retention pass failed');
    const tick = () => void this.run().catch(fail);
    tick();
    this.timers = [setInterval(tick, intervalMs), setInterval(() => void this.sweep().catch(fail), sweepIntervalMs)];
    for (const t of this.timers) t.unref();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}
