import type { BookedPeriod, Booking, ClaimOutcome, MoveTarget } from '../booking/Booking';
import type { BookingRepository } from '../booking/BookingRepository';
import { AgendaUnavailableError, type Agenda, type AgendaEventRef } from './Agenda';
import type { Clock } from '../util/Clock';
import type { Period } from './Period';
import type { Therapist, TherapistAgendas } from './TherapistAgendas';

/** What the therapist's calendar shows of a booking: no health details. */
export interface AgendaEventText {
  summary: string;
  description: string;
  location: string;
}

/**
 * The bookings the dialogs see: the store, with every claim, cancellation and move also made in
 * the therapist's agenda. A claim asks the calendar again (no cache), writes the event with
 * `If-None-Match: *`, and only then stores the booking, so the bot never confirms what is not in
 * both. When a calendar cannot be reached the operation throws {@link AgendaUnavailableError}
 * and nothing is confirmed. Without therapists in practice.yaml it is the store as it was.
 */
export class AgendaBookings implements BookingRepository {
  constructor(
    private readonly store: BookingRepository,
    private readonly agendas: TherapistAgendas,
    private readonly describe: (booking: Booking) => AgendaEventText,
    private readonly clock: Clock,
    private readonly warn: (event: string, err: unknown) => void = () => undefined,
  ) {}

  /**
   * Gives the slot to the first therapist who works then, does the type and is free now; another
   * therapist is tried when the first one's calendar turned out taken or unreachable.
   */
  async create(b: Booking): Promise<ClaimOutcome> {
    if (!this.agendas.enabled) return this.store.create(b);
    const period: Period = { start: b.start, end: b.end };
    let unreachable: unknown;
    for (const t of this.agendas.workingAt(b.locationId, period, b.appointmentTypeId)) {
      const written = await this.write(t, b, period).catch((err: unknown) => {
        if (!(err instanceof AgendaUnavailableError)) throw err;
        unreachable = err;
        return undefined;
      });
      if (!written) continue;
      let outcome: ClaimOutcome;
      try {
        outcome = await this.store.create({ ...b, therapistId: t.id, agendaEvent: written.event });
      } catch (err) {
        await this.removeQuietly(t.id, written.event);
        throw err;
      }
      if (outcome === 'created') return outcome;
      await this.removeQuietly(t.id, written.event);
      if (outcome === 'reference-taken') return outcome;
    }
    if (unreachable) throw unreachable;
    return 'slot-taken';
  }

  async cancel(reference: string, at: Date): Promise<boolean> {
    const b = await this.store.findByReference(reference);
    if (b?.status === 'confirmed' && b.therapistId && b.agendaEvent) {
      await this.agendaOf(b.therapistId)?.remove(b.agendaEvent);
      this.agendas.forget(b.therapistId);
    }
    return this.store.cancel(reference, at);
  }

  async move(reference: string, start: Date, end: Date, locationId: string, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    if (!this.agendas.enabled) return this.store.move(reference, start, end, locationId, at);
    const b = await this.store.findByReference(reference);
    if (!b || b.status !== 'confirmed') return 'not-found';
    const period: Period = { start, end };
    const moved: Booking = { ...b, start, end, locationId };
    // The same therapist when they can; the patient may have met them already.
    const candidates = this.agendas.workingAt(locationId, period, b.appointmentTypeId).sort((x, y) => Number(y.id === b.therapistId) - Number(x.id === b.therapistId));
    let unreachable: unknown;
    for (const t of candidates) {
      const written = await this.write(t, moved, period).catch((err: unknown) => {
        if (!(err instanceof AgendaUnavailableError)) throw err;
        unreachable = err;
        return undefined;
      });
      if (!written) continue;
      const outcome = await this.store.moveTo(reference, { start, end, locationId, therapistId: t.id, agendaEvent: written.event }, at);
      if (outcome !== 'moved') {
        await this.removeQuietly(t.id, written.event);
        if (outcome === 'not-found') return outcome;
        continue;
      }
      if (b.therapistId && b.agendaEvent) {
        try {
          await this.agendaOf(b.therapistId)?.remove(b.agendaEvent);
          this.agendas.forget(b.therapistId);
        } catch (err) {
          // The old appointment is still in the calendar: put the booking back where it was.
          const back: MoveTarget = { start: b.start, end: b.end, locationId: b.locationId, therapistId: b.therapistId, agendaEvent: b.agendaEvent };
          await this.store.moveTo(reference, back, at).catch((e: unknown) => this.warn('agenda_move_revert_failed', e));
          await this.removeQuietly(t.id, written.event);
          throw err;
        }
      }
      return 'moved';
    }
    if (unreachable) throw unreachable;
    return 'slot-taken';
  }

  moveTo(reference: string, target: MoveTarget, at: Date): Promise<'moved' | 'slot-taken' | 'not-found'> {
    return this.store.moveTo(reference, target, at);
  }

  findByReference(reference: string): Promise<Booking | undefined> {
    return this.store.findByReference(reference);
  }

  takenStarts(locationId: string, from: Date, to: Date): Promise<Date[]> {
    return this.store.takenStarts(locationId, from, to);
  }

  bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]> {
    return this.store.bookedBetween(from, to);
  }

  listChanged(since: Date, limit: number): Promise<Booking[]> {
    return this.store.listChanged(since, limit);
  }

  listStarting(from: Date, to: Date, limit: number): Promise<Booking[]> {
    return this.store.listStarting(from, to, limit);
  }

  deleteEndedBefore(before: Date): Promise<number> {
    return this.store.deleteEndedBefore(before);
  }

  findForUser(userKey: string): Promise<Booking[]> {
    return this.store.findForUser(userKey);
  }

  /**
   * "Verwijder mijn gegevens" cancels the patient's coming appointments: their events leave the
   * therapists' calendars first, so a calendar that cannot be reached stops the deletion. Past
   * appointments stay in the calendar: that is the practice's record of care given.
   */
  async deleteForUser(userKey: string, at: Date = this.clock.now()): Promise<number> {
    const now = this.clock.now();
    for (const b of await this.store.findForUser(userKey)) {
      if (b.status !== 'confirmed' || !b.therapistId || !b.agendaEvent || b.end <= now) continue;
      await this.agendaOf(b.therapistId)?.remove(b.agendaEvent);
      this.agendas.forget(b.therapistId);
    }
    return this.store.deleteForUser(userKey, at);
  }

  /** Re-checks the therapist's agenda and writes the event; undefined when they are not free. */
  private async write(t: Therapist, b: Booking, period: Period): Promise<{ event?: AgendaEventRef } | undefined> {
    if (!(await this.agendas.isFree(t, period))) return undefined;
    const written = await this.agendas.agenda(t.id).create({
      therapistId: t.id, reference: b.reference, start: b.start, end: b.end, stamp: this.clock.now(), ...this.describe(b),
    });
    this.agendas.forget(t.id);
    return written.outcome === 'created' ? { event: written.event } : undefined;
  }

  private agendaOf(therapistId: string): Agenda | undefined {
    return this.agendas.therapists.some((t) => t.id === therapistId) ? this.agendas.agenda(therapistId) : undefined;
  }

  /** Takes back an event the bot wrote for a claim that did not go through. */
  private async removeQuietly(therapistId: string, event: AgendaEventRef | undefined): Promise<void> {
    if (!event) return;
    await this.agendaOf(therapistId)?.remove(event).catch((err: unknown) => this.warn('agenda_event_not_removed', err));
  }
}
