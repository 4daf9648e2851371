import type { Ticket } from './Ticket';

/** Tickets are stored as one JSON document plus the columns that are queried. */
export interface TicketRow {
  id: string;
  status: string;
  conversation_id: string;
  data: string | Record<string, unknown>;
  created_at: number | string;
  updated_at: number | string;
}

export function ticketToRow(t: Ticket): TicketRow {
  const { id, status, conversationId, createdAt, updatedAt, ...rest } = t;
  return { id, status, conversation_id: conversationId, data: JSON.stringify(rest), created_at: createdAt.getTime(), updated_at: updatedAt.getTime() };
}

export function ticketFromRow(r: TicketRow): Ticket {
  const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Omit<Ticket, 'id' | 'status' | 'conversationId' | 'createdAt' | 'updatedAt'>;
  return {
    ...data, id: r.id, status: r.status as Ticket['status'], conversationId: r.conversation_id,
    createdAt: new Date(Number(r.created_at)), updatedAt: new Date(Number(r.updated_at)),
  };
}
