import { randomBytes } from 'node:crypto';
import type { Clock } from '../util/Clock';

/** A signed-in receptionist. */
export interface ConsoleSession {
  user: string;
  expires: number;
}

/**
 * Console sessions: random tokens in memory that expire. Kept in memory on purpose: a restart
 * signs everyone out, which is acceptable for a receptionist and keeps tokens out of storage.
 */
export class ConsoleSessions {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(private readonly clock: Clock, private readonly hours: number) {}

  create(user: string): { token: string; expires: Date } {
    const token = randomBytes(32).toString('base64url');
    const expires = this.clock.now().getTime() + this.hours * 3_600_000;
    this.sessions.set(token, { user, expires });
    return { token, expires: new Date(expires) };
  }

  get(token: string | undefined): ConsoleSession | undefined {
    if (!token) return undefined;
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (s.expires <= this.clock.now().getTime()) {
      this.sessions.delete(token);
      return undefined;
    }
    return s;
  }

  destroy(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Receptionists signed in now: the bot offers "wait in the chat" only when there is one. */
  activeCount(): number {
    const now = this.clock.now().getTime();
    let n = 0;
    for (const [token, s] of this.sessions) {
      if (s.expires > now) n += 1;
      else this.sessions.delete(token);
    }
    return n;
  }
}
