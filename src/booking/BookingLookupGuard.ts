import { RateLimiter } from '../server/RateLimiter';
import type { Clock } from '../util/Clock';

/** Lookups one reference code may get per hour, from anyone. */
export const LOOKUPS_PER_REFERENCE = 5;
/** Lookups one client (a chat user, an IP address) may make per hour, over all references. */
export const LOOKUPS_PER_CLIENT = 10;

/**
 * Limits looking a booking up by reference code and date of birth: per reference (so nobody can
 * try dates of birth against one booking) and per client (a chat user and, where the channel
 * knows it, the IP address; so nobody can try many codes). A patient needs one or two tries.
 */
export class BookingLookupGuard {
  private readonly perReference: RateLimiter;
  private readonly perClient: RateLimiter;

  constructor(clock: Clock) {
    this.perReference = new RateLimiter({ limit: LOOKUPS_PER_REFERENCE, windowMs: 3_600_000, clock });
    this.perClient = new RateLimiter({ limit: LOOKUPS_PER_CLIENT, windowMs: 3_600_000, clock });
  }

  /** Counts one lookup; false when the reference or any of the client keys is over its limit. */
  allow(reference: string, clientKeys: string[]): boolean {
    if (clientKeys.length && !this.perClient.take(clientKeys).allowed) return false;
    return this.perReference.take([`ref:${reference}`]).allowed;
  }
}
