import type { Booking } from './Booking';
import type { BookingRepository } from './BookingRepository';


/** What says two bookings are for the same patient, and where the new one is made. */
export interface PatientKey {
  /** The chat user booking (channel:user id, as stored). */
  userKey: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** International format, as stored. */
  phone: string;
}

/**
 * The earliest confirmed appointment still to come that the store holds for the same name (case
 * and spaces aside), date of birth and phone number, booked by the same chat user; undefined
 * when there is none. A booking made twice (a patient who forgot, or went through it a second
 * time) is asked about before it is stored: the same person was booked twice on one day without
 * a word (a review, round 19). Read from the store, not from the conversation's memory, so an
 * earlier conversation of the same user counts too. Bookings of other chat users are left out:
 * a family member or a receptionist books the same person for a series as often as by mistake.
 */
export async function upcomingOfSamePatient(bookings: Pick<BookingRepository, 'findForUser'>, who: PatientKey, now: Date): Promise<Booking | undefined> {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  // The chat user's own bookings only (an index lookup), not every appointment to come.
  const own = await bookings.findForUser(who.userKey);
  return own
    .filter((b) => b.status === 'confirmed' && b.start.getTime() > now.getTime() && b.birthDate === who.birthDate && b.phone === who.phone && norm(b.name) === norm(who.name))
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
}
