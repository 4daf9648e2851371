import type { Pool } from 'pg';
import type { Ticket, TicketMessage, TicketStatus } from '../handoff/Ticket';
import type { TicketCondition, TicketRepository } from '../handoff/TicketRepository';
import { ticketFromRow, ticketToRow, type TicketRow } from '../handoff/TicketRow';

/** Handoff tickets in PostgreSQL; changes are single statements, so instances never lose one. */
export class PostgresTicketRepository implements TicketRepository {
  constructor(private readonly pool: Pool) {}

  async create(t: Ticket): Promise<void> {
    const r = ticketToRow(t);
    await this.pool.query('INSERT INTO handoff_tickets (id, status, conversation_id, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      r.id, r.status, r.conversation_id, r.data, r.created_at, r.updated_at,
    ]);
  }

  async get(id: string): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<TicketRow>('SELECT * FROM handoff_tickets WHERE id = $1', [id]);
    return rows[0] ? ticketFromRow(rows[0]) : undefined;
  }

  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<TicketRow>(
      "SELECT * FROM handoff_tickets WHERE conversation_id = $1 AND status IN ('waiting', 'active') ORDER BY created_at DESC LIMIT 1",
      [conversationId],
    );
    return rows[0] ? ticketFromRow(rows[0]) : undefined;
  }

  async update(id: string, change: Partial<Pick<Ticket, 'status' | 'assignedTo' | 'callbackPhone' | 'timedOut' | 'closedBy' | 'closedAt'>>, at: Date, onlyIf?: TicketCondition): Promise<boolean> {
    const { status, ...rest } = change;
    const { rowCount } = await this.pool.query(
      `UPDATE handoff_tickets SET status = COALESCE($2, status), data = data || $3::jsonb, updated_at = $4
       WHERE id = $1 AND ($5::text[] IS NULL OR status = ANY($5::text[])) AND ($6::bigint IS NULL OR created_at <= $6::bigint)`,
      [id, status ?? null, JSON.stringify(rest), at.getTime(), onlyIf?.status ?? null, onlyIf?.createdAtOrBefore?.getTime() ?? null],
    );
    return rowCount === 1;
  }

  async addMessage(id: string, message: TicketMessage, at: Date): Promise<void> {
    await this.pool.query(
      "UPDATE handoff_tickets SET data = jsonb_set(data, '{messages}', COALESCE(data->'messages', '[]'::jsonb) || $2::jsonb), updated_at = $3 WHERE id = $1",
      [id, JSON.stringify([message]), at.getTime()],
    );
  }

  async list(statuses: TicketStatus[], limit: number): Promise<Ticket[]> {
    const { rows } = await this.pool.query<TicketRow>('SELECT * FROM handoff_tickets WHERE status = ANY($1) ORDER BY created_at LIMIT $2', [statuses, limit]);
    return rows.map(ticketFromRow);
  }

  async closedSince(since: Date, limit: number): Promise<Ticket[]> {
    const { rows } = await this.pool.query<TicketRow>(
      "SELECT * FROM handoff_tickets WHERE status = 'closed' AND updated_at >= $1 ORDER BY updated_at DESC LIMIT $2",
      [since.getTime(), limit],
    );
    return rows.map(ticketFromRow);
  }

  async deleteForConversation(conversationId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM handoff_tickets WHERE conversation_id = $1', [conversationId])).rowCount ?? 0;
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM handoff_tickets WHERE updated_at < $1', [before.getTime()])).rowCount ?? 0;
  }
}
