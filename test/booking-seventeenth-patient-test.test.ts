import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// Flows a seventeenth patient-style test found losing what was said or stuck: "stop" at the
// summary threw every answer away at once. Typed as patients type, nl-NL and nl-BE, with the
// tests' clock.

const { talk } = bookingKit();

/** A booking of the first free time for the locale's person (a right hip), up to its summary card. */
const toSummary = (locale: Locale) => {
  const p = person(locale);
  return ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
};

describe('a stop at the summary asks first, and a no keeps every answer', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'stoppen', 'o nee wacht, toch niet stoppen! verder'],
    ['nl-NL', 'Stoppen', 'nee'],
    ['nl-BE', 'stoppen', 'neenee, niet stoppen! verder'],
    ['nl-BE', 'ik wil stoppen', 'Neen, verder'],
  ])('%s: "%s", then "%s", then the booking is confirmed', async (locale, stop, goOn) => {
    const r = await talk(locale, [...toSummary(locale), stop, goOn, 'Bevestigen']);
    const [asked, back, done] = r.slice(-3);
    expect(asked.text).toMatch(/Wil je stoppen met de afspraak\?/);
    expect(asked.actions).toEqual(['Ja, stoppen', locale === 'nl-NL' ? 'Nee, verder' : 'Neen, verder']);
    expect(back.text).toMatch(/dan (gaan|doen) we verder/);
    expect(back.actions).toContain('Bevestigen');
    expect(done.text).toMatch(/referentie is/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'Ja, stoppen'],
    ['nl-BE', 'ja'],
  ])('%s: a yes ("%s") stops, and nothing is booked', async (locale, yes) => {
    const r = await talk(locale, [...toSummary(locale), 'stoppen', yes]);
    expect(r.at(-1)!.text).toMatch(/gestopt/);
    expect(r.at(-1)!.text).not.toMatch(/referentie is/);
  });
});
