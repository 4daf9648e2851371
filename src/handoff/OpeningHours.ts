import { PracticeCalendar } from '../booking/PracticeCalendar';
import { toLocal } from '../booking/ZonedTime';
import { WEEKDAYS, type Practice } from '../knowledge';

/** True when any location of the practice is open at this instant (its time zone, closed days, public holidays). */
export function isPracticeOpen(practice: Practice, at: Date): boolean {
  const l = toLocal(at, practice.timeZone);
  if (PracticeCalendar.of(practice).closure(l)) return false;
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
