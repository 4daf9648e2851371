import { createHash, createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import type { Clock } from '../../util/Clock';
import type { MessageIdLedger } from './MessageDeduplicator';

/**
 * Webhook message ids already handled, in PostgreSQL: Meta redelivers a WhatsApp webhook whose
 * 200 was late, and the redelivery may reach another instance. The insert decides which
 * delivery is the first, on whichever instance; ids are kept for `ttlMs`. A WhatsApp message id
 * carries the sender's number, so only a keyed hash of it is stored (HMAC-SHA-256 with the app
 * secret, which every instance has; plain SHA-256 without a key), and {@link sweep} deletes
 * those older than `ttlMs`.
 */
export class PostgresMessageIds implements MessageIdLedger {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly key?: string,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  /** True the first time an id is offered on any instance (and remembers it), false for a repeat. */
  async firstTime(messageId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    // An id remembered longer ago than ttlMs counts as new, whether or not the sweep has run.
    const { rowCount } = await this.pool.query(
      `INSERT INTO whatsapp_message_ids (id, seen_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE whatsapp_message_ids.seen_at < $3`,
      [this.hash(messageId), now, now - this.ttlMs],
    );
    return rowCount === 1;
  }

  /** Deletes the ids remembered longer than `ttlMs` (the retention job); returns how many. */
  async sweep(now: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM whatsapp_message_ids WHERE seen_at < $1', [now.getTime() - this.ttlMs])).rowCount ?? 0;
  }

  private hash(messageId: string): string {
    return (this.key ? createHmac('sha256', this.key).update(`whatsapp-message-id:${messageId}`) : createHash('sha256').update(messageId)).digest('hex');
  }
}
