import type { Logger } from '../logging/Logger';
import type { MailMessage, MailTransport } from './MailMessage';

/** Waits before the 2nd, 3rd… attempt: a minute, five, half an hour. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000];

/**
 * Sends e-mail in the background, so whatever asked for it (a booking) never waits for or fails
 * because of the mail server; a refused or failed send is tried again after each delay. The log
 * says what kind of mail and how it went, never the address, subject or the server's reply text
 * (which can quote the address). Kept in memory: a restart drops mails still waiting for a retry.
 */
export class MailOutbox {
  private readonly pending = new Set<Promise<void>>();
  /** Retries waiting for their time, with what ends their wait in settled(). */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(
    private readonly transport: MailTransport,
    private readonly logger: Logger,
    private readonly retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  /**
   * Queues the message; `kind` and `ref` (a pseudonym) go into the log lines about it.
   * `stillWanted` is asked right before every attempt, the first and each retry: when it says
   * no (the booking was cancelled or its data deleted meanwhile), the mail is dropped unsent;
   * when it cannot tell (it throws), the attempt counts as failed and is tried again later.
   */
  enqueue(message: MailMessage, kind: string, ref?: string, stillWanted?: () => Promise<boolean>): void {
    this.attempt(message, { kind, ref }, 1, stillWanted);
  }

  /** Resolves once every queued mail was sent or given up (retries included). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stops retrying; a mail being sent right now is waited for. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timers.size) this.logger.warn({ event: 'mail_dropped', count: this.timers.size }, 'mail waiting for a retry dropped at shutdown');
    for (const [t, done] of this.timers) {
      clearTimeout(t);
      done();
    }
    this.timers.clear();
    await Promise.all([...this.pending]);
    this.transport.close();
  }

  private attempt(message: MailMessage, tag: { kind: string; ref?: string }, n: number, stillWanted?: () => Promise<boolean>): void {
    const run = (async () => {
      try {
        if (stillWanted && !(await stillWanted())) {
          this.logger.info({ event: 'mail_withdrawn', ...tag, attempt: n }, 'e-mail no longer wanted; not sent');
          return;
        }
        await this.transport.send(message);
        this.logger.info({ event: 'mail_sent', ...tag, attempt: n }, 'e-mail sent');
      } catch (err) {
        const reason = failureOf(err);
        const delay = this.retryDelaysMs[n - 1];
        if (delay === undefined || this.closed) {
          this.logger.error({ event: 'mail_failed', ...tag, attempts: n, ...reason }, 'e-mail not sent; given up');
          return;
        }
        this.logger.warn({ event: 'mail_retry', ...tag, attempt: n, retryInSeconds: Math.round(delay / 1000), ...reason }, 'e-mail not sent; will retry');
        // settled() goes on waiting while a retry is scheduled; the retry is tracked before this wait ends.
        this.trackUntil(new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            this.attempt(message, tag, n + 1, stillWanted);
            resolve();
          }, delay);
          timer.unref();
          this.timers.set(timer, resolve);
        }));
      }
    })();
    this.trackUntil(run);
  }

  private trackUntil(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}

/** What may be logged of a failed send: nodemailer's error code and the server's numeric reply code. */
function failureOf(err: unknown): { code?: string; responseCode?: number } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; responseCode?: unknown };
  return {
    code: typeof e.code === 'string' && /^[A-Z_]{1,30}$/.test(e.code) ? e.code : 'unknown',
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
  };
}
