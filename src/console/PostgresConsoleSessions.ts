import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Clock } from '../util/Clock';
import { newSessionToken, type ConsoleSession, type ConsoleSessions } from './ConsoleSessions';

/** A token is stored as its SHA-256 only: a copy of the table signs nobody in. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Console sessions shared by the instances on one PostgreSQL database. */
export class PostgresConsoleSessions implements ConsoleSessions {
  constructor(private readonly pool: Pool, private readonly clock: Clock, private readonly hours: number) {}

  async create(user: string): Promise<{ token: string; expires: Date }> {
    const token = newSessionToken();
    const now = this.clock.now().getTime();
    const expires = now + this.hours * 3_600_000;
    await this.pool.query('DELETE FROM console_sessions WHERE expires_at <= $1', [now]);
    await this.pool.query('INSERT INTO console_sessions (token_hash, user_name, expires_at) VALUES ($1, $2, $3)', [hashOf(token), user, expires]);
    return { token, expires: new Date(expires) };
  }

  async get(token: string | undefined): Promise<ConsoleSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const { rows } = await this.pool.query<{ user_name: string; expires_at: string }>(
      'SELECT user_name, expires_at FROM console_sessions WHERE token_hash = $1 AND expires_at > $2',
      [hashOf(token), this.clock.now().getTime()],
    );
    return rows[0] ? { user: rows[0].user_name, expires: Number(rows[0].expires_at) } : undefined;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [hashOf(token)]);
  }
}
