import type BetterSqlite3 from 'better-sqlite3';
import type { Ticket, TicketMessage, TicketStatus } from '../handoff/Ticket';
import type { TicketRepository } from '../handoff/TicketRepository';
import { ticketFromRow, ticketToRow, type TicketRow } from '../handoff/TicketRow';

/** Handoff tickets in SQLite. Read-modify-write is safe: better-sqlite3 runs it synchronously. */
export class SqliteTicketRepository implements TicketRepository {
  /** Asked on every turn (is a person holding this conversation?), so prepared once. */
  private readonly openForStatement: BetterSqlite3.Statement;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.openForStatement = db.prepare(
      "SELECT * FROM handoff_tickets WHERE conversation_id = ? AND status IN ('waiting', 'active') ORDER BY created_at DESC LIMIT 1",
    );
  }

  async create(t: Ticket): Promise<void> {
    this.db.prepare('INSERT INTO handoff_tickets (id, status, conversation_id, data, created_at, updated_at) VALUES (@id, @status, @conversation_id, @data, @created_at, @updated_at)').run(ticketToRow(t));
  }

  async get(id: string): Promise<Ticket | undefined> {
    const row = this.db.prepare('SELECT * FROM handoff_tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? ticketFromRow(row) : undefined;
  }

  async openFor(conversationId: string): Promise<Ticket | undefined> {
    const row = this.openForStatement.get(conversationId) as TicketRow | undefined;
    return row ? ticketFromRow(row) : undefined;
  }

  async update(id: string, change: Partial<Pick<Ticket, 'status' | 'assignedTo' | 'callbackPhone' | 'timedOut'>>, at: Date): Promise<void> {
    this.db.transaction(() => {
      const t = this.getSync(id);
      if (!t) return;
      const next = { ...t, ...change, updatedAt: at };
      this.db.prepare('UPDATE handoff_tickets SET status = @status, data = @data, updated_at = @updated_at WHERE id = @id').run(ticketToRow(next));
    })();
  }

  async addMessage(id: string, message: TicketMessage, at: Date): Promise<void> {
    this.db.transaction(() => {
      const t = this.getSync(id);
      if (!t) return;
      const next = { ...t, messages: [...t.messages, message].slice(-500), updatedAt: at };
      this.db.prepare('UPDATE handoff_tickets SET data = @data, updated_at = @updated_at WHERE id = @id').run(ticketToRow(next));
    })();
  }

  async list(statuses: TicketStatus[], limit: number): Promise<Ticket[]> {
    const marks = statuses.map(() => '?').join(', ');
    const rows = this.db.prepare(`SELECT * FROM handoff_tickets WHERE status IN (${marks}) ORDER BY created_at LIMIT ?`).all(...statuses, limit) as TicketRow[];
    return rows.map(ticketFromRow);
  }

  async deleteForConversation(conversationId: string): Promise<number> {
    return this.db.prepare('DELETE FROM handoff_tickets WHERE conversation_id = ?').run(conversationId).changes;
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM handoff_tickets WHERE updated_at < ?').run(before.getTime()).changes;
  }

  private getSync(id: string): Ticket | undefined {
    const row = this.db.prepare('SELECT * FROM handoff_tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? ticketFromRow(row) : undefined;
  }
}
