import type { TherapistAgendas } from '../agenda/TherapistAgendas';
import { overlaps } from '../agenda/Period';
import type { Practice } from '../knowledge/types';
import type { Clock } from '../util/Clock';
import { addDays, fromLocal, isoDate, toLocal, weekdayOf } from './ZonedTime';
import type { Slot } from './Slot';
import type { SlotQuery } from './SlotQuery';
import { WEEKDAYS } from '../knowledge/schemas';
import { PracticeCalendar } from './PracticeCalendar';

/** Anything that knows which slots are taken; the booking repository in production. */
export interface TakenSlots {
  takenStarts(locationId: string, from: Date, to: Date): Promise<Date[]>;
}

/** Days whose offset is kept: a few horizons' worth. */
const DAY_OFFSETS_KEPT = 1000;

/** A time the patient names ("14:45") is met by a slot this close to it. */
const AROUND_MINUTES = 90;

const PART_OF_DAY: Record<string, [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, 24 * 60] };

/**
 * Finds free slots: inside a location's opening hours, not on a closed day or a public holiday of
 * the practice's country, not in the past
 * (with a lead time), not overlapping a stored booking. All slots sit on one grid per location
 * whose step is the longest appointment type, so two types can never overlap. With therapists
 * in practice.yaml, a slot is instead where one of them works (on a grid from the start of their
 * hours) and is free in their agenda: their CalDAV calendar and the bot's own bookings.
 */
export class AvailabilityService {
  private readonly step: number;
  /** Per time zone and calendar day: its one UTC offset in ms, or null on a changeover day. */
  private readonly dayOffsets = new Map<string, number | null>();

  constructor(
    private readonly practice: Practice,
    private readonly taken: TakenSlots,
    private readonly clock: Clock,
    private readonly options: { leadMinutes: number; horizonDays: number } = { leadMinutes: 120, horizonDays: 60 },
    private readonly agendas?: TherapistAgendas,
  ) {
    this.step = Math.max(...practice.appointmentTypes.map((t) => t.durationMinutes));
  }

  /** How many days ahead free times are looked for. */
  get horizonDays(): number {
    return this.options.horizonDays;
  }

