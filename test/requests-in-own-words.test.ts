import { bookingKit, type Locale } from './helpers/bookingScript';

// Requests patients make in their own words that the bot did not understand or read wrongly:
// having all their details deleted. Typed as patients type, in nl-NL and nl-BE, with the tests'
// clock (Monday 23 November 2026, 10:00).

const { talk } = bookingKit();

/** The deletion's own question. */
const ASKS_DELETION = /^Wil je dat ik verwijder wat deze assistent van jou/;
/** The cancel flow's question for the code. */
const ASKS_CODE = /Wat is de referentie van je afspraak/;

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
  ])('%s: "%s" is no deletion', async (locale, typed, expected) => {
    const [reply] = await talk(locale, [typed]);
    expect(reply.text).not.toMatch(ASKS_DELETION);
    expect(reply.text).toMatch(expected);
  });
});
