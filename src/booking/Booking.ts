import type { AgendaEventRef } from '../agenda/Agenda';
import type { Locale } from '../config/AppConfig';

/** What the patient told about their complaint. */
export interface Complaint {
  joint: 'hip' | 'knee' | 'both' | 'other';
  side?: 'left' | 'right' | 'both';
  /** With joint `other`: what the complaint is, in the patient's words ("schouder"); personal, kept with the booking only. */
  other?: string;
  /** Free text ("sinds twee maanden"); personal, kept with the booking only. */
  since?: string;
}

/** A booking as the practice stores it. Personal data: kept only after consent. */
export interface Booking {
  reference: string;
  status: 'confirmed' | 'cancelled';
  locationId: string;
  appointmentTypeId: string;
  start: Date;
  end: Date;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** International format, +31… or +32… */
  phone: string;
  email?: string;
  complaint: Complaint;
  /** Whether the patient has a referral (NL) or voorschrift (BE). */
  hasReferral?: boolean;
  /** Red-flag screening answers by question id (all false for a booking that was made). */
  screening: Record<string, boolean>;
  /** channel:user id, so "verwijder mijn gegevens" finds this patient's bookings. */
  userKey: string;
  channel: string;
  locale: Locale;
  createdAt: Date;
  updatedAt: Date;
  /**
   * What last happened, for the staff list; `deleted`: the patient had their data deleted
   * ("verwijder mijn gegevens"). Cancelled and deleted bookings keep no personal data.
   */
  lastEvent: 'new' | 'moved' | 'cancelled' | 'deleted';
  /** The therapist it is with (practice.yaml agenda); absent in the built-in agenda without therapists. */
  therapistId?: string;
  /** The event in the therapist's calendar, when that is a CalDAV calendar. */
  agendaEvent?: AgendaEventRef;
}

/** Where a booking sits in the practice's agenda: its place, for the availability search. */
export interface BookedPeriod {
  locationId: string;
  therapistId?: string;
  start: Date;
  end: Date;
}

/** Where a moved booking goes: its new time and place, and with whom. */
export interface MoveTarget {
  start: Date;
  end: Date;
  locationId: string;
  therapistId?: string;
  agendaEvent?: AgendaEventRef;
}

/** Outcome of claiming a slot. */
export type ClaimOutcome = 'created' | 'slot-taken' | 'reference-taken';
