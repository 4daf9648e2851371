import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';
import { testAdapterFor } from './helpers/testApp';

// Flows a thirteenth patient-style test found stuck or losing what was said: a correction of the
// joint typed at "since when?" kept as the duration; "no need, I want to make an appointment" at
// the callback's yes or no dropping the booking asked for; a question at the summary card only
// answered with "type yes if all is right"; "sorry, I said yes by mistake" or "put it back to
// Tuesday after all" right after a booking or a move not understood; and a booking's code with
// "those details must go too" after deleting this chat's data getting "no good answer". Typed as
// patients type, the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk, appOf, booked, bookOne } = bookingKit();

/** A whole booking of the first free time for the locale's person (a right hip), up to its confirmation. */
const wholeBooking = (locale: Locale) => {
  const p = person(locale);
  return ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja'];
};
/** The same booking up to its summary card. */
const toSummary = (locale: Locale) => wholeBooking(locale).slice(0, -1);
const NO_ANSWER = /geen goed antwoord/;

describe('a joint corrected at "since when?" changes the complaint and asks the duration again', () => {
  it.each<[Locale, string, string, 'heup' | 'knie']>([
    ['nl-NL', 'knie', 'nee wacht, het is de heup, niet de knie', 'heup'],
    ['nl-NL', 'knie', 'oh sorry, niet mijn knie maar mijn heup', 'heup'],
    ['nl-NL', 'heup', 'nee wacht, de knie, niet de heup', 'knie'],
    ['nl-BE', 'knie', 'allee neen, niet de knie maar mijn heup', 'heup'],
    ['nl-BE', 'heup', 'pardon, het is mijne knie en niet mijn heup', 'knie'],
  ])('%s: %s, then "%s"', async (locale, joint, correction, meant) => {
    const p = person(locale);
    const r = await talk(locale, [
      'afspraak maken', 'ja', joint, 'links', correction, 'sinds vorig jaar', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen',
    ]);
    expect(r[4].text).toMatch(new RegExp(`Aangepast: ${meant}, links`));
    expect(r[4].text).toMatch(/Sinds wanneer/);
    const card = r[r.length - 1].cards;
    expect(card).toMatch(new RegExp(`${meant}, links, sinds vorig jaar`));
    expect(card).not.toMatch(/niet de|niet mijn|sorry|pardon|wacht/);
  });
});

describe('a no to the callback that asks for an appointment starts the booking', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'kan iemand me helpen, ik snap die site niet', 'nee hoeft niet, ik wil een afspraak maken'],
    ['nl-NL', 'ik wil iemand spreken', 'nee, maak maar gewoon een afspraak voor mijn knie'],
    ['nl-BE', 'kan ik iemand spreken aub', 'neen merci, ik wil liever een afspraak maken'],
  ])('%s: "%s", then "%s"', async (locale, ask, answer) => {
    const r = await talk(locale, [ask, answer, 'ja']);
    expect(r[0].actions).toContain('Ja');
    expect(r[1].text).toMatch(/Voor een afspraak stel ik je/);
    expect(r[2].text).toMatch(/Over welk gewricht|Aan welke kant/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee hoeft niet'],
    ['nl-BE', 'neen'],
  ])('%s: a plain no ("%s") still says how to call', async (locale, answer) => {
    const r = await talk(locale, ['ik wil iemand spreken', answer]);
    expect(r[1].text).toMatch(/bellen/);
    expect(r[1].text).not.toMatch(/Voor een afspraak stel ik je/);
  });
});

describe('a question at the summary card gets an answer and the card again', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'bereikbaar met de rolstoel?'],
    ['nl-NL', 'is er een lift?'],
    ['nl-NL', 'mag mijn dochter mee naar binnen?'],
    ['nl-BE', 'kan ik daar binnen met mijne rolstoel?'],
    ['nl-BE', 'is er een lift in het gebouw?'],
  ])('%s: "%s"', async (locale, question) => {
    const r = await talk(locale, [...toSummary(locale), question]);
    const last = r[r.length - 1];
    expect(last.text).not.toMatch(/Typ "ja" als alles klopt/);
    expect(last.text).toMatch(/Klopt dit\?/);
    expect(last.cards.length).toBeGreaterThan(0);
  });
});

