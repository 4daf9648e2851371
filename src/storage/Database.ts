import type { Pool } from 'pg';
import type { Clock } from '../util/Clock';
import type { ConversationLocks } from '../util/ConversationLocks';
import type { PostgresNotifications } from './PostgresNotifications';
import { SqlBookingRepository } from './SqlBookingRepository';
import { placeholders, type SqlClient } from './SqlClient';
import { SqlCurationRepository } from './SqlCurationRepository';
import { SqlTicketRepository } from './SqlTicketRepository';
import type { StateRecord, StateStore, WriteOutcome } from './StateStore';

/**
 * The storage backend the service runs on, SQLite or PostgreSQL, with the same SQL on either:
 * the repositories on `client`, conversation state in `bot_state` on `stateClient`. A state
 * write is one conditional upsert, atomic on its own: a stale eTag changes no row.
 */
export abstract class Database implements StateStore {
  abstract readonly kind: 'sqlite' | 'postgres';
  /** One conversation's turns one at a time: in this process (SQLite) or across instances (PostgreSQL). */
  abstract readonly turns: ConversationLocks;
  /** PostgreSQL only: the pool and LISTEN/NOTIFY for the other stores the instances share (web chat, console). */
  readonly shared?: { pool: Pool; notifications: PostgresNotifications };
  readonly bookings: SqlBookingRepository;
  readonly tickets: SqlTicketRepository;
  readonly curation: SqlCurationRepository;

  /** @param stateClient for conversation state, when it is committed otherwise than the rest (SQLite) */
  constructor(readonly client: SqlClient, private readonly clock: Clock, private readonly stateClient = client) {
    this.bookings = new SqlBookingRepository(client);
    this.tickets = new SqlTicketRepository(client);
    this.curation = new SqlCurationRepository(client, stateClient);
  }

  abstract close(): Promise<void>;

  async ping(): Promise<void> {
    await this.client.rows('SELECT 1');
  }

  async readMany(keys: string[]): Promise<Map<string, StateRecord>> {
    if (!keys.length) return new Map();
    const rows = await this.stateClient.rows<{ key: string; etag: string; data: string | Record<string, unknown> }>(
      `SELECT key, etag, data FROM bot_state WHERE key IN (${placeholders(keys)})`, keys);
    // SQLite returns the text JSON.stringify made, parsed anew on every read (the turn changes
    // the object it is given) and handed on, so that the caller need not make it again.
    return new Map(rows.map(({ key, etag, data }) => [key, typeof data === 'string' ? { etag, data: JSON.parse(data) as Record<string, unknown>, json: data } : { etag, data }]));
  }

  async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    const changed = await this.stateClient.run(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at
       WHERE CAST($5 AS TEXT) IS NULL OR bot_state.etag = $5`,
      [key, newEtag, json ?? JSON.stringify(data), this.clock.now().getTime(), expectedEtag ?? null],
    );
    return changed === 1 ? 'written' : 'conflict';
  }

  async deleteMany(keys: string[]): Promise<void> {
    if (keys.length) await this.stateClient.run(`DELETE FROM bot_state WHERE key IN (${placeholders(keys)})`, keys);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.stateClient.run('DELETE FROM bot_state WHERE updated_at < $1', [before.getTime()]);
  }
}
