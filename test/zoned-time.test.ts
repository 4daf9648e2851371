import { join } from 'node:path';
import { AvailabilityService } from '../src/booking/AvailabilityService';
import { fromLocal, isoDate, toLocal } from '../src/booking/ZonedTime';
import { loadValidatedKnowledge } from '../src/knowledge';
import { WEEKDAYS } from '../src/knowledge/schemas';
import { FixedClock } from '../src/util/Clock';

describe('times in the practice time zone, daylight saving included', () => {
  it.each<[string, string, string]>([
    ['Europe/Amsterdam', '2026-11-24 09:00', '2026-11-24T08:00:00.000Z'], // winter, UTC+1
    ['Europe/Amsterdam', '2026-07-14 09:00', '2026-07-14T07:00:00.000Z'], // summer, UTC+2
    ['Europe/Brussels', '2027-03-29 09:00', '2027-03-29T07:00:00.000Z'], // the Monday after the spring change
    ['Europe/Brussels', '2026-10-26 09:00', '2026-10-26T08:00:00.000Z'], // the Monday after the autumn change
  ])('%s %s is %s', (zone, local, utc) => {
    const [d, t] = local.split(' ');
    const [year, month, day] = d.split('-').map(Number);
    const [hour, minute] = t.split(':').map(Number);
    const instant = fromLocal({ year, month, day, hour, minute }, zone);
    expect(instant.toISOString()).toBe(utc);
    expect(toLocal(instant, zone)).toMatchObject({ year, month, day, hour, minute });
  });
});

describe('slot times on the days the clocks change', () => {
  const kb = loadValidatedKnowledge(join(__dirname, '..', 'knowledge'));
  // Open on Sundays too, so the changeover Sundays themselves have slots.
  const hours = [['08:00', '12:00'] as [string, string]];
  const practice = {
    ...kb.practice,
    closedDays: [],
    locations: [{ ...kb.practice.locations[0], openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, hours])) as typeof kb.practice.locations[0]['openingHours'] }],
  };
  const noBookings = { takenStarts: async () => [] };

  it.each<[string, string, string]>([
    ['2026-03-28', '2026-03-27T12:00:00Z', '07:00'], // Saturday before spring forward: UTC+1
    ['2026-03-29', '2026-03-28T12:00:00Z', '06:00'], // spring-forward Sunday: UTC+2 all opening hours (2027's is Easter, a public holiday)
    ['2026-10-25', '2026-10-24T12:00:00Z', '07:00'], // autumn-back Sunday: UTC+1 all opening hours
    ['2026-07-14', '2026-07-13T12:00:00Z', '06:00'], // summer
  ])('on %s (now %s) the 08:00 slot starts at %s UTC', async (date, now, utcStart) => {
    const service = new AvailabilityService(practice, noBookings, new FixedClock(new Date(now)));
    const slots = await service.find({ date }, 10);
    expect(slots.length).toBeGreaterThan(0);
    // Searched again, with the day's offset kept from the first search: the same times.
    expect(await service.find({ date }, 10)).toEqual(slots);
    expect(slots[0].start.toISOString()).toBe(`${date}T${utcStart}:00.000Z`);
    for (const s of slots) {
      const local = toLocal(s.start, practice.timeZone);
      expect(isoDate(local)).toBe(date);
      expect(s.start.getTime()).toBe(fromLocal({ ...local }, practice.timeZone).getTime());
    }
  });
});

describe('toLocal, asked again for the same minute', () => {
  it('answers the same, and a caller that changes its answer changes nothing for the next', () => {
    const at = new Date('2026-03-29T00:59:30Z'); // the minute before the spring-forward in Amsterdam
    const first = toLocal(at, 'Europe/Amsterdam');
    first.hour = 99;
    expect(toLocal(new Date('2026-03-29T00:59:59Z'), 'Europe/Amsterdam')).toEqual({ year: 2026, month: 3, day: 29, hour: 1, minute: 59, weekday: 6 });
    expect(toLocal(new Date('2026-03-29T01:00:00Z'), 'Europe/Amsterdam')).toMatchObject({ hour: 3, minute: 0 });
  });
});
