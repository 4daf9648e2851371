import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { fromRow, toRow, type BookingRow } from '../booking/BookingRow';
import type { SqliteDatabase } from './SqliteDatabase';

/**
 * Bookings in SQLite; the partial unique index makes a double booking impossible. Every change
 * is committed with an fsync ({@link SqliteDatabase.synced}): a patient is told a reference only
 * for a booking that survives a power cut.
 */
export class SqliteBookingRepository implements BookingRepository {
  constructor(private readonly sqlite: SqliteDatabase) {}

  async create(b: Booking): Promise<ClaimOutcome> {
    try {
      const insert = this.sqlite.stmt(
          `INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event, therapist_id, agenda_event)
           VALUES (@reference, @status, @location_id, @appointment_type_id, @starts_at, @ends_at, @user_key, @channel, @locale, @details, @created_at, @updated_at, @last_event, @therapist_id, @agenda_event)`,
      );
      this.sqlite.synced(() => insert.run(toRow(b)));
      return 'created';
    } catch (err) {
      return uniqueViolation(err);
    }
  }

  async findByReference(reference: string): Promise<Booking | undefined> {
    const row = this.sqlite.stmt('SELECT * FROM bookings WHERE reference = ?').get(reference) as BookingRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async cancel(reference: string, at: Date): Promise<boolean> {
    const update = this.sqlite.stmt(`UPDATE bookings SET status = 'cancelled', last_event = 'cancelled', updated_at = ?, ${FORGET} WHERE reference = ? AND status = 'confirmed'`);
    return this.sqlite.synced(() => update.run(at.getTime(), reference)).changes === 1;
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    const current = await this.findByReference(reference);
    return this.moveTo(reference, { start, end, locationId, therapistId: current?.therapistId, agendaEvent: current?.agendaEvent }, at);
  }

  async moveTo(reference: string, t: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    let changes: number;
    try {
      const update = this.sqlite.stmt(
        `UPDATE bookings SET starts_at = ?, ends_at = ?, location_id = ?, therapist_id = ?, agenda_event = ?, last_event = 'moved', updated_at = ?
         WHERE reference = ? AND status = 'confirmed'`,
      );
      const args = [t.start.getTime(), t.end.getTime(), t.locationId, t.therapistId ?? null, t.agendaEvent ? JSON.stringify(t.agendaEvent) : null, at.getTime(), reference];
      changes = this.sqlite.synced(() => update.run(...args)).changes;
    } catch (err) {
      if (uniqueViolation(err) === 'slot-taken') return 'slot-taken';
      throw err;
    }
    return changes === 1 ? 'moved' : 'not-found';
  }

  async bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]> {
    const rows = this.sqlite
      .stmt("SELECT location_id, therapist_id, starts_at, ends_at FROM bookings WHERE status = 'confirmed' AND starts_at < ? AND ends_at > ?")
      .all(to.getTime(), from.getTime()) as { location_id: string; therapist_id: string | null; starts_at: number; ends_at: number }[];
    return rows.map((r) => ({
      locationId: r.location_id, ...(r.therapist_id ? { therapistId: r.therapist_id } : {}), start: new Date(r.starts_at), end: new Date(r.ends_at),
    }));
  }

  async takenStarts(locationId: string, from: Date, to: Date): Promise<Date[]> {
    const rows = this.sqlite
      .stmt("SELECT starts_at FROM bookings WHERE status = 'confirmed' AND location_id = ? AND starts_at >= ? AND starts_at < ?")
      .all(locationId, from.getTime(), to.getTime()) as { starts_at: number }[];
    return rows.map((r) => new Date(r.starts_at));
  }

  async listChanged(since: Date, limit: number): Promise<Booking[]> {
    const rows = this.sqlite.stmt('SELECT * FROM bookings WHERE updated_at >= ? ORDER BY updated_at DESC LIMIT ?').all(since.getTime(), limit) as BookingRow[];
    return rows.map(fromRow);
  }

  async listStarting(from: Date, to: Date, limit: number): Promise<Booking[]> {
    const rows = this.sqlite.stmt('SELECT * FROM bookings WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at LIMIT ?').all(from.getTime(), to.getTime(), limit) as BookingRow[];
    return rows.map(fromRow);
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    const del = this.sqlite.stmt('DELETE FROM bookings WHERE ends_at < ?');
    return this.sqlite.synced(() => del.run(before.getTime())).changes;
  }

  async findForUser(userKey: string): Promise<Booking[]> {
    // Cancelled bookings have no user: an empty key must not find them all.
    if (!userKey) return [];
    return (this.sqlite.stmt('SELECT * FROM bookings WHERE user_key = ?').all(userKey) as BookingRow[]).map(fromRow);
  }

  async deleteForUser(userKey: string, at: Date): Promise<number> {
    if (!userKey) return 0;
    const forget = this.sqlite.stmt(`UPDATE bookings SET status = 'cancelled', last_event = 'deleted', updated_at = ?, ${FORGET} WHERE user_key = ?`);
    return this.sqlite.synced(() => forget.run(at.getTime(), userKey)).changes;
  }
}

/** What a cancelled booking forgets: the patient's details, who they are, the calendar event. */
const FORGET = "details = '{}', user_key = '', agenda_event = NULL";

function uniqueViolation(err: unknown): ClaimOutcome {
  const msg = String((err as { message?: unknown }).message ?? '');
  if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /bookings\.reference/.test(msg)) return 'reference-taken';
  if (/UNIQUE constraint failed/.test(msg)) return 'slot-taken';
  throw err;
}
