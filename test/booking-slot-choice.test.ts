import { testAdapterFor } from './helpers/testApp';
import { bookingKit, no, screeningNo, type Locale } from './helpers/bookingScript';

// Choosing a time by its position or hour among those shown, and asking for later times when
// there are none: typed as patients type, in nl-NL and nl-BE, with the tests' clock (Monday 23
// November 2026, 10:00). Found by a patient-style test; the wordings here are our own.

const { appOf, talk, booked } = bookingKit();
const LOCALES: Locale[] = ['nl-NL', 'nl-BE'];
/** Typed answers up to the slot question, the hip on the right. */
const toSlots = (locale: Locale) => ['ik wil graag een afspraak', 'ja', 'heup', 'rechts', 'sinds de zomer', no(locale), ...screeningNo(locale)];
/** A patient's details, valid. */
const person = (locale: Locale) => (locale === 'nl-NL'
  ? { name: 'Anouk de Boer', birth: '3-9-1956', phone: '06 23456789' }
  : { name: 'Wout Janssens', birth: '3/9/1956', phone: '0486 11 22 33' });

describe('choosing a time among those shown', () => {
  const time = (d: Date) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);
  const times = (actions: string[]) => actions.filter((x) => /–/.test(x));
  const clock = (label: string) => /(\d{2}:\d{2})/.exec(label)![1];
  const laterLabel = (locale: Locale) => (locale === 'nl-NL' ? 'Latere tijden' : 'Latere momenten');

  it.each<[Locale, string, number | 'last']>([
    ['nl-NL', 'de laatste', 'last'], ['nl-BE', 'de laatste', 'last'], ['nl-NL', 'doe maar de tweede', 1], ['nl-BE', 'de eerste graag', 0], ['nl-NL', 'nummer 3', 2],
  ])('%s: "%s" picks that time, not a button after the times', async (locale, typed, which) => {
    const p = person(locale);
    const r = await talk(locale, [...toSlots(locale), typed, p.name, p.birth, p.phone, 'geen', 'ja']);
    const shown = times(r[toSlots(locale).length - 1].actions);
    expect(shown).toHaveLength(4);
    expect(r[toSlots(locale).length].text).toMatch(/voor- en achternaam/);
    const picked = shown[which === 'last' ? shown.length - 1 : which];
    expect(time((await booked(locale, r[r.length - 1].text)).start)).toBe(clock(picked));
  });

  it.each<[Locale, string]>([['nl-NL', 'die van tien uur'], ['nl-BE', 'die van 10 uur']])(
    '%s: "%s" picks the time shown in that hour', async (locale, typed) => {
      const p = person(locale);
      const r = await talk(locale, [...toSlots(locale), 'donderdag', typed, p.name, p.birth, p.phone, 'geen', 'ja']);
      const shown = times(r[toSlots(locale).length].actions);
      const ten = shown.filter((t) => /\b10:\d{2}/.test(t));
      expect(ten).toHaveLength(1);
      expect(r[toSlots(locale).length + 1].text).toMatch(/voor- en achternaam/);
      expect(time((await booked(locale, r[r.length - 1].text)).start)).toBe(clock(ten[0]));
    },
  );

  // 09:30 is "half ten" in Dutch: "the one at nine" does not take it (a seventh patient-style test
  // had "die van 2 uur" take 14:30). Thursday shows 08:00, 08:45, 09:30 and 10:15.
  it.each<[Locale, string]>([['nl-NL', 'die van negen uur'], ['nl-BE', 'doe maar die van 9 uur']])(
    '%s: "%s" with only 09:30 in that hour takes no time but says 09:00 is not free', async (locale, typed) => {
      const r = await talk(locale, [...toSlots(locale), 'donderdag', typed]);
      const n = toSlots(locale).length;
      expect(times(r[n].actions).map(clock)).toContain('09:30');
      expect(r[n + 1].text).not.toMatch(/voor- en achternaam/);
      expect(r[n + 1].text).toMatch(/09:00/);
    },
  );

  it.each(LOCALES)('%s: when no later time is left, "later times" is not offered again: another day or a person is', async (locale) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const r = await talk(locale, [...toSlots(locale), 'dinsdag na vijf uur', laterLabel(locale), 'latere tijden graag', 'Andere dag'], adapter);
    const n = toSlots(locale).length;
    // A page that is all there is offers no "later times".
    expect(times(r[n].actions).length).toBeGreaterThan(0);
    expect(times(r[n].actions).length).toBeLessThan(4);
    expect(r[n].actions).not.toContain(laterLabel(locale));
    // Typed anyway: said that there are none later that day, with another day and a person offered.
    for (const reply of [r[n + 1], r[n + 2]]) {
      expect(reply.text).toMatch(/Op dinsdag 24 november zijn er geen latere (tijden|momenten) meer vrij/);
      expect(reply.text).not.toMatch(/Latere/);
      expect(reply.actions).toEqual(['Andere dag', 'Iemand spreken']);
    }
    expect(r[n + 3].text).toMatch(/Welke dag/);
    const person = await talk(locale, ['Iemand spreken'], adapter);
    expect(person[0].text).toMatch(/terugbel|bellen/);
  });

  it.each(LOCALES)('%s: a page with more after it still offers later times, and they follow on', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), laterLabel(locale)]);
    const n = toSlots(locale).length;
    expect(r[n - 1].actions).toContain(laterLabel(locale));
    const first = times(r[n - 1].actions);
    const next = times(r[n].actions);
    expect(next).toHaveLength(4);
    for (const t of next) expect(first).not.toContain(t);
  });
});
