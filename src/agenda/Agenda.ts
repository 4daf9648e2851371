import type { Period } from './Period';

/** Where an appointment the bot made lives in a calendar, to change or delete it later. */
export interface AgendaEventRef {
  url: string;
  etag?: string;
}

/** What the bot writes into a therapist's calendar: no health details, by design. */
export interface AgendaAppointment {
  therapistId: string;
  reference: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  /** When the bot writes it (the event's DTSTAMP), from the injected clock. */
  stamp: Date;
}

/** Outcome of writing an appointment: the calendar may already hold something there. */
export type AgendaCreateOutcome = { outcome: 'created'; event?: AgendaEventRef } | { outcome: 'taken' };

/**
 * One therapist's calendar. The built-in agenda is the bot's own bookings (nothing to read or
 * write elsewhere); the CalDAV agenda is the practice's real calendar. Every method throws
 * {@link AgendaUnavailableError} when the calendar cannot be reached, and never guesses.
 */
export interface Agenda {
  readonly kind: 'built-in' | 'caldav';
  /** Busy periods overlapping [from, to), recurring appointments expanded. */
  busy(from: Date, to: Date): Promise<Period[]>;
  /** Writes the appointment unless the calendar already holds one at its place ('taken'). */
  create(appointment: AgendaAppointment): Promise<AgendaCreateOutcome>;
  /** Deletes an appointment the bot wrote; one that is already gone is fine. */
  remove(event: AgendaEventRef): Promise<void>;
}

/** The calendar could not be read or written (server down, timeout, refused sign-in). */
export class AgendaUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AgendaUnavailableError';
  }
}
