export * from './Ticket';
export * from './TicketRepository';
export * from './TicketRow';
export * from './HandoffService';
export * from './OpeningHours';
export * from './RecentTurns';
