import type { Clock } from '../util/Clock';

/** Failed sign-ins an account may have in a row before it has to wait. */
export const FREE_FAILURES = 5;
/** The first wait; each further failure doubles it. */
const FIRST_WAIT_MS = 30_000;
/** The longest wait: an attacker can slow an account down, never lock it for good. */
export const MAX_WAIT_MS = 15 * 60_000;
/** Accounts remembered (names an attacker types count too); the longest unused are forgotten. */
const MAX_ACCOUNTS = 10_000;

interface Failures {
  count: number;
  /** Until when (ms since epoch) sign-ins for the account wait; 0 when they need not. */
  until: number;
}

/**
 * Backoff per account name, whatever address the attempts come from (an IPv6 attacker has
 * addresses to spare): after {@link FREE_FAILURES} failures in a row the account waits 30 s,
 * then 1 min, 2 min… up to {@link MAX_WAIT_MS}; a success clears it. While it waits, attempts
 * are refused without checking the password. A receptionist's browser that signed in before
 * (a device cookie, see ConsoleRoutes) is not held up, so a stranger's guessing cannot keep
 * the receptionist out.
 */
export class SignInThrottle {
  private readonly accounts = new Map<string, Failures>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds the account must still wait; 0 when an attempt may be made now. */
  waitMs(account: string): number {
    const f = this.accounts.get(key(account));
    return f ? Math.max(0, f.until - this.clock.now().getTime()) : 0;
  }

  failed(account: string): void {
    const k = key(account);
    const f = this.accounts.get(k) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= FREE_FAILURES) {
      f.until = this.clock.now().getTime() + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(20, f.count - FREE_FAILURES));
    }
    this.accounts.delete(k);
    this.accounts.set(k, f);
    if (this.accounts.size > MAX_ACCOUNTS) this.accounts.delete(this.accounts.keys().next().value as string);
  }

  succeeded(account: string): void {
    this.accounts.delete(key(account));
  }
}

function key(account: string): string {
  return String(account).trim().toLowerCase().slice(0, 100);
}
