import type { Booking, ClaimOutcome } from './Booking';
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
  /** Bookings changed since `since`, newest first (the staff list). */
  listChanged(since: Date, limit: number): Promise<Booking[]>;
  /** Deletes bookings whose appointment ended before `before` (retention). */
  deleteEndedBefore(before: Date): Promise<number>;
  /** Deletes every booking of a patient ("verwijder mijn gegevens"). */
  deleteForUser(userKey: string): Promise<number>;
}
