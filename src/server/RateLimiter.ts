import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../util/Clock';

/** How a {@link RateLimiter} is set up. */
export interface RateLimiterOptions {
  /** Requests allowed per window for one key; also the burst a quiet key may spend at once. */
  limit: number;
  /** The window the limit applies to; one minute unless given. */
  windowMs?: number;
  /** Most keys remembered at once; the least recently seen are forgotten first. */
  maxKeys?: number;
  clock?: Clock;
}

/** The answer for one request. */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the request would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms since epoch). */
  at: number;
}

/** The one answer for every allowed request: callers only read it. */
const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

/** Token counts are fractions; this absorbs their rounding so that a request earned back is not lost. */
const EPSILON = 1e-9;

/** Keys longer than this are hashed, so that an attacker's 100 KB conversation id costs 64 bytes. */
const MAX_KEY_CHARS = 128;

/**
 * A token bucket per key (an IP, `ip|conversation`, …): each key may spend `limit` requests at
 * once and earns them back evenly over the window, so a steady `limit` per window always passes
 * and there is no burst of twice the limit at a window edge. Memory is bounded: a key whose
 * bucket has filled up again is dropped (it is the same as an unknown key), and beyond `maxKeys`
 * the least recently seen key is forgotten.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly clock: Clock;
  /** In order of last use: the first entry is the longest idle. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimiterOptions) {
    if (!(options.limit > 0)) throw new RangeError('limit must be above 0');
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Counts one request against every key, or against none: a request refused for one key (its
   * conversation) does not use up another (its IP). Allowed only if every key has room.
   */
  take(keys: readonly string[]): RateDecision {
    const now = this.clock.now().getTime();
    this.sweep(now);
    const buckets = [...new Set(keys.map(normalizeKey))].map((key) => this.refreshed(key, now));
    let waitMs = 0;
    for (const b of buckets) if (b.tokens < 1 - EPSILON) waitMs = Math.max(waitMs, (1 - b.tokens) * (this.windowMs / this.limit));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.round(waitMs) / 1000)) };
    for (const bucket of buckets) bucket.tokens = Math.max(0, bucket.tokens - 1);
    return ALLOWED;
  }

  /** How many keys are remembered now; for tests and metrics. */
  get size(): number {
    return this.buckets.size;
  }

  /** The key's bucket, refilled up to now and moved to the most recently used end. */
  private refreshed(key: string, now: number): Bucket {
    const old = this.buckets.get(key);
    if (old) {
      old.tokens = Math.min(this.limit, old.tokens + (Math.max(0, now - old.at) * this.limit) / this.windowMs);
      old.at = now;
      // To the most recently used end.
      this.buckets.delete(key);
      this.buckets.set(key, old);
      return old;
    }
    const bucket: Bucket = { tokens: this.limit, at: now };
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return bucket;
  }

  /** Drops keys idle for a whole window: their buckets are full, as good as never seen. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.windowMs) break;
      this.buckets.delete(key);
    }
  }
}

function normalizeKey(key: string): string {
  return key.length > MAX_KEY_CHARS ? 'sha256:' + createHash('sha256').update(key).digest('hex') : key;
}
