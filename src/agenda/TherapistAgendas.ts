import type { BookedPeriod } from '../booking/Booking';
import { toLocal } from '../booking/ZonedTime';
import type { Practice } from '../knowledge/types';
import { WEEKDAYS } from '../knowledge/schemas';
import type { Clock } from '../util/Clock';
import { AgendaUnavailableError, type Agenda } from './Agenda';
import { overlaps, type Period } from './Period';

/** A therapist as practice.yaml describes them. */
export type Therapist = Practice['agenda']['therapists'][number];

/** The bot's own confirmed bookings: what every agenda has on top of its calendar. */
export interface BookedPeriods {
  bookedBetween(from: Date, to: Date): Promise<BookedPeriod[]>;
}

/** How long a calendar's busy times may be reused for offering slots (never for confirming). */
export const BUSY_CACHE_MS = 60_000;

interface CachedBusy {
  at: number;
  from: number;
  to: number;
  periods: Period[];
}

/**
 * The therapists of practice.yaml with their agendas: who works where and when, who does which
 * appointment type, and when each is busy, in their calendar or in the bot's own bookings.
 * Calendar reads for offering slots are kept for at most {@link BUSY_CACHE_MS} (by the injected
 * clock); a confirmation asks the calendar again.
 */
export class TherapistAgendas {
  private readonly cache = new Map<string, CachedBusy>();

  constructor(
    private readonly practice: Practice,
    private readonly agendas: ReadonlyMap<string, Agenda>,
    private readonly booked: BookedPeriods,
    private readonly clock: Clock,
  ) {}

  /** True when practice.yaml lists therapists (otherwise the locations' opening hours are the agenda). */
  get enabled(): boolean {
    return this.practice.agenda.therapists.length > 0;
  }

  get therapists(): readonly Therapist[] {
    return this.practice.agenda.therapists;
  }

  agenda(therapistId: string): Agenda {
    const a = this.agendas.get(therapistId);
    if (!a) throw new Error(`no agenda for therapist ${therapistId}`);
    return a;
  }

  /**
   * The therapists who do this appointment type (by default the practice's first, the intake the
   * bot books) and whose working hours at the location hold the whole period.
   */
  workingAt(locationId: string, period: Period, appointmentTypeId?: string): Therapist[] {
    const type = appointmentTypeId ?? this.practice.appointmentTypes[0].id;
    const local = toLocal(period.start, this.practice.timeZone);
    const from = local.hour * 60 + local.minute;
    const to = from + Math.round((period.end.getTime() - period.start.getTime()) / 60000);
    return this.therapists.filter((t) => {
      if (!t.appointmentTypes.includes(type)) return false;
      const spans = t.workingHours[locationId]?.[WEEKDAYS[local.weekday]] ?? [];
      return spans.some(([open, close]) => minutes(open) <= from && to <= minutes(close));
    });
  }

  /**
   * Busy periods of each therapist in [from, to): their calendar plus the bot's own bookings.
   * A therapist whose calendar cannot be read is left out of the map (offer the others); when
   * none can be read, {@link AgendaUnavailableError} is thrown.
   */
  async busyOf(therapists: readonly Therapist[], from: Date, to: Date, fresh = false): Promise<Map<string, Period[]>> {
    const own = await this.booked.bookedBetween(from, to);
    const out = new Map<string, Period[]>();
    let failure: unknown;
    await Promise.all(
      therapists.map(async (t) => {
        try {
          const calendar = await this.calendarBusy(t.id, from, to, fresh);
          // A booking made before therapists were configured has none: it blocks its location.
          const mine = own.filter((b) => b.therapistId === t.id || (!b.therapistId && t.workingHours[b.locationId]));
          out.set(t.id, [...calendar, ...mine]);
        } catch (err) {
          if (!(err instanceof AgendaUnavailableError)) throw err;
          failure = err;
        }
      }),
    );
    if (failure && out.size === 0 && therapists.length > 0) throw failure;
    return out;
  }

  /** True when the therapist has nothing in the period (asks the calendar, no cache). */
  async isFree(therapist: Therapist, period: Period): Promise<boolean> {
    const busy = (await this.busyOf([therapist], period.start, period.end, true)).get(therapist.id) ?? [];
    const free = !busy.some((b) => overlaps(b, period));
    if (!free) this.cache.delete(therapist.id);
    return free;
  }

  /** Forgets what is known of a therapist's calendar (after the bot wrote to it). */
  forget(therapistId: string): void {
    this.cache.delete(therapistId);
  }

  private async calendarBusy(therapistId: string, from: Date, to: Date, fresh: boolean): Promise<Period[]> {
    const agenda = this.agenda(therapistId);
    if (agenda.kind === 'built-in') return [];
    const now = this.clock.now().getTime();
    const hit = this.cache.get(therapistId);
    if (!fresh && hit && now - hit.at < BUSY_CACHE_MS && hit.at <= now && hit.from <= from.getTime() && hit.to >= to.getTime()) {
      return hit.periods.filter((p) => p.start < to && p.end > from);
    }
    if (fresh) return agenda.busy(from, to);
    // A little wider than asked, so the next search (a minute of clock later) is served too.
    const wideFrom = new Date(from.getTime() - (from.getTime() % 3600000));
    const wideTo = new Date(to.getTime() + 86400000);
    const periods = await agenda.busy(wideFrom, wideTo);
    this.cache.set(therapistId, { at: now, from: wideFrom.getTime(), to: wideTo.getTime(), periods });
    return periods.filter((p) => p.start < to && p.end > from);
  }
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
