import { randomBytes } from 'node:crypto';
import type { Clock } from '../util/Clock';

/** A signed-in receptionist. */
export interface ConsoleSession {
  user: string;
  expires: number;
}

/**
 * Console sessions: random tokens that expire. One process keeps them in memory
 * ({@link MemoryConsoleSessions}); several instances on one PostgreSQL database keep them there,
 * so that a cookie from one instance is good on another and signing out ends it on all.
 */
export interface ConsoleSessions {
  create(user: string): Promise<{ token: string; expires: Date }>;
  get(token: string | undefined): Promise<ConsoleSession | undefined>;
  destroy(token: string | undefined): Promise<void>;
}

/** A new session token: 32 random bytes. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions in this process's memory: a restart signs everyone out, which is acceptable for a
 * receptionist and keeps tokens out of storage.
 */
export class MemoryConsoleSessions implements ConsoleSessions {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(private readonly clock: Clock, private readonly hours: number) {}

  async create(user: string): Promise<{ token: string; expires: Date }> {
    const token = newSessionToken();
    const expires = this.clock.now().getTime() + this.hours * 3_600_000;
    this.sessions.set(token, { user, expires });
    return { token, expires: new Date(expires) };
  }

  async get(token: string | undefined): Promise<ConsoleSession | undefined> {
    if (!token) return undefined;
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (s.expires <= this.clock.now().getTime()) {
      this.sessions.delete(token);
      return undefined;
    }
    return s;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) this.sessions.delete(token);
  }
}
