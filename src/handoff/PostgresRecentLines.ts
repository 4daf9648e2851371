import type { Pool } from 'pg';
import { RECENT_LINES_KEPT, type PatientLine, type RecentLines } from './RecentLines';
import type { TicketMessage } from './Ticket';

/**
 * The last lines of each conversation in PostgreSQL, shared by the instances: a conversation's
 * turns may run on any of them, and the ticket opens on one. At most `lines` per conversation;
 * swept once the conversation has been quiet for a few hours (unless a person holds it), and
 * deleted at once by "verwijder mijn gegevens".
 */
export class PostgresRecentLines implements RecentLines {
  constructor(private readonly pool: Pool, private readonly lines = RECENT_LINES_KEPT) {}

  async add(conversationId: string, from: 'patient' | 'bot', text: string, at: Date): Promise<void> {
    const line = JSON.stringify([{ from, text: text.slice(0, 1000), at: at.toISOString() }]);
    // `lines - 0` drops the oldest line once the list is full.
    await this.pool.query(
      `INSERT INTO recent_turns (conversation_id, lines, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (conversation_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,
         lines = CASE WHEN jsonb_array_length(recent_turns.lines) >= $4 THEN (recent_turns.lines - 0) || EXCLUDED.lines ELSE recent_turns.lines || EXCLUDED.lines END`,
      [conversationId, line, at.getTime(), this.lines],
    );
  }

  async of(conversationId: string): Promise<TicketMessage[]> {
    const { rows } = await this.pool.query<{ lines: TicketMessage[] }>('SELECT lines FROM recent_turns WHERE conversation_id = $1', [conversationId]);
    return rows[0]?.lines ?? [];
  }

  async patientSaid(conversationId: string): Promise<PatientLine[]> {
    return (await this.of(conversationId)).filter((l) => l.from === 'patient').map((l) => ({ text: l.text, at: Date.parse(l.at) }));
  }

  async forget(conversationId: string): Promise<void> {
    await this.pool.query('DELETE FROM recent_turns WHERE conversation_id = $1', [conversationId]);
  }

  async sweep(before: Date, held: ReadonlySet<string>): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM recent_turns WHERE updated_at < $1 AND NOT (conversation_id = ANY($2))', [before.getTime(), [...held]]);
    return rowCount ?? 0;
  }
}
