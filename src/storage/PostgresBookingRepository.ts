import type { Pool } from 'pg';
import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { fromRow, toRow, type BookingRow } from '../booking/BookingRow';

/** Bookings in PostgreSQL; the partial unique index makes a double booking impossible. */
export class PostgresBookingRepository implements BookingRepository {
  constructor(private readonly pool: Pool) {}

  async create(b: Booking): Promise<ClaimOutcome> {
    const r = toRow(b);
    try {
      await this.pool.query(
        `INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event, therapist_id, agenda_event)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [r.reference, r.status, r.location_id, r.appointment_type_id, r.starts_at, r.ends_at, r.user_key, r.channel, r.locale, r.details, r.created_at, r.updated_at, r.last_event, r.therapist_id ?? null, r.agenda_event ?? null],
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
      `UPDATE bookings SET status = 'cancelled', last_event = 'cancelled', updated_at = $1, ${FORGET} WHERE reference = $2 AND status = 'confirmed'`,
      [at.getTime(), reference],
    );
    return r.rowCount === 1;
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    const current = await this.findByReference(reference);
    return this.moveTo(reference, { start, end, locationId, therapistId: current?.therapistId, agendaEvent: current?.agendaEvent }, at);
  }

  async moveTo(reference: string, t: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    try {
      const r = await this.pool.query(
        `UPDATE bookings SET starts_at = $1, ends_at = $2, location_id = $3, therapist_id = $4, agenda_event = $5, last_event = 'moved', updated_at = $6
         WHERE reference = $7 AND status = 'confirmed'`,
        [t.start.getTime(), t.end.getTime(), t.locationId, t.therapistId ?? null, t.agendaEvent ? JSON.stringify(t.agendaEvent) : null, at.getTime(), reference],
      );
      return r.rowCount === 1 ? 'moved' : 'not-found';
    } catch (err) {
      if (uniqueViolation(err) === 'slot-taken') return 'slot-taken';
      throw err;
    }
  }

  async bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]> {
    const { rows } = await this.pool.query<{ location_id: string; therapist_id: string | null; starts_at: string; ends_at: string }>(
      "SELECT location_id, therapist_id, starts_at, ends_at FROM bookings WHERE status = 'confirmed' AND starts_at < $1 AND ends_at > $2",
      [to.getTime(), from.getTime()],
    );
    return rows.map((r) => ({
      locationId: r.location_id, ...(r.therapist_id ? { therapistId: r.therapist_id } : {}), start: new Date(Number(r.starts_at)), end: new Date(Number(r.ends_at)),
    }));
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

  async listStarting(from: Date, to: Date, limit: number): Promise<Booking[]> {
    const { rows } = await this.pool.query<BookingRow>('SELECT * FROM bookings WHERE starts_at >= $1 AND starts_at < $2 ORDER BY starts_at LIMIT $3', [from.getTime(), to.getTime(), limit]);
    return rows.map(fromRow);
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM bookings WHERE ends_at < $1', [before.getTime()])).rowCount ?? 0;
  }

  async findForUser(userKey: string): Promise<Booking[]> {
    // Cancelled bookings have no user: an empty key must not find them all.
    if (!userKey) return [];
    return (await this.pool.query<BookingRow>('SELECT * FROM bookings WHERE user_key = $1', [userKey])).rows.map(fromRow);
  }

  async deleteForUser(userKey: string, at: Date): Promise<number> {
    if (!userKey) return 0;
    const r = await this.pool.query(`UPDATE bookings SET status = 'cancelled', last_event = 'deleted', updated_at = $1, ${FORGET} WHERE user_key = $2`, [at.getTime(), userKey]);
    return r.rowCount ?? 0;
  }
}

/** What a cancelled booking forgets: the patient's details, who they are, the calendar event. */
const FORGET = "details = '{}'::jsonb, user_key = '', agenda_event = NULL";

function uniqueViolation(err: unknown): ClaimOutcome {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505') return e.constraint === 'bookings_pkey' ? 'reference-taken' : 'slot-taken';
  throw err;
}
