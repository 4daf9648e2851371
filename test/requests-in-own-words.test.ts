import { bookingKit, person, type Locale } from './helpers/bookingScript';

// Requests patients make in their own words that the bot did not understand or read wrongly:
// when their appointment was again, having all their details deleted, and a request of its own
// typed right after an answer (read as a follow-up of that answer's topic). Typed as patients
// type, in nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00).

const { talk, bookOne } = bookingKit();

/** The practice's phone, by the locale's practice (practice.yaml, examples/practice-be.yaml). */
const PHONE: Record<Locale, RegExp> = { 'nl-NL': /030 123 45 67/, 'nl-BE': /03 123 45 67/ };
/** The answer to "when is my appointment again?". */
const WHERE_TO_FIND = /^Je afspraak staat in je bevestiging/;
/** The deletion's own question. */
const ASKS_DELETION = /^Wil je dat ik alles verwijder wat deze assistent van je/;
/** The cancel flow's question for the code. */
const ASKS_CODE = /Wat is de referentie van je afspraak/;
/** The consent question a booking opens with. */
const CONSENT = /^Voor een afspraak (voor .+ )?stel ik je/;
/** The handoff's first question (nobody in the chat now, or a choice between the chat and a call back). */
const PERSON = /^(Er is (nu|op dit moment) niemand van de praktijk (bereikbaar|in de chat)|Een collega van .+ kan met je meelezen)/;

describe('"when was my appointment again?"', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wanneer is mijn afspraak ook alweer'],
    ['nl-NL', 'hoe laat moest ik ook weer komen'],
    ['nl-NL', 'ik ben mijn afspraak vergeten, welke dag was het'],
    ['nl-NL', 'ik weet echt niet meer wanneer mijn volgende afspraak is'],
    ['nl-BE', 'om hoe laat verwachten jullie mij ook alweer'],
    ['nl-BE', 'welke dag was mijn sessie bij de kine weer'],
    ['nl-BE', 'wanneer moest ik ook alweer langskomen'],
  ])('%s: "%s" tells where to find it, the practice\'s phone, and offers a look-up with code and date of birth', async (locale, typed) => {
    const [reply] = await talk(locale, [typed]);
    expect(reply.text).toMatch(WHERE_TO_FIND);
    expect(reply.text).toMatch(/referentie en je geboortedatum/);
    expect(reply.text).toMatch(PHONE[locale]);
    expect(reply.actions).toEqual(['Afspraak opzoeken', 'Iemand spreken']);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: the look-up asks the code and the date of birth, then shows the appointment', async (locale) => {
    const code = await bookOne(locale);
    const r = await talk(locale, ['hoe laat was mijn afspraak ook alweer?', 'Afspraak opzoeken', code, person(locale).birth]);
    expect(r[1].text).toMatch(ASKS_CODE);
    expect(r[3].text).toMatch(/Ik heb je afspraak gevonden: .+ bij /);
  });

  it.each<[Locale, string, RegExp]>([
    // Cancelling, the fee for a forgotten appointment, what to bring: not a look-up.
    ['nl-NL', 'wanneer moet ik mijn afspraak afzeggen', /./],
    ['nl-NL', 'ik ben mijn afspraak vergeten, moet ik nu betalen?', /./],
    ['nl-BE', 'wat moet ik meebrengen naar mijn afspraak', /./],
    ['nl-BE', 'wanneer kan ik een afspraak maken bij de kine', CONSENT],
    // A first visit still to be planned, or how a treatment goes (a review of the round).
    ['nl-NL', 'wanneer kan ik terecht voor mijn eerste afspraak', /./],
    ['nl-BE', 'wanneer is er plaats voor mijn eerste afspraak', /./],
    ['nl-NL', 'wanneer begint mijn behandeling bij jullie', /./],
    ['nl-NL', 'wanneer merk ik iets van mijn behandeling', /./],
    ['nl-BE', 'wanneer mag ik stoppen met mijn behandeling', /./],
  ])('%s: "%s" is no look-up', async (locale, typed, expected) => {
    const [reply] = await talk(locale, [typed]);
    expect(reply.text).not.toMatch(WHERE_TO_FIND);
    expect(reply.text).toMatch(expected);
  });
});

