import type { Booking, ClaimOutcome } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { fromRow, toRow, type BookingRow } from '../booking/BookingRow';
import type { SqliteDatabase } from './SqliteDatabase';

/**
 * Bookings in SQLite; the partial unique index makes a double booking impossible. Every change
 * resolves only once it is on disk ({@link SqliteDatabase.durable}): a patient is told a
 * reference only for a booking that survives a power cut.
 */
export class SqliteBookingRepository implements BookingRepository {
  constructor(private readonly sqlite: SqliteDatabase) {}

  async create(b: Booking): Promise<ClaimOutcome> {
    let outcome: ClaimOutcome;
    try {
      this.sqlite
        .stmt(
          `INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event)
           VALUES (@reference, @status, @location_id, @appointment_type_id, @starts_at, @ends_at, @user_key, @channel, @locale, @details, @created_at, @updated_at, @last_event)`,
        )
        .run(toRow(b));
      outcome = 'created';
    } catch (err) {
      return uniqueViolation(err);
    }
    await this.sqlite.durable();
    return outcome;
  }

  async findByReference(reference: string): Promise<Booking | undefined> {
    const row = this.sqlite.stmt('SELECT * FROM bookings WHERE reference = ?').get(reference) as BookingRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  async cancel(reference: string, at: Date): Promise<boolean> {
    const r = this.sqlite
      .stmt("UPDATE bookings SET status = 'cancelled', last_event = 'cancelled', updated_at = ? WHERE reference = ? AND status = 'confirmed'")
      .run(at.getTime(), reference);
    await this.sqlite.durable();
    return r.changes === 1;
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    let changes: number;
    try {
      changes = this.sqlite
        .stmt(
          "UPDATE bookings SET starts_at = ?, ends_at = ?, location_id = ?, last_event = 'moved', updated_at = ? WHERE reference = ? AND status = 'confirmed'",
        )
        .run(start.getTime(), end.getTime(), locationId, at.getTime(), reference).changes;
    } catch (err) {
      if (uniqueViolation(err) === 'slot-taken') return 'slot-taken';
      throw err;
    }
    await this.sqlite.durable();
    return changes === 1 ? 'moved' : 'not-found';
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

  async deleteEndedBefore(before: Date): Promise<number> {
    const deleted = this.sqlite.stmt('DELETE FROM bookings WHERE ends_at < ?').run(before.getTime()).changes;
    await this.sqlite.durable();
    return deleted;
  }

  async deleteForUser(userKey: string): Promise<number> {
    const deleted = this.sqlite.stmt('DELETE FROM bookings WHERE user_key = ?').run(userKey).changes;
    await this.sqlite.durable();
    return deleted;
  }
}

function uniqueViolation(err: unknown): ClaimOutcome {
  const msg = String((err as { message?: unknown }).message ?? '');
  if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /bookings\.reference/.test(msg)) return 'reference-taken';
  if (/UNIQUE constraint failed/.test(msg)) return 'slot-taken';
  throw err;
}
