/** A calendar date and wall-clock time in the practice's time zone. */
export interface LocalDateTime {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Conversions kept, per time zone and minute; cleared when full. */
const LOCAL_MINUTES_KEPT = 512;
const localMinutes = new Map<string, Readonly<LocalDateTime & { weekday: number }>>();

/**
 * The wall-clock date and time of an instant in a time zone (DST included). Intl's conversion
 * costs tens of microseconds, and every slot search and date question asks for the current
 * minute again: each minute of each zone is converted once.
 */
export function toLocal(instant: Date, timeZone: string): LocalDateTime & { weekday: number } {
  const key = `${timeZone} ${Math.floor(instant.getTime() / 60000)}`;
  let local = localMinutes.get(key);
  if (!local) {
    local = Object.freeze(convert(instant, timeZone));
    if (localMinutes.size >= LOCAL_MINUTES_KEPT) localMinutes.clear();
    localMinutes.set(key, local);
  }
  return { ...local };
}

function convert(instant: Date, timeZone: string): LocalDateTime & { weekday: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday);
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, weekday };
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. Computed from the zone's
 * offset at a first guess and corrected once, which is exact except inside the skipped hour of
 * a spring-forward (no practice opens at 02:30 on a Sunday).
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  // Not through the memo: these are arbitrary instants, not the current minute asked again.
  const l = convert(instant, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - Math.floor(instant.getTime() / 60000) * 60000;
}

/** Adds whole days to a calendar date. */
export function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday, for a calendar date. */
export function weekdayOf(date: { year: number; month: number; day: number }): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** YYYY-MM-DD. */
export function isoDate(date: { year: number; month: number; day: number }): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