describe('a deletion asked for in the patient\'s own words', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil dat alles van mij weg is bij jullie'],
    ['nl-NL', 'haal mijn gegevens maar weg'],
    ['nl-NL', 'wis alles wat jullie van mij hebben'],
    ['nl-NL', 'jullie mogen alles van mij vergeten'],
    ['nl-BE', 'gooi al mijn persoonsgegevens maar weg'],
    ['nl-BE', 'kunnen jullie alles over mij uit jullie systeem halen en wissen?'],
    ['nl-BE', 'ik wil dat ge alles wat ge van mij hebt verwijdert'],
  ])('%s: "%s" gets the deletion\'s question', async (locale, typed) => {
    const [reply] = await talk(locale, [typed]);
    expect(reply.text).toMatch(ASKS_DELETION);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'wanneer moet ik beginnen met fysio', /./],
    ['nl-NL', 'ik wil een afspraak weghalen', ASKS_CODE],
    ['nl-BE', 'kunt ge mijn afspraak schrappen', ASKS_CODE],
    ['nl-NL', 'mag de pleister weg', /./],
    ['nl-BE', 'hoe lang houden jullie mijn gegevens bij voor ze gewist worden?', /./],
    ['nl-NL', 'ik ben mijn gegevens vergeten mee te nemen', /./],
    // Lost, not to be removed (a review of the round), and a new appointment after a removed one.
    ['nl-NL', 'de bevestiging met mijn gegevens is weg, kan die nog eens gestuurd worden', /./],
    ['nl-BE', 'al mijn gegevens zijn weg uit de mail', /./],
    ['nl-NL', 'de vorige afspraak is verwijderd, hoe kan ik een nieuwe maken', CONSENT],
  ])('%s: "%s" is no deletion', async (locale, typed, expected) => {
    const [reply] = await talk(locale, [typed]);
    expect(reply.text).not.toMatch(ASKS_DELETION);
    expect(reply.text).toMatch(expected);
  });
});

describe('a request of its own right after an answer', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'wat kost fysiotherapie', 'ik wil dat jullie mijn gegevens verwijderen', ASKS_DELETION],
    ['nl-BE', 'waar is de praktijk', 'haal alles over mij maar weg', ASKS_DELETION],
    ['nl-NL', 'moet ik betalen als ik mijn afspraak vergeet', 'ik wil liever een andere dag', ASKS_CODE],
    ['nl-BE', 'wat kost een sessie kine', 'liever een ander tijdstip', ASKS_CODE],
    ['nl-NL', 'wat doet een fysiotherapeut bij artrose', 'ik wil een behandeling', CONSENT],
    ['nl-BE', 'mag ik nog fietsen met mijn knie', 'ik wil dit met iemand bespreken', PERSON],
  ])('%s: after "%s", "%s" is that request, not a follow-up of the answer', async (locale, question, request, expected) => {
    const r = await talk(locale, [question, request]);
    expect(r[1].text).toMatch(expected);
  });

  it.each<[Locale, string, string, RegExp]>([
    // A question that goes on from the answer still gets the answer's topic.
    ['nl-NL', 'moet ik betalen als ik mijn afspraak vergeet', 'en als ik hem verzet?', /Afspraak gemist/],
    ['nl-BE', 'waar is de praktijk', 'en als ik te laat ben?', /./],
  ])('%s: after "%s", "%s" stays a follow-up', async (locale, question, followUp, expected) => {
    const r = await talk(locale, [question, followUp]);
    expect(r[1].text).not.toMatch(ASKS_CODE);
    expect(r[1].text).toMatch(expected);
  });
});
