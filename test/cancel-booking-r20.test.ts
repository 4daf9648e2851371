import { bookingKit, no, person, screening, screeningNo, wholeBooking, type Locale } from './helpers/bookingScript';

// What a twenty-first patient-style test found around cancelling, moving and booking: "cancel it
// after all" during a move kept the appointment; a cancellation on the day said nothing of the
// fee; a Flemish "can't come, my reference is …" got the opening hours; a red flag at the summary
// left unsaid that nothing was booked; "it is for me after all" was taken as an answer; "ok" to
// the screening intro was a yes to its first question; a sigh at a question, and a thumbs up,
// were not understood. Typed as patients type, in nl-NL and nl-BE, with the tests' clock (whose
// first free time is the same day, within the practices' 24 hours).

const { talk, booked, bookOne } = bookingKit();

const ASKS_CODE = /Wat is de referentie van je afspraak/;
const TIMES = /Deze (tijden|momenten) zijn vrij/;
const CONFIRM_CANCEL = /annuleren, (klopt dat|is dat juist)\?/;
const CONSENT = /Ga je (hiermee|daarmee) akkoord/;
/** The text of a screening question of the locale, by its place. */
const question = (locale: Locale, i: number): string => screening[locale].questions[i].text;
const DOCTOR_TODAY = /vandaag nog door een (arts|dokter)/;

/** A move of the locale's booked appointment up to its free times. */
const toMoveTimes = (locale: Locale, reference: string) => ['ik wil mijn afspraak verzetten', reference, person(locale).birth];

describe('"cancel it after all" during a move cancels the appointment, after asking', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'eigenlijk toch maar annuleren'],
    ['nl-NL', 'laat ook maar, ik wil hem toch afzeggen'],
    ['nl-BE', 'allez, annuleer hem dan maar'],
    ['nl-BE', 'weet je wat, toch maar afzeggen'],
  ])('%s: "%s" at the free times', async (locale, words) => {
    const reference = await bookOne(locale);
    const turns = [...toMoveTimes(locale, reference), words, 'ja'];
    const r = await talk(locale, turns);
    expect(r[2].text).toMatch(TIMES);
    expect(r[3].text).toMatch(CONFIRM_CANCEL);
    expect(r[3].text).not.toMatch(/blijft gewoon staan/);
    expect(r[4].text).toMatch(/is geannuleerd/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('cancelled');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee wacht, annuleer hem toch maar helemaal'],
    ['nl-BE', 'toch liever annuleren'],
  ])('%s: "%s" at "move it to …, is that right?", and a no keeps it', async (locale, words) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toMoveTimes(locale, reference), '1', words, no(locale)]);
    expect(r[4].text).toMatch(CONFIRM_CANCEL);
    expect(r[5].text).toMatch(/blijft staan/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'het verzetten annuleren'],
    ['nl-BE', 'ik wil toch niet annuleren'],
  ])('%s: "%s" stops the move and keeps the appointment', async (locale, words) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toMoveTimes(locale, reference), words]);
    expect(r[3].text).not.toMatch(CONFIRM_CANCEL);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });
});

describe('a cancellation within the practice\'s notice names its rule, and a yes books again', () => {
  it.each<[Locale, RegExp]>([
    ['nl-NL', /€\s?38,50/],
    ['nl-BE', /kan de praktijk daarvoor een vergoeding aanrekenen/],
  ])('%s: the fee and the call for something unforeseen', async (locale, fee) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, person(locale).birth, 'annuleren', 'ja']);
    expect(r[3].text).toMatch(/is geannuleerd/);
    expect(r[3].text).toMatch(/minder dan 24 uur/);
    expect(r[3].text).toMatch(fee);
    expect(r[3].text).toMatch(/Bel ons dan op 0\d/);
    expect(r[4].text).toMatch(CONSENT);
  });
});

describe('a reference beside "I cannot come" is a cancellation, not a day question', () => {
  it.each<[Locale, (code: string) => string]>([
    ['nl-BE', (c) => `ik ga zaterdag nie kunnen komen, mijn referentie is ${c}`],
    ['nl-BE', (c) => `'k ga vrijdag ni kunnen komen, mijn code is ${c}`],
    ['nl-NL', (c) => `ik kan vrijdag niet komen, mijn code is ${c}`],
  ])('%s: the code is taken and the date of birth finds the appointment', async (locale, say) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [say(reference), person(locale).birth]);
    expect(r[0].text).toMatch(/geboortedatum/);
    expect(r[0].text).not.toMatch(/zijn we open|gesloten/);
    expect(r[1].text).toMatch(/Ik heb je afspraak gevonden/);
  });
});

describe('a red flag at the summary says no appointment was made', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ja, alleen heb ik sinds vannacht koorts en is mijn knie ineens rood, warm en dik', 'moet ik de afspraak dan afzeggen?'],
    ['nl-BE', 'ja maar sinds vanmorgen heb ik koorts en mijn knie is plots rood en dik', 'moet ik die afspraak dan annuleren?'],
  ])('%s: "%s", then "%s"', async (locale, flag, cancel) => {
    const turns = wholeBooking(locale).slice(0, -1);
    const r = await talk(locale, [...turns, flag, cancel]);
    expect(r[turns.length].text).toMatch(/vandaag nog/);
    expect(r[turns.length].text).toMatch(/Je afspraak is niet gemaakt/);
    expect(r[turns.length + 1].text).toMatch(/is niet gemaakt/);
    expect(r[turns.length + 1].text).not.toMatch(ASKS_CODE);
  });
});

