/** What happened to a ticket, for the console's live queue. */
export interface TicketEvent {
  type: 'opened' | 'message' | 'changed';
  /** Empty when any ticket may have changed (events were missed): the console reloads its lists. */
  ticketId: string;
}

/**
 * Carries ticket events to the other instances on one database (PostgreSQL NOTIFY), so that a
 * console on any instance sees every ticket live. One process needs none.
 */
export interface TicketEventBus {
  publish(event: TicketEvent): void;
  /** Calls `listener` with the events other instances published. */
  subscribe(listener: (event: TicketEvent) => void): void;
}
