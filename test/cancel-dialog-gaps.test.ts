import { bookingKit, no, referenceIn, screeningNo, type Locale } from './helpers/bookingScript';

// Gaps of the cancellation dialog a review left: the cancel word typed at "cancel it, is that
// right?" (it stopped the flow), a refused cancellation read as one. Typed as patients type, in
// nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00); the wordings are our own.

const { talk, booked } = bookingKit();
const person = (locale: Locale) => (locale === 'nl-NL'
  ? { name: 'Joke Bakker', birth: '12-4-1952', phone: '06 34567812' }
  : { name: 'Rita Claes', birth: '12/4/1952', phone: '0472 98 76 54' });

/** Books the first free time and returns the confirmation's reference. */
async function bookOne(locale: Locale): Promise<string> {
  const p = person(locale);
  const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'sinds de zomer', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
  return referenceIn(r[r.length - 1].text);
}

/** Looks the booking up and answers "what would you like to do?" in a sentence, up to "cancel it, is that right?". */
const toConfirmation = (locale: Locale, reference: string) => [
  'afspraak annuleren', reference, person(locale).birth, locale === 'nl-NL' ? 'annuleren graag, ik ben dan op vakantie' : 'afzeggen graag, ik zit dan in het buitenland',
];
const status = async (locale: Locale, reference: string) => (await booked(locale, `referentie is ${reference}`)).status;
const CONFIRM = /annuleren, (klopt dat|is dat juist)\?$/;

describe('the answer to "cancel it, is that right?"', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'annuleren'],
    ['nl-BE', 'annuleren'],
    ['nl-NL', 'ja annuleren'],
    ['nl-BE', 'ja, afzeggen'],
    ['nl-NL', 'annuleer maar'],
    ['nl-BE', 'annuleer ze maar'],
    ['nl-NL', 'ja hoor, schrap hem maar'],
    ['nl-BE', 'graag annuleren aub'],
  ])('%s: "%s" confirms: the appointment is cancelled, no "I stopped"', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toConfirmation(locale, reference), typed]);
    expect(r[3].text).toMatch(CONFIRM);
    expect(r[4].text).toMatch(/is geannuleerd/);
    expect(r[4].text).not.toMatch(/gestopt/);
    expect(await status(locale, reference)).toBe('cancelled');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee'],
    ['nl-BE', 'neen'],
    ['nl-NL', 'toch niet'],
    ['nl-BE', 'laat maar staan'],
    ['nl-NL', 'nee, laat hem toch maar staan'],
    ['nl-NL', 'nee niet annuleren'],
    ['nl-BE', 'neen, niet afzeggen'],
  ])('%s: "%s" keeps the appointment', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toConfirmation(locale, reference), typed]);
    expect(r[4].text).toMatch(/blijft staan/);
    expect(r[4].text).not.toMatch(/geannuleerd/);
    expect(await status(locale, reference)).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'hmm'],
    ['nl-BE', 'neen, annuleren'],
    ['nl-NL', 'mijn man wil afzeggen, ik liever niet'],
    ['nl-BE', 'ja maar kost annuleren iets?'],
  ])('%s: an unclear answer ("%s") is asked again, nothing cancelled or stopped', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toConfirmation(locale, reference), typed, 'ja']);
    expect(r[4].text).not.toMatch(/gestopt|geannuleerd|blijft staan/);
    expect(r[4].text).toMatch(CONFIRM);
    expect(r[4].actions).toEqual(r[3].actions);
    expect(r[5].text).toMatch(/is geannuleerd/);
  });

  it.each<[Locale, string]>([['nl-NL', 'stop'], ['nl-BE', 'stoppen']])('%s: "%s" still stops, and the appointment stays', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toConfirmation(locale, reference), typed]);
    expect(r[4].text).toMatch(/ik ben ermee gestopt\. Aan je afspraak is niets veranderd/);
    expect(await status(locale, reference)).toBe('confirmed');
  });
});