describe('"it is for me after all" makes a booking for someone else the writer\'s own', () => {
  it.each<[Locale, string[], string, RegExp]>([
    ['nl-NL', ['afspraak voor mijn man, heup', 'ja', 'links'], 'nee sorry, de afspraak is voor mij zelf', /Sinds wanneer heb je deze klachten/],
    ['nl-NL', ['afspraak voor mijn moeder, knie', 'ja', 'rechts', 'een jaar'], 'het is voor mij!', /Sinds wanneer heb je deze klachten/],
    ['nl-NL', ['afspraak voor mijn vader, heup', 'ja', 'rechts', 'een jaar', 'nee'], 'oh nee, het is voor mezelf', /Sinds wanneer heb je deze klachten/],
    ['nl-BE', ['ik wil een afspraak maken voor mijn man, hij heeft last van zijn heup', 'ja', 'links'], 'nee wacht, het is toch voor mezelf, mijn knie', /Sinds wanneer heb je die klachten/],
    ['nl-BE', ['afspraak voor ons ma, knie', 'ja', 'links', 'twee maand'], 'pardon, de afspraak is voor mij', /Sinds wanneer heb je die klachten/],
  ])('%s: %j then "%s"', async (locale, before, words, question) => {
    const r = await talk(locale, [...before, words]);
    const reply = r[before.length].text;
    expect(reply).toMatch(/de afspraak voor jezelf/);
    expect(reply).toMatch(question);
    expect(reply).not.toMatch(/je (man|moeder|vader|ma)\b/);
  });

  it('nl-BE: the joint named with it is changed', async () => {
    const r = await talk('nl-BE', ['afspraak voor mijn vrouw, heup', 'ja', 'links', 'nee, het is voor mezelf, mijn knie']);
    expect(r[3].text).toMatch(/Aangepast: knie, links/);
  });
});

describe('"ok" to the screening intro acknowledges it; a thumbs up is a yes elsewhere', () => {
  /** A booking typed up to its first screening question. */
  const toScreening = (locale: Locale) => ['afspraak maken knie', 'ja', 'rechts', 'een half jaar', no(locale)];

  it.each<[Locale, string]>([
    ['nl-NL', 'ok'], ['nl-NL', 'oké'], ['nl-NL', 'goed'], ['nl-NL', 'prima'], ['nl-NL', '👍'],
    ['nl-BE', 'ok'], ['nl-BE', 'oké'], ['nl-BE', '👍🏼'],
  ])('%s: "%s" asks the first question again, and the screening goes on', async (locale, ack) => {
    const turns = toScreening(locale);
    const r = await talk(locale, [...turns, ack, no(locale)]);
    expect(r[turns.length - 1].text).toContain(question(locale, 0));
    expect(r[turns.length].text).not.toMatch(DOCTOR_TODAY);
    expect(r[turns.length].text).toMatch(/eerste vraag/);
    expect(r[turns.length].text).toContain(question(locale, 0));
    expect(r[turns.length + 1].text).toContain(question(locale, 1));
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: a yes to the first question is still the yes', async (locale) => {
    const turns = toScreening(locale);
    const r = await talk(locale, [...turns, 'ja']);
    expect(r[turns.length].text).toMatch(DOCTOR_TODAY);
  });

  it.each<[Locale, string]>([['nl-NL', '👍'], ['nl-BE', '👍🏻'], ['nl-NL', '👌']])('%s: "%s" at the consent is its yes', async (locale, sign) => {
    const r = await talk(locale, ['afspraak maken', sign]);
    expect(r[1].text).not.toMatch(/begreep ik niet/);
    expect(r[1].text).toMatch(/Waar heb je (vooral )?last van|Welk gewricht|heup of (je )?knie/i);
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: "goed hoor" after an answer is no fresh greeting', async (locale) => {
    const r = await talk(locale, ['hoe lang duurt een behandeling?', 'goed hoor']);
    expect(r[1].text).not.toMatch(/^(Hallo|Dag)!/);
  });
});

describe('impatience during the questions is acknowledged and the question asked again', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'pff hoeveel vragen nog, schiet eens op'],
    ['nl-NL', 'zucht, duurt zo lang dit'],
    ['nl-BE', 'allez vooruit, da duurt lang'],
    ['nl-BE', 'kan het wat sneller aub'],
  ])('%s: "%s" at the second screening question', async (locale, sigh) => {
    const turns = ['afspraak maken heup', 'ja', 'links', 'lang', no(locale), no(locale)];
    const r = await talk(locale, [...turns, sigh, no(locale)]);
    const reply = r[turns.length].text;
    expect(reply).not.toMatch(/begreep ik niet/);
    expect(reply).toMatch(/we zijn er bijna/);
    expect(reply).toContain(question(locale, 1));
    expect(r[turns.length + 1].text).toContain(question(locale, 2));
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: a whole booking still books after a sigh at the times', async (locale) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), 'schiet op', '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[r.length - 1].text).toMatch(/referentie is/);
  });
});
