import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { fromRow, toRow, type BookingRow } from '../booking/BookingRow';
import { insertRow, UniqueViolation, type SqlClient } from './SqlClient';

/**
 * Bookings in SQLite or PostgreSQL. The partial unique index `bookings_one_per_slot` makes a
 * double booking impossible: of two claims on one slot, on any instance, the database lets one
 * through. On SQLite every change is on disk before the patient hears of it (SqliteClient).
 */
export class SqlBookingRepository implements BookingRepository {
  constructor(private readonly sql: SqlClient) {}

  async create(b: Booking): Promise<ClaimOutcome> {
    try {
      await insertRow(this.sql, 'bookings', toRow(b));
      return 'created';
    } catch (err) {
      if (err instanceof UniqueViolation) return err.primaryKey ? 'reference-taken' : 'slot-taken';
      throw err;
    }
  }

  async findByReference(reference: string): Promise<Booking | undefined> {
    return (await this.select('WHERE reference = $1', [reference]))[0];
  }

  async cancel(reference: string, at: Date): Promise<boolean> {
    return (await this.forget('cancelled', "reference = $2 AND status = 'confirmed'", [at.getTime(), reference])) === 1;
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    const current = await this.findByReference(reference);
    return this.moveTo(reference, { start, end, locationId, therapistId: current?.therapistId, agendaEvent: current?.agendaEvent }, at);
  }

  async moveTo(reference: string, t: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    try {
      const changed = await this.sql.run(
        `UPDATE bookings SET starts_at = $1, ends_at = $2, location_id = $3, therapist_id = $4, agenda_event = $5, last_event = 'moved', updated_at = $6
         WHERE reference = $7 AND status = 'confirmed'`,
        [t.start.getTime(), t.end.getTime(), t.locationId, t.therapistId ?? null, t.agendaEvent ? JSON.stringify(t.agendaEvent) : null, at.getTime(), reference],
      );
      return changed === 1 ? 'moved' : 'not-found';
    } catch (err) {
      if (err instanceof UniqueViolation && !err.primaryKey) return 'slot-taken';
      throw err;
    }
  }

  async bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]> {
    const rows = await this.sql.rows<{ location_id: string; therapist_id: string | null; starts_at: number; ends_at: number }>(
      "SELECT location_id, therapist_id, starts_at, ends_at FROM bookings WHERE status = 'confirmed' AND starts_at < $1 AND ends_at > $2",
      [to.getTime(), from.getTime()],
    );
    return rows.map((r) => ({
      locationId: r.location_id, ...(r.therapist_id ? { therapistId: r.therapist_id } : {}), start: new Date(r.starts_at), end: new Date(r.ends_at),
    }));
  }

  async takenStarts(locationId: string, from: Date, to: Date): Promise<Date[]> {
    const rows = await this.sql.rows<{ starts_at: number }>(
      "SELECT starts_at FROM bookings WHERE status = 'confirmed' AND location_id = $1 AND starts_at >= $2 AND starts_at < $3",
      [locationId, from.getTime(), to.getTime()],
    );
    return rows.map((r) => new Date(r.starts_at));
  }

  async listChanged(since: Date, limit: number): Promise<Booking[]> {
    return this.select('WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT $2', [since.getTime(), limit]);
  }

  async listStarting(from: Date, to: Date, limit: number): Promise<Booking[]> {
    return this.select('WHERE starts_at >= $1 AND starts_at < $2 ORDER BY starts_at LIMIT $3', [from.getTime(), to.getTime(), limit]);
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    return this.sql.run('DELETE FROM bookings WHERE ends_at < $1', [before.getTime()]);
  }

  async findForUser(userKey: string): Promise<Booking[]> {
    // Cancelled bookings have no user: an empty key must not find them all.
    return userKey ? this.select('WHERE user_key = $1', [userKey]) : [];
  }

  async deleteForUser(userKey: string, at: Date): Promise<number> {
    return userKey ? this.forget('deleted', 'user_key = $2', [at.getTime(), userKey]) : 0;
  }

  private async select(where: string, params: unknown[]): Promise<Booking[]> {
    return (await this.sql.rows<BookingRow>(`SELECT * FROM bookings ${where}`, params)).map(fromRow);
  }

  /** Cancels the bookings `where` finds, forgetting the patient's details, who they are and the calendar event. */
  private forget(lastEvent: 'cancelled' | 'deleted', where: string, params: unknown[]): Promise<number> {
    return this.sql.run(`UPDATE bookings SET status = 'cancelled', last_event = '${lastEvent}', updated_at = $1, details = '{}', user_key = '', agenda_event = NULL WHERE ${where}`, params);
  }
}
