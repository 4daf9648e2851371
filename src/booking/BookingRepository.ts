import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from './Booking';
import type { TakenSlots } from './AvailabilityService';

/**
 * Where bookings live. Implementations guarantee in the database that one slot can hold only
 * one confirmed booking, so two patients racing for it can never both get it.
 */
export interface BookingRepository extends TakenSlots {
  create(booking: Booking): Promise<ClaimOutcome>;
  findByReference(reference: string): Promise<Booking | undefined>;
  /**
   * Cancels a confirmed booking: the slot is free again and the row keeps only what says that
   * (time, place, type, reference, made on, cancelled on), without the patient's details.
   */
  cancel(reference: string, at: Date): Promise<boolean>;
  move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'>;
  /** Moves a confirmed booking to a new time, place and therapist (and calendar event). */
  moveTo(reference: string, target: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'>;
  /** Confirmed bookings overlapping [from, to), for the availability search with therapists. */
  bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]>;
  /** Bookings changed since `since`, newest first (the staff list). */
  listChanged(since: Date, limit: number): Promise<Booking[]>;
  /** Bookings (cancelled ones too) starting in [from, to), earliest first (the staff list by day). */
  listStarting(from: Date, to: Date, limit: number): Promise<Booking[]>;
  /** Deletes bookings whose appointment ended before `before` (retention). */
  deleteEndedBefore(before: Date): Promise<number>;
  /** Every booking of a patient, to take their appointments out of the therapists' calendars. */
  findForUser(userKey: string): Promise<Booking[]>;
  /**
   * "Verwijder mijn gegevens": every booking of a patient loses its personal details and its
   * link to the patient and is cancelled (last event `deleted`), so the practice still sees the
   * slot came free. Returns how many bookings the patient had.
   */
  deleteForUser(userKey: string, at: Date): Promise<number>;
}
