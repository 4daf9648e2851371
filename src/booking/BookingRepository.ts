import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from './Booking';
import type { TakenSlots } from './AvailabilityService';

/**
 * Where bookings live. Implementations guarantee in the database that one slot can hold only
 * one confirmed booking, so two patients racing for it can never both get it.
 */
export interface BookingRepository extends TakenSlots {
  create(booking: Booking): Promise<ClaimOutcome>;
  findByReference(reference: string): Promise<Booking | undefined>;
  cancel(reference: string, at: Date): Promise<boolean>;
  move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'>;
  /** Moves a confirmed booking to a new time, place and therapist (and calendar event). */
  moveTo(reference: string, target: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'>;
  /** Confirmed bookings overlapping [from, to), for the availability search with therapists. */
  bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]>;
  /** Bookings changed since `since`, newest first (the staff list). */
  listChanged(since: Date, limit: number): Promise<Booking[]>;
  /** Deletes bookings whose appointment ended before `before` (retention). */
  deleteEndedBefore(before: Date): Promise<number>;
  /** Every booking of a patient, to take their appointments out of the therapists' calendars. */
  findForUser(userKey: string): Promise<Booking[]>;
  /** Deletes every booking of a patient ("verwijder mijn gegevens"). */
  deleteForUser(userKey: string): Promise<number>;
}
