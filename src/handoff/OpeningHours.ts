import { toLocal } from '../booking/ZonedTime';
import { WEEKDAYS, type Practice } from '../knowledge';

/** True when any location of the practice is open at this instant (its time zone, closed days). */
export function isPracticeOpen(practice: Practice, at: Date): boolean {
  const l = toLocal(at, practice.timeZone);
  const iso = `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
  if (practice.closedDays.includes(iso)) return false;
  const minutes = l.hour * 60 + l.minute;
  const day = WEEKDAYS[l.weekday];
  return practice.locations.some((loc) =>
    loc.openingHours[day].some(([from, to]) => minutes >= toMinutes(from) && minutes < toMinutes(to)),
  );
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
