import type { Ticket, TicketMessage, TicketStatus } from '../handoff/Ticket';
import type { TicketCondition, TicketRepository } from '../handoff/TicketRepository';
import { ticketFromRow, ticketToRow, type TicketRow } from '../handoff/TicketRow';
import { insertRow, placeholders, type SqlClient } from './SqlClient';

/** A ticket keeps its last 500 lines: a patient typing on for hours must not grow one row without end. */
const MAX_LINES = 500;

/** Changes inside a ticket's JSON ($2 merged in or appended), one statement each so concurrent changes are never lost. */
const JSON_CHANGE = {
  sqlite: {
    merge: 'json_patch(data, $2)',
    append: `json_set(data, '$.messages', json_insert(CASE WHEN json_array_length(data, '$.messages') >= ${MAX_LINES}
      THEN json_remove(data -> '$.messages', '$[0]') ELSE COALESCE(data -> '$.messages', '[]') END, '$[#]', json($2)))`,
  },
  postgres: {
    merge: 'data || $2::jsonb',
    append: `jsonb_set(data, '{messages}', CASE WHEN jsonb_array_length(data -> 'messages') >= ${MAX_LINES}
      THEN (data -> 'messages') - 0 ELSE COALESCE(data -> 'messages', '[]'::jsonb) END || jsonb_build_array($2::jsonb))`,
  },
};

/** Handoff tickets in SQLite or PostgreSQL. On SQLite every change is on disk before it resolves (SqliteClient). */
export class SqlTicketRepository implements TicketRepository {
  constructor(private readonly sql: SqlClient) {}

  async create(t: Ticket): Promise<void> {
    await insertRow(this.sql, 'handoff_tickets', ticketToRow(t));
  }

  async get(id: string): Promise<Ticket | undefined> {
    return (await this.select('WHERE id = $1', [id]))[0];
  }

  /** Asked every turn, so without ORDER BY: SQLite's sort cost 25 µs even with no match (and there is at most one). */
  async openFor(conversationId: string, statuses: TicketStatus[] = ['waiting', 'active']): Promise<Ticket | undefined> {
    if (!statuses.length) return undefined;
    const open = await this.select(`WHERE conversation_id = $1 AND status IN (${placeholders(statuses, 2)})`, [conversationId, ...statuses]);
    return open.reduce<Ticket | undefined>((a, t) => (a && a.createdAt >= t.createdAt ? a : t), undefined);
  }

  async update(id: string, change: Partial<Pick<Ticket, 'status' | 'assignedTo' | 'callbackPhone' | 'timedOut' | 'closedBy' | 'closedAt' | 'safetyTier'>>, at: Date, onlyIf?: TicketCondition): Promise<boolean> {
    const { status, ...rest } = change;
    // The condition is part of the statement, so two instances cannot both act on one ticket
    // (a timeout closing a ticket a receptionist just took).
    const params: unknown[] = [id, JSON.stringify(rest), status ?? null, at.getTime()];
    let when = '';
    if (onlyIf) {
      if (!onlyIf.status.length) return false;
      when = ` AND status IN (${placeholders(onlyIf.status, params.length + 1)})`;
      params.push(...onlyIf.status);
      if (onlyIf.createdAtOrBefore) when += ` AND created_at <= $${params.push(onlyIf.createdAtOrBefore.getTime())}`;
    }
    const sql = `UPDATE handoff_tickets SET data = ${JSON_CHANGE[this.sql.dialect].merge}, status = COALESCE($3, status), updated_at = $4 WHERE id = $1${when}`;
    return (await this.sql.run(sql, params)) === 1;
  }

  async addMessage(id: string, message: TicketMessage, at: Date): Promise<void> {
    await this.sql.run(`UPDATE handoff_tickets SET data = ${JSON_CHANGE[this.sql.dialect].append}, updated_at = $3 WHERE id = $1`, [id, JSON.stringify(message), at.getTime()]);
  }

  async list(statuses: TicketStatus[], limit: number): Promise<Ticket[]> {
    if (!statuses.length) return [];
    return this.select(`WHERE status IN (${placeholders(statuses, 2)}) ORDER BY created_at LIMIT $1`, [limit, ...statuses]);
  }

  async closedSince(since: Date, limit: number): Promise<Ticket[]> {
    return this.select("WHERE status = 'closed' AND updated_at >= $1 ORDER BY updated_at DESC LIMIT $2", [since.getTime(), limit]);
  }

  async deleteForConversation(conversationId: string): Promise<number> {
    return this.sql.run('DELETE FROM handoff_tickets WHERE conversation_id = $1', [conversationId]);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.sql.run('DELETE FROM handoff_tickets WHERE updated_at < $1', [before.getTime()]);
  }

  private async select(where: string, params: unknown[]): Promise<Ticket[]> {
    return (await this.sql.rows<TicketRow>(`SELECT * FROM handoff_tickets ${where}`, params)).map(ticketFromRow);
  }
}