describe('right after a booking or a move, a mistake or another day is about that appointment', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'sorry, per ongeluk ja gezegd'],
    ['nl-NL', 'oeps, verkeerd geklikt'],
    ['nl-BE', 'sorry, per ongeluk ja gezegd'],
    ['nl-BE', 'oei, ik heb mij vergist'],
  ])('%s: "%s" asks what to do with it, and nothing is cancelled without asking', async (locale, mistake) => {
    const r = await talk(locale, [...wholeBooking(locale), mistake]);
    const confirmation = r[r.length - 2].text;
    expect(r[r.length - 1].text).not.toMatch(NO_ANSWER);
    expect(r[r.length - 1].actions).toEqual(expect.arrayContaining(['Annuleren', locale === 'nl-NL' ? 'Verzetten' : 'Verplaatsen', 'Toch laten staan']));
    expect((await booked(locale, confirmation)).status).toBe('confirmed');
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: the mistake, then "annuleren", cancels it', async (locale) => {
    const r = await talk(locale, [...wholeBooking(locale), 'sorry, per ongeluk ja gezegd', 'annuleren']);
    expect(r[r.length - 1].text).toMatch(/is geannuleerd/);
    expect((await booked(locale, r[r.length - 3].text)).status).toBe('cancelled');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'kan ik het toch terugzetten naar donderdag'],
    ['nl-BE', 'kan ik hem toch terugzetten naar donderdag'],
  ])('%s: after a move, "%s" moves it again', async (locale, back) => {
    const reference = await bookOne(locale);
    const adapter = testAdapterFor(appOf(locale), locale);
    const moved = await talk(locale, ['afspraak verzetten', reference, person(locale).birth, 'woensdag', '1', 'ja'], adapter);
    expect(moved[moved.length - 1].text).toMatch(/is (verzet|verplaatst)/);
    const r = await talk(locale, [back, '1', 'ja'], adapter);
    expect(r[0].text).not.toMatch(NO_ANSWER);
    expect(r[0].actions.some((a) => /^do /.test(a))).toBe(true);
    expect(r[2].text).toMatch(/is (verzet|verplaatst)/);
    expect(r[2].text).toMatch(/donderdag/);
  });
});

describe('a booking\'s code with its data to go, after deleting this chat\'s data', () => {
  it.each<[Locale, (code: string) => string]>([
    ['nl-NL', (code) => `ik had een afspraak gemaakt in een ander gesprek, code ${code}, die gegevens moeten ook weg`],
    ['nl-NL', (code) => `en mijn gegevens bij afspraak ${code} wil ik ook verwijderen`],
    ['nl-BE', (code) => `de gegevens van afspraak ${code} mogen ook weg aub`],
  ])('%s: says how and looks the booking up to cancel it', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['verwijder mijn gegevens', 'ja', typed(reference), person(locale).birth, 'annuleren']);
    expect(r[2].text).not.toMatch(NO_ANSWER);
    expect(r[2].text).toMatch(/naam en gegevens bij die afspraak wissen we als je de afspraak annuleert/);
    expect(r[3].actions).toContain('Annuleren');
    expect(r[4].text).toMatch(/is geannuleerd/);
  });
});


describe('wording: no button pointed at that is not shown, and nobody in the chat within opening hours said as it is', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wat kost een behandeling eigenlijk?'],
    ['nl-BE', 'hoeveel kost een sessie eigenlijk?'],
  ])('%s: "%s" at the free times', async (locale, question) => {
    const r = await talk(locale, [...toSummary(locale).slice(0, 6 + screeningNo(locale).length), question]);
    const last = r[r.length - 1].text;
    expect(last).not.toMatch(/kies hieronder/i);
    expect(last).toMatch(/typ "medewerker"/i);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'kan iemand me helpen, ik snap die site niet'],
    ['nl-BE', 'kan ik iemand van de praktijk spreken'],
  ])('%s: "%s" on a Monday morning with nobody at the console', async (locale, ask) => {
    const [r] = await talk(locale, [ask]);
    expect(r.text).toMatch(/niemand van de praktijk in de chat, maar de praktijk is nu open/);
    expect(r.text).not.toMatch(/Openingstijden|Openingsuren/);
    expect(r.actions).toEqual(['Ja', locale === 'nl-NL' ? 'Nee' : 'Neen']);
  });
});
