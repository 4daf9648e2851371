import { bookingKit, person, type Locale } from './helpers/bookingScript';

// Gaps of the cancellation dialog a review left: the cancel word typed at "cancel it, is that
// right?" (it stopped the flow), a refused cancellation read as one. Typed as patients type, in
// nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00); the wordings are our own.

const { talk, booked, bookOne } = bookingKit();

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

// "I don't want to cancel" and "I don't have that any more" hold the words the learned crisis net
// ties to despair ("not", "any more"); in the cancellation they are its plain answers. A message
// that says more than the flow's answer still gets the crisis line.
describe('the cancellation\'s plain answers the crisis net misreads', () => {
  const CRISIS = /113|1813/;
  const STOPPED = /^Oké, ik ben ermee gestopt\. Aan je afspraak is niets veranderd/;

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil niet annuleren'],
    ['nl-BE', 'ik wil ze toch niet annuleren'],
    ['nl-NL', 'nee hoor, ik wil hem echt niet annuleren'],
    ['nl-BE', 'niet verplaatsen, laat maar staan'],
  ])('%s: "%s" at "what would you like to do?" keeps the appointment', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, person(locale).birth, typed]);
    expect(r[2].text).toMatch(/Wat wil je doen\?$/);
    expect(r[3].text).not.toMatch(CRISIS);
    expect(r[3].text).toMatch(/blijft staan/);
    expect(await status(locale, reference)).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil hem toch niet annuleren'],
    ['nl-BE', 'neen, ik wil niet annuleren'],
  ])('%s: "%s" at "cancel it, is that right?" keeps the appointment', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toConfirmation(locale, reference), typed]);
    expect(r[4].text).not.toMatch(CRISIS);
    expect(r[4].text).toMatch(/blijft staan/);
    expect(await status(locale, reference)).toBe('confirmed');
  });

  it.each<[Locale, string, 'code' | 'birth' | 'time']>([
    ['nl-NL', 'ik wil niet annuleren', 'code'],
    ['nl-BE', 'ik wil ze niet verplaatsen', 'code'],
    ['nl-NL', 'ik wil hem toch niet annuleren', 'birth'],
    ['nl-BE', 'ik wil ze toch niet verplaatsen', 'time'],
  ])('%s: "%s" at the question for the %s stops the flow, the appointment unchanged', async (locale, typed, at) => {
    const reference = await bookOne(locale);
    const before = at === 'code' ? ['afspraak annuleren'] : at === 'birth' ? ['afspraak annuleren', reference] : ['afspraak verzetten', reference, person(locale).birth];
    const r = await talk(locale, [...before, typed]);
    const said = r[r.length - 1].text;
    expect(said).not.toMatch(CRISIS);
    // At a move's new time, keeping the old appointment says so in its own words (dlg11's keepOld).
    expect(said).toMatch(at === 'time' ? /je afspraak blijft staan/ : STOPPED);
    expect(await status(locale, reference)).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'die heb ik niet meer'],
    ['nl-BE', 'heb ik niet meer'],
    ['nl-NL', 'de code heb ik niet meer'],
    ['nl-BE', 'die referentie heb ik niet meer'],
  ])('%s: "%s" at the question for the code is no code: a person is offered, no crisis question', async (locale, typed) => {
    const r = await talk(locale, ['afspraak annuleren', typed]);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[1].text).toMatch(/^Zonder de referentie kan ik je afspraak hier in de chat niet opzoeken/);
  });

  it.each<[Locale, string, 'code' | 'choice']>([
    ['nl-NL', 'ik wil niet meer', 'code'],
    ['nl-BE', 'ik wil er niet meer zijn', 'code'],
    ['nl-NL', 'ik wil niet meer', 'choice'],
    ['nl-BE', 'ik wil er niet meer zijn', 'choice'],
    ['nl-NL', 'niet annuleren, ik wil er niet meer zijn', 'choice'],
    ['nl-BE', 'annuleer maar, ik zie het niet meer zitten', 'choice'],
    ['nl-NL', 'ik wil niet meer leven annuleer maar alles', 'choice'],
    ['nl-BE', 'ik zie het leven niet meer zitten, niet verplaatsen', 'choice'],
    ['nl-NL', 'ik heb het niet meer, annuleer maar', 'code'],
    ['nl-BE', 'de code boeit me niet, ik wil er niet meer zijn', 'code'],
  ])('%s: "%s" (at the %s) still gets the crisis line', async (locale, typed, at) => {
    const reference = await bookOne(locale);
    const before = at === 'code' ? ['afspraak annuleren'] : ['afspraak annuleren', reference, person(locale).birth];
    const r = await talk(locale, [...before, typed]);
    expect(r[r.length - 1].text).toMatch(CRISIS);
    expect(await status(locale, reference)).toBe('confirmed');
  });
});
