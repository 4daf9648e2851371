import type { Ticket, TicketMessage, TicketStatus } from './Ticket';

/** What a ticket must still be for a change to apply. */
export interface TicketCondition {
  /** One of these statuses. */
  status: TicketStatus[];
  /** Opened at or before this time. */
  createdAtOrBefore?: Date;
}

/** Where handoff tickets live; SQLite and PostgreSQL implement it. */
export interface TicketRepository {
  create(ticket: Ticket): Promise<void>;
  get(id: string): Promise<Ticket | undefined>;
  /** The latest ticket of a conversation in one of `statuses` (waiting or active unless given), if any. */
  openFor(conversationId: string, statuses?: TicketStatus[]): Promise<Ticket | undefined>;
  /**
   * Changes a ticket in one step, only while it still meets `onlyIf` (when given): another
   * instance may have changed it since it was read. True when the ticket was changed.
   */
  update(id: string, change: Partial<Pick<Ticket, 'status' | 'assignedTo' | 'callbackPhone' | 'timedOut' | 'closedBy' | 'closedAt' | 'safetyTier'>>, at: Date, onlyIf?: TicketCondition): Promise<boolean>;
  addMessage(id: string, message: TicketMessage, at: Date): Promise<void>;
  /** Tickets that are not closed, oldest first, plus the latest closed ones. */
  list(statuses: TicketStatus[], limit: number): Promise<Ticket[]>;
  /** Closed tickets last changed at or after `since`, the latest first (the console's history). */
  closedSince(since: Date, limit: number): Promise<Ticket[]>;
  /** Deletes every ticket of a conversation ("verwijder mijn gegevens") and returns how many. */
  deleteForConversation(conversationId: string): Promise<number>;
  /** Deletes tickets last changed before `before` (retention) and returns how many. */
  deleteOlderThan(before: Date): Promise<number>;
}
