import Holidays from 'date-holidays';
import { WEEKDAYS, type Practice } from '../knowledge';
import { weekdayOf } from './ZonedTime';

/** Why the practice is closed on a day: a public holiday (with its name), a day off of its own, or no hours that weekday. */
export type Closure = { kind: 'holiday'; name: string } | { kind: 'closed-day' } | { kind: 'no-hours' };

const calendars = new WeakMap<Practice, PracticeCalendar>();

/**
 * The practice's days: the weekly opening hours of `practice.yaml`, its own closed days, and the
 * public holidays of its country (NL or BE, from the maintained `date-holidays` data, with their
 * Dutch names). Holidays are computed once per year.
 */
export class PracticeCalendar {
  private readonly holidays: Holidays;
  private readonly years = new Map<number, Map<string, string>>();
  private readonly closedDays: Set<string>;

  constructor(private readonly practice: Practice) {
    this.holidays = new Holidays(practice.country, { languages: ['nl'], timezone: practice.timeZone, types: ['public'] });
    this.closedDays = new Set(practice.closedDays);
  }

  /** One calendar per practice object (the holiday tables are not small). */
  static of(practice: Practice): PracticeCalendar {
    let c = calendars.get(practice);
    if (!c) {
      c = new PracticeCalendar(practice);
      calendars.set(practice, c);
    }
    return c;
  }

  /** The public holiday on a date (YYYY-MM-DD), by its Dutch name. */
  holiday(iso: string): string | undefined {
    const year = Number(iso.slice(0, 4));
    let days = this.years.get(year);
    if (!days) {
      days = new Map();
      for (const h of this.holidays.getHolidays(year) || []) if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
      this.years.set(year, days);
    }
    return days.get(iso);
  }

  /** The public holidays from a date (YYYY-MM-DD) on, for a year, in date order, by their Dutch names. */
  holidaysFrom(iso: string): { iso: string; name: string }[] {
    const year = Number(iso.slice(0, 4));
    this.holiday(`${year}-01-01`);
    this.holiday(`${year + 1}-01-01`);
    const until = `${year + 1}${iso.slice(4)}`;
    return [...this.years.get(year)!, ...this.years.get(year + 1)!]
      .filter(([d]) => d >= iso && d < until)
      .map(([d, name]) => ({ iso: d, name }))
      .sort((a, b) => a.iso.localeCompare(b.iso));
  }

  /** Why no location of the practice (or the given one) is open on this date, or undefined when one is. */
  closure(date: { year: number; month: number; day: number }, locationId?: string): Closure | undefined {
    const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    const name = this.holiday(iso);
    if (name) return { kind: 'holiday', name };
    if (this.closedDays.has(iso)) return { kind: 'closed-day' };
    const day = WEEKDAYS[weekdayOf(date)];
    const open = this.practice.locations.some((l) => (!locationId || l.id === locationId) && l.openingHours[day].length > 0);
    return open ? undefined : { kind: 'no-hours' };
  }
}
