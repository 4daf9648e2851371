import type { Pool } from 'pg';
import type { Booking, ClaimOutcome } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { fromRow, toRow, type BookingRow } from '../booking/BookingRow';

/** Bookings in PostgreSQL; the partial unique index makes a double booking impossible. */
export class PostgresBookingRepository implements BookingRepository {
  constructor(private readonly pool: Pool) {}

  async create(b: Booking): Promise<ClaimOutcome> {
    const r = toRow(b);
    try {
      await this.pool.query(
        `INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [r.reference, r.status, r.location_id, r.appointment_type_id, r.starts_at, r.ends_at, r.user_key, r.channel, r.locale, r.details, r.created_at, r.updated_at, r.last_event],
      );
      return 'created';
    } catch (err) {
      return uniqueViolation(err);
    }
  }

  async findByReference(reference: string): Promise<Booking | undefined> {
    const { rows } = await this.pool.query<BookingRow>('SELECT * FROM bookings WHERE reference = $1', [reference]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async cancel(reference: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      "UPDATE bookings SET status = 'cancelled', last_event = 'cancelled', updated_at = $1 WHERE reference = $2 AND status = 'confirmed'",
      [at.getTime(), reference],
    );
    return r.rowCount === 1;
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    try {
      const r = await this.pool.query(
        "UPDATE bookings SET starts_at = $1, ends_at = $2, location_id = $3, last_event = 'moved', updated_at = $4 WHERE reference = $5 AND status = 'confirmed'",
        [start.getTime(), end.getTime(), locationId, at.getTime(), reference],
      );
      return r.rowCount === 1 ? 'moved' : 'not-found';
    } catch (err) {
      if (uniqueViolation(err) === 'slot-taken') return 'slot-taken';
      throw err;
    }
  }

  async takenStarts(locationId: string, from: Date, to: Date): Promise<Date[]> {
    const { rows } = await this.pool.query<{ starts_at: string }>(
      "SELECT starts_at FROM bookings WHERE status = 'confirmed' AND location_id = $1 AND starts_at >= $2 AND starts_at < $3",
      [locationId, from.getTime(), to.getTime()],
    );
    return rows.map((r) => new Date(Number(r.starts_at)));
  }

  async listChanged(since: Date, limit: number): Promise<Booking[]> {
    const { rows } = await this.pool.query<BookingRow>('SELECT * FROM bookings WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT $2', [since.getTime(), limit]);
    return rows.map(fromRow);
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM bookings WHERE ends_at < $1', [before.getTime()])).rowCount ?? 0;
  }

  async deleteForUser(userKey: string): Promise<number> {
    return (await this.pool.query('DELETE FROM bookings WHERE user_key = $1', [userKey])).rowCount ?? 0;
  }
}

function uniqueViolation(err: unknown): ClaimOutcome {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505') return e.constraint === 'bookings_pkey' ? 'reference-taken' : 'slot-taken';
  throw err;
}
