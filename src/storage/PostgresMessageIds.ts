import type { Pool } from 'pg';
import type { Clock } from '../util/Clock';

/**
 * Webhook message ids already handled, in PostgreSQL: Meta redelivers a WhatsApp webhook whose
 * 200 was late, and the redelivery may reach another instance. The insert decides which
 * delivery is the first, on whichever instance; ids are kept for `ttlMs`.
 */
export class PostgresMessageIds {
  private inserts = 0;

  constructor(private readonly pool: Pool, private readonly clock: Clock, private readonly ttlMs = 24 * 60 * 60 * 1000) {}

  /** True the first time an id is offered on any instance (and remembers it), false for a repeat. */
  async firstTime(messageId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.inserts++ % 500 === 0) await this.pool.query('DELETE FROM whatsapp_message_ids WHERE seen_at < $1', [now - this.ttlMs]);
    const { rowCount } = await this.pool.query('INSERT INTO whatsapp_message_ids (id, seen_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [messageId, now]);
    return rowCount === 1;
  }
}
