import type { Ticket, TicketMessage, TicketStatus } from '../handoff/Ticket';
import type { TicketCondition, TicketRepository } from '../handoff/TicketRepository';
import { ticketFromRow, ticketToRow, type TicketRow } from '../handoff/TicketRow';
import type { SqliteDatabase } from './SqliteDatabase';

/**
 * Handoff tickets in SQLite. Read-modify-write is safe: better-sqlite3 runs it synchronously.
 * Every change is committed with an fsync ({@link SqliteDatabase.synced}).
 */
export class SqliteTicketRepository implements TicketRepository {
  constructor(private readonly sqlite: SqliteDatabase) {}

  async create(t: Ticket): Promise<void> {
    const insert = this.sqlite.stmt('INSERT INTO handoff_tickets (id, status, conversation_id, data, created_at, updated_at) VALUES (@id, @status, @conversation_id, @data, @created_at, @updated_at)');
    this.sqlite.synced(() => insert.run(ticketToRow(t)));
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.getSync(id);
  }

  /**
   * Asked on every turn (is a person holding this conversation?), and without ORDER BY: SQLite
   * sorts through a temporary b-tree even when nothing matches, which made this query cost
   * 25 µs on every turn. A conversation has at most one open ticket anyway.
   */
  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const rows = this.sqlite.stmt("SELECT * FROM handoff_tickets WHERE conversation_id = ? AND status IN ('waiting', 'active')").all(conversationId) as TicketRow[];
    const latest = rows.reduce<TicketRow | undefined>((a, r) => (a && Number(a.created_at) >= Number(r.created_at) ? a : r), undefined);
    return latest ? ticketFromRow(latest) : undefined;
  }

  async update(id: string, change: Partial<Pick<Ticket, 'status' | 'assignedTo' | 'callbackPhone' | 'timedOut' | 'closedBy' | 'closedAt'>>, at: Date, onlyIf?: TicketCondition): Promise<boolean> {
    return this.sqlite.synced(() => {
      const t = this.getSync(id);
      if (!t) return false;
      if (onlyIf && (!onlyIf.status.includes(t.status) || (onlyIf.createdAtOrBefore && t.createdAt > onlyIf.createdAtOrBefore))) return false;
      const next = { ...t, ...change, updatedAt: at };
      this.sqlite.stmt('UPDATE handoff_tickets SET status = @status, data = @data, updated_at = @updated_at WHERE id = @id').run(ticketToRow(next));
      return true;
    });
  }

  async addMessage(id: string, message: TicketMessage, at: Date): Promise<void> {
    this.sqlite.synced(() => {
      const t = this.getSync(id);
      if (!t) return;
      const next = { ...t, messages: [...t.messages, message].slice(-500), updatedAt: at };
      this.sqlite.stmt('UPDATE handoff_tickets SET data = @data, updated_at = @updated_at WHERE id = @id').run(ticketToRow(next));
    });
  }

  async list(statuses: TicketStatus[], limit: number): Promise<Ticket[]> {
    const marks = statuses.map(() => '?').join(', ');
    const rows = this.sqlite.stmt(`SELECT * FROM handoff_tickets WHERE status IN (${marks}) ORDER BY created_at LIMIT ?`).all(...statuses, limit) as TicketRow[];
    return rows.map(ticketFromRow);
  }

  async closedSince(since: Date, limit: number): Promise<Ticket[]> {
    const rows = this.sqlite.stmt("SELECT * FROM handoff_tickets WHERE status = 'closed' AND updated_at >= ? ORDER BY updated_at DESC LIMIT ?").all(since.getTime(), limit) as TicketRow[];
    return rows.map(ticketFromRow);
  }

  async deleteForConversation(conversationId: string): Promise<number> {
    const del = this.sqlite.stmt('DELETE FROM handoff_tickets WHERE conversation_id = ?');
    return this.sqlite.synced(() => del.run(conversationId)).changes;
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const del = this.sqlite.stmt('DELETE FROM handoff_tickets WHERE updated_at < ?');
    return this.sqlite.synced(() => del.run(before.getTime())).changes;
  }

  private getSync(id: string): Ticket | undefined {
    const row = this.sqlite.stmt('SELECT * FROM handoff_tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? ticketFromRow(row) : undefined;
  }
}
