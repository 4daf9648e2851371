import type { TicketMessage } from './Ticket';

/**
 * The last lines of each recent conversation, for a handoff's transcript. One process keeps
 * them in memory ({@link RecentTurns}); several instances on one PostgreSQL database keep them
 * there, so that the instance that opens a ticket has the lines said on another. Either way they
 * are kept only while a handoff may still need them: the retention job sweeps a conversation's
 * lines once it has been quiet for RETENTION_RECENT_LINES_HOURS (a ticket keeps its own copy).
 */
export interface RecentLines {
  add(conversationId: string, from: 'patient' | 'bot', text: string, at: Date): void | Promise<void>;
  of(conversationId: string): TicketMessage[] | Promise<TicketMessage[]>;
  /**
   * The patient's lines only, oldest first, with their times in ms: what every message's red-flag
   * check reads (SafetyDesk), without making each line's time ISO text only to read it back.
   */
  patientSaid(conversationId: string): PatientLine[] | Promise<PatientLine[]>;
  forget(conversationId: string): void | Promise<void>;
  /**
   * Forgets the lines of every conversation whose last line is older than `before`, except the
   * conversations in `held` (a person holds them); returns how many conversations it forgot.
   */
  sweep(before: Date, held: ReadonlySet<string>): number | Promise<number>;
}

/** A line the patient sent, with its time in ms. */
export interface PatientLine {
  text: string;
  at: number;
}

/**
 * The lines kept per conversation, the patient's and the bot's: enough for a receptionist to see
 * what went before, and for the red-flag check of a message read with the patient's four before it
 * (SafetyDesk), each of which may have had two replies.
 */
export const RECENT_LINES_KEPT = 16;
