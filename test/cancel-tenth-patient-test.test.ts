import { bookingKit, no, screeningNo, type Locale } from './helpers/bookingScript';

// What a tenth patient-style test found around appointments: questions about an appointment
// (what to bring, who may come along, being late, a wheelchair) started the cancellation and
// asked for the reference. Typed as patients type, in
// nl-NL and nl-BE, with the tests' clock; besides the tester's wordings, our own.

const { talk } = bookingKit();

/** The cancel flow's question for the code. */
const ASKS_CODE = /Wat is de referentie van je afspraak/;
/** The times the booking offers (NL and BE wording). */
const TIMES = /Deze (tijden|momenten) zijn vrij/;

describe('a question about an appointment is a question, not a cancellation', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'moet ik iets meenemen naar de afspraak?'],
    ['nl-NL', 'mag ik iemand meenemen naar mijn afspraak'],
    ['nl-NL', 'kan mijn zoon mee naar de afspraak?'],
    ['nl-NL', 'moet ik voor de afspraak nuchter zijn'],
    ['nl-NL', 'krijg ik een sms als herinnering voor mijn afspraak'],
    ['nl-NL', 'wat als ik een kwartier te laat ben voor mijn afspraak'],
    ['nl-NL', 'kan ik met de rolstoel naar de afspraak komen'],
    ['nl-NL', 'neem ik mijn pasje mee naar de afspraak'],
    ['nl-NL', 'is er parkeerplaats bij mijn afspraak'],
    ['nl-BE', 'moet ik iets meebrengen naar de afspraak?'],
    ['nl-BE', 'mag ons ma mee naar de afspraak'],
    ['nl-BE', 'kan ik met de rolstoel naar mijn afspraak'],
    ['nl-BE', 'krijg ik een berichtje voor mijn afspraak'],
  ])('%s: "%s" does not ask for the reference', async (locale, question) => {
    const r = await talk(locale, [question]);
    expect(r[0].text).not.toMatch(ASKS_CODE);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'moet ik iets meenemen naar de afspraak?'],
    ['nl-NL', 'moet ik wat meenemen naar mijn afspraak'],
    ['nl-BE', 'moet ik iets meebrengen naar de afspraak?'],
  ])('%s: "%s" is answered with what to bring', async (locale, question) => {
    const r = await talk(locale, [question]);
    expect(r[0].text).toMatch(/(Neem|Breng) dit mee naar je eerste afspraak/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil mijn afspraak verzetten'],
    ['nl-NL', 'ik wil mijn afspraak afzeggen'],
    ['nl-NL', 'ik kan niet komen op mijn afspraak'],
    ['nl-NL', 'ik zeg mijn afspraak af'],
    ['nl-NL', 'kan mijn afspraak een uurtje later?'],
    ['nl-NL', 'ik heb een afspraak maar ben ziek'],
    ['nl-BE', "'k moet mijn afspraak afbellen"],
    ['nl-BE', 'ik geraak niet op mijn afspraak'],
    ['nl-BE', 'kan mijn afspraak naar vrijdag?'],
  ])('%s: "%s" still cancels or moves', async (locale, opening) => {
    const r = await talk(locale, [opening]);
    expect(r[0].text).toMatch(ASKS_CODE);
  });

  /** A booking typed up to the times it offers. */
  const toTimes = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'rechts', 'een jaar', no(locale), ...screeningNo(locale)];

  it.each<[Locale, string]>([
    ['nl-NL', 'moet ik iets meenemen naar de afspraak?'],
    ['nl-NL', 'neem ik zelf nog wat mee naar mijn afspraak?'],
    ['nl-BE', 'moet ik iets meebrengen naar de afspraak?'],
  ])('%s: "%s" at the times is answered, and the times are shown again', async (locale, question) => {
    const turns = toTimes(locale);
    const r = await talk(locale, [...turns, question, '1']);
    expect(r[turns.length - 1].text).toMatch(TIMES);
    const reply = r[turns.length];
    expect(reply.text).toMatch(/(Neem|Breng) dit mee naar je eerste afspraak/);
    expect(reply.text).toMatch(TIMES);
    expect(reply.text).not.toMatch(ASKS_CODE);
    // The booking goes on with the time chosen after it.
    expect(r[turns.length + 1].text).toMatch(/naam/);
  });
});
