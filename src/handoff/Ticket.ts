import type { Locale } from '../config/AppConfig';
import type { Tier } from '../safety';

/** Why the conversation went to a person (`detail-correction`: a phone number or e-mail address of a booking to change). */
export type HandoffReason = 'requested' | 'misses' | 'failed-input' | 'always-human' | 'agenda-unavailable' | 'detail-correction';

/** waiting: in the queue; active: a receptionist holds it; callback: to be called; closed: done. */
export type TicketStatus = 'waiting' | 'active' | 'callback' | 'closed';

/** One line of a ticket's transcript. */
export interface TicketMessage {
  from: 'patient' | 'bot' | 'staff' | 'system';
  text: string;
  at: string;
  /** Set on a receptionist's reply that did not reach the patient: why (e.g. `send-failed`). */
  failed?: string;
}

/** A request for a person, with what the receptionist needs to take over. */
export interface Ticket {
  id: string;
  status: TicketStatus;
  reason: HandoffReason;
  channel: string;
  locale: Locale;
  conversationId: string;
  /** botbuilder ConversationReference as plain JSON, to reach the patient proactively. */
  reference: Record<string, unknown>;
  /** Phone number to call back (personal data, only with consent). */
  callbackPhone?: string;
  assignedTo?: string;
  messages: TicketMessage[];
  /** How many of `messages` are from before the handoff (the recent turns it started with). */
  earlierLines?: number;
  createdAt: Date;
  updatedAt: Date;
  /** True once the patient was offered a callback because nobody picked the ticket up. */
  timedOut?: boolean;
  /** The receptionist who closed it or handed it back to the assistant. */
  closedBy?: string;
  /** When it was closed (ISO), for the history. */
  closedAt?: string;
  /** The conversation's most urgent red-flag tier, when the ticket was opened or typed while it was open: the console puts such tickets first. */
  safetyTier?: Tier;
}
