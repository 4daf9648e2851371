// ical.js ships a CommonJS build (what Node loads here) but declares its types as an ES module;
// TypeScript's node16 resolution then refuses the import although it works and stays typed.
// @ts-expect-error TS1479: ESM-only type declarations of a package with a CommonJS build
import ICAL from 'ical.js';
import { fromLocal } from '../booking/ZonedTime';
import type { Period } from './Period';

/** Occurrences expanded per recurring event at most: a runaway rule must not hang a turn. */
const MAX_OCCURRENCES = 2000;

/**
 * The busy periods in [from, to) of one iCalendar object as a CalDAV server returns it: single
 * events, recurring events expanded (RRULE, RDATE, EXDATE, moved or cancelled occurrences), all-day
 * events as whole days. Transparent ("free") and cancelled events are not busy. Times without a
 * zone ("floating") are read in the practice's time zone.
 */
export function busyPeriods(ics: string, from: Date, to: Date, timeZone: string): Period[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = root.getAllSubcomponents('vevent');
  const masters = events.filter((e: ICAL.Component) => !e.hasProperty('recurrence-id'));
  const exceptions = events.filter((e: ICAL.Component) => e.hasProperty('recurrence-id'));
  const out: Period[] = [];
  const keep = (start: Date, end: Date, component: ICAL.Component) => {
    if (!isBusy(component)) return;
    if (start < to && end > from) out.push({ start, end: end > start ? end : new Date(start.getTime() + 60000) });
  };
  const masterUids = new Set<string>();
  for (const master of masters) {
    const uid = String(master.getFirstPropertyValue('uid') ?? '');
    masterUids.add(uid);
    const event = new ICAL.Event(master, { strictExceptions: false, exceptions: exceptions.filter((e: ICAL.Component) => String(e.getFirstPropertyValue('uid') ?? '') === uid) });
    if (!event.isRecurring()) {
      keep(instant(event.startDate, timeZone), endOf(event.startDate, event.endDate, timeZone), master);
      continue;
    }
    const iterator = event.iterator();
    for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i++, next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = instant(details.startDate, timeZone);
      // Occurrences come in order of their original start; a moved one may start later or earlier.
      if (start.getTime() >= to.getTime() + 7 * 86400000 && !details.item.isRecurrenceException()) break;
      keep(start, endOf(details.startDate, details.endDate, timeZone), details.item.component);
    }
  }
  // A moved occurrence stored without its series (a server may send only what matched).
  for (const e of exceptions) {
    if (masterUids.has(String(e.getFirstPropertyValue('uid') ?? ''))) continue;
    const event = new ICAL.Event(e);
    keep(instant(event.startDate, timeZone), endOf(event.startDate, event.endDate, timeZone), e);
  }
  return out;
}

function isBusy(component: ICAL.Component): boolean {
  const transp = String(component.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp !== 'TRANSPARENT' && status !== 'CANCELLED';
}

/** An event without DTEND or DURATION lasts a day when it is all-day, a moment otherwise. */
function endOf(start: ICAL.Time, end: ICAL.Time | undefined, timeZone: string): Date {
  if (end) return instant(end, timeZone);
  const s = instant(start, timeZone);
  return start.isDate ? new Date(s.getTime() + 86400000) : s;
}

/**
 * An iCalendar time as an instant. UTC and zones the object defined convert through ical.js; a
 * TZID without its VTIMEZONE (Google, some desk systems) is taken as an IANA name; an all-day date
 * or a floating time is the practice's wall clock.
 */
function instant(t: ICAL.Time, timeZone: string): Date {
  const local = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute };
  if (t.isDate) return fromLocal(local, timeZone);
  const tzid = t.zone?.tzid;
  if (tzid === 'UTC' || tzid === 'Z') return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  if (tzid && tzid !== 'floating' && ICAL.TimezoneService.has(tzid)) return t.toJSDate();
  const named = (t as unknown as { timezone?: string }).timezone;
  const zone = named && isIanaZone(named) ? named : timeZone;
  const wall = fromLocal(local, zone);
  return new Date(wall.getTime() + t.second * 1000);
}

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