  /**
   * Up to `limit` free slots matching the query, earliest first, skipping the first `offset`;
   * at one location when `locationId` or the query's names one.
   */
  async find(query: SlotQuery, limit = 4, offset = 0, locationId = query.locationId): Promise<Slot[]> {
    if (this.agendas?.enabled) return this.findWithTherapists(this.agendas, query, limit, offset, locationId);
    const now = this.clock.now();
    const earliest = new Date(now.getTime() + this.options.leadMinutes * 60000);
    const tz = this.practice.timeZone;
    const today = toLocal(now, tz);
    const horizon = new Date(now.getTime() + this.options.horizonDays * 86400000);
    const locations = this.practice.locations.filter((l) => !locationId || l.id === locationId);
    const takenByLocation = new Map<string, Set<number>>();
    for (const loc of locations) {
      takenByLocation.set(loc.id, new Set((await this.taken.takenStarts(loc.id, now, horizon)).map((d) => d.getTime())));
    }
    const out: Slot[] = [];
    let skipped = 0;
    const calendar = PracticeCalendar.of(this.practice);
    for (let i = 0; i <= this.options.horizonDays && out.length < limit; i++) {
      const date = addDays(today, i);
      const iso = isoDate(date);
      if (query.date && iso !== query.date) continue;
      if (calendar.closure(date)) continue;
      if (query.fromDate && iso < query.fromDate) continue;
      const weekday = weekdayOf(date);
      if (query.weekday !== undefined && weekday !== query.weekday) continue;
      const candidates: Slot[] = [];
      const instantOf = this.dayClock(date, tz);
      for (const loc of locations) {
        for (const [open, close] of loc.openingHours[WEEKDAYS[weekday]]) {
          const [oh, om] = open.split(':').map(Number);
          const [ch, cm] = close.split(':').map(Number);
          for (let m = oh * 60 + om; m + this.step <= ch * 60 + cm; m += this.step) {
            if (!this.matchesTime(m, query)) continue;
            const start = instantOf(m);
            if (start < earliest || takenByLocation.get(loc.id)!.has(start.getTime())) continue;
            candidates.push({ locationId: loc.id, start, end: new Date(start.getTime() + this.step * 60000) });
          }
        }
      }
      // "dinsdag 14:45": the nearest times first.
      const around = query.atMinutes;
      const distance = (slot: Slot) => (around === undefined ? 0 : Math.abs(slot.start.getTime() - instantOf(around).getTime()));
      candidates.sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime());
      for (const c of candidates) {
        if (out.length >= limit) break;
        if (skipped < offset) skipped += 1;
        else out.push(c);
      }
    }
    return out;
  }

  /**
   * Slots where a therapist who does the appointment type works and is free. A slot is offered
   * once per location and time however many therapists are free then; which of them gets the
   * booking is decided when it is confirmed (see AgendaBookings).
   */
  private async findWithTherapists(agendas: TherapistAgendas, query: SlotQuery, limit: number, offset: number, locationId?: string): Promise<Slot[]> {
    const now = this.clock.now();
    const earliest = new Date(now.getTime() + this.options.leadMinutes * 60000);
    const tz = this.practice.timeZone;
    const today = toLocal(now, tz);
    // The last day searched is searched to its end (and a day more: time zones).
    const horizon = new Date(now.getTime() + (this.options.horizonDays + 2) * 86400000);
    const locations = this.practice.locations.filter((l) => !locationId || l.id === locationId);
    const type = query.appointmentTypeId ?? this.practice.appointmentTypes[0].id;
    const therapists = agendas.therapists.filter((t) => t.appointmentTypes.includes(type) && locations.some((l) => t.workingHours[l.id]));
    const busy = await agendas.busyOf(therapists, now, horizon);
    const closed = new Set(this.practice.closedDays);
    const out: Slot[] = [];
    let skipped = 0;
    for (let i = 0; i <= this.options.horizonDays && out.length < limit; i++) {
      const date = addDays(today, i);
      const iso = isoDate(date);
      if (closed.has(iso)) continue;
      if (query.date && iso !== query.date) continue;
      if (query.fromDate && iso < query.fromDate) continue;
      const weekday = weekdayOf(date);
      if (query.weekday !== undefined && weekday !== query.weekday) continue;
      const instantOf = this.dayClock(date, tz);
      const candidates = new Map<string, Slot>();
      for (const loc of locations) {
        for (const t of therapists) {
          const theirs = busy.get(t.id);
          if (!theirs) continue;
          for (const [open, close] of t.workingHours[loc.id]?.[WEEKDAYS[weekday]] ?? []) {
            const [oh, om] = open.split(':').map(Number);
            const [ch, cm] = close.split(':').map(Number);
            for (let m = oh * 60 + om; m + this.step <= ch * 60 + cm; m += this.step) {
              if (!this.matchesTime(m, query)) continue;
              const start = instantOf(m);
              const slot = { locationId: loc.id, start, end: new Date(start.getTime() + this.step * 60000) };
              const key = `${loc.id}@${start.getTime()}`;
              if (start < earliest || candidates.has(key) || theirs.some((b) => overlaps(b, slot))) continue;
              candidates.set(key, slot);
            }
          }
        }
      }
      for (const c of [...candidates.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.locationId.localeCompare(b.locationId))) {
        if (out.length >= limit) break;
        if (skipped < offset) skipped += 1;
        else out.push(c);
      }
    }
    return out;
  }

  /**
   * Minutes after local midnight → instant, for one calendar day. Time-zone conversion through
   * Intl is slow (it was most of a slot search), and the zone's offset only changes at night:
   * when it is the same at 00:00 and 23:59, one offset serves the whole day; on the two
   * changeover days every time is converted on its own.
   */
  private dayClock(date: { year: number; month: number; day: number }, tz: string): (minutes: number) => Date {
    const exact = (m: number): Date => fromLocal({ ...date, hour: Math.floor(m / 60), minute: m % 60 }, tz);
    const wall = (m: number): number => Date.UTC(date.year, date.month - 1, date.day, 0, m);
    // A day's offset never changes, and every slot search walks the same days again.
    const key = `${tz} ${date.year}-${date.month}-${date.day}`;
    let offset = this.dayOffsets.get(key);
    if (offset === undefined) {
      const first = wall(0) - exact(0).getTime();
      const last = wall(23 * 60 + 59) - exact(23 * 60 + 59).getTime();
      offset = first === last ? first : null;
      if (this.dayOffsets.size >= DAY_OFFSETS_KEPT) this.dayOffsets.clear();
      this.dayOffsets.set(key, offset);
    }
    if (offset === null) return exact;
    const fixed = offset;
    return (m) => new Date(wall(m) - fixed);
  }

  private matchesTime(minutes: number, q: SlotQuery): boolean {
    if (q.partOfDay) {
      const [from, to] = PART_OF_DAY[q.partOfDay];
      if (minutes < from || minutes >= to) return false;
    }
    if (q.atMinutes !== undefined && Math.abs(minutes - q.atMinutes) > AROUND_MINUTES) return false;
    if (q.afterMinutes !== undefined && minutes < q.afterMinutes) return false;
    if (q.beforeMinutes !== undefined && minutes >= q.beforeMinutes) return false;
    return true;
  }
}
