import { fromLocal, toLocal } from '../src/booking/ZonedTime';

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
