import type { Clock } from '../../util/Clock';

/**
 * Counts requests per key (an IP address, a conversation) in one-minute windows. Bounded: when
 * more keys are tracked than `maxKeys`, the stalest windows are forgotten first.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number,
    private readonly maxKeys = 10000,
  ) {}

  /** Counts one request; false when the key has used up this minute. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60000 || now < window.start) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      while (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest === undefined) break;
        this.windows.delete(oldest);
      }
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }
}
