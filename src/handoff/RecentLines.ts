import type { TicketMessage } from './Ticket';

/**
 * The last lines of each recent conversation, for a handoff's transcript. One process keeps
 * them in memory ({@link RecentTurns}); several instances on one PostgreSQL database keep them
 * there, so that the instance that opens a ticket has the lines said on another.
 */
export interface RecentLines {
  add(conversationId: string, from: 'patient' | 'bot', text: string, at: Date): void | Promise<void>;
  of(conversationId: string): TicketMessage[] | Promise<TicketMessage[]>;
  forget(conversationId: string): void | Promise<void>;
}
