import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// What a tenth patient-style test found around appointments: questions about an appointment
// (what to bring, who may come along, being late, a wheelchair) started the cancellation and
// asked for the reference; a reference spelled in words was not read at the code's question; and
// "what does the appointment cost?" got the late-cancellation fee. Typed as patients type, in
// nl-NL and nl-BE, with the tests' clock; besides the tester's wordings, our own.

const { talk, booked, bookOne } = bookingKit();

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
    // Not coming, or doing something to it, with a reason that is a topic (a review of the round).
    ['nl-NL', 'ik kan niet naar mijn afspraak want mijn heup doet te veel pijn'],
    ['nl-BE', 'ik kan ni naar mijn afspraak want ik moet geopereerd worden'],
    ['nl-NL', 'ik kan niet naar de afspraak door mijn werk'],
    ['nl-NL', 'kan mijn afspraak wat later in de week'],
    ['nl-BE', 'mijn afspraak mag weg, het gaat beter met mijn knie'],
    ['nl-NL', 'kunnen we mijn afspraak omgooien'],
    ['nl-NL', 'ik wil mijn vorige afspraak verwijderen'],
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

/** Dutch names of the code's letters and digits, as a patient spells them aloud. */
const NAMES: Record<string, [string, string]> = {
  A: ['a', 'aa'], B: ['bee', 'be'], C: ['cee', 'ce'], D: ['dee', 'de'], E: ['ee', 'e'], F: ['ef', 'ef'], G: ['gee', 'ge'], H: ['ha', 'haa'],
  J: ['jee', 'jot'], K: ['ka', 'kaa'], M: ['em', 'em'], N: ['en', 'en'], P: ['pee', 'pe'], Q: ['ku', 'kuu'], R: ['er', 'er'], S: ['es', 'es'],
  T: ['tee', 'te'], U: ['uu', 'u'], V: ['vee', 've'], W: ['wee', 'we'], X: ['iks', 'ix'], Y: ['ij', 'griekse ij'], Z: ['zet', 'zet'],
  2: ['twee', 'twee'], 3: ['drie', 'drie'], 4: ['vier', 'vier'], 5: ['vijf', 'vijf'], 6: ['zes', 'zes'], 7: ['zeven', 'zeven'], 8: ['acht', 'acht'], 9: ['negen', 'negen'],
};

/** A reference ("BX4-RB8") spelled in words: every character by name, or letters as capitals and digits by name. */
function spelled(reference: string, style: 'names' | 'short' | 'capitals'): string {
  return [...reference.replace('-', '')].map((c) => {
    if (style === 'capitals' && /[A-Z]/.test(c)) return c;
    return NAMES[c][style === 'short' ? 1 : 0];
  }).join(' ');
}

describe('a reference spelled in words at the code\'s question', () => {
  it.each<[Locale, 'names' | 'short' | 'capitals']>([
    ['nl-NL', 'names'], ['nl-NL', 'capitals'], ['nl-BE', 'short'], ['nl-BE', 'names'],
  ])('%s: spelled as %s, it finds the appointment after the date of birth', async (locale, style) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', spelled(reference, style), person(locale).birth, 'annuleren']);
    expect(r[1].text).toMatch(/geboortedatum/);
    expect(r[2].text).toMatch(/Ik heb je afspraak gevonden/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('cancelled');
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a spelled code that is no booking gets the same answer as a typed one', async (locale) => {
    const spelledWrong = await talk(locale, ['ik wil annuleren', 'zet zet zet twee twee twee', person(locale).birth]);
    const typedWrong = await talk(locale, ['ik wil annuleren', 'ZZZ-222', person(locale).birth]);
    expect(spelledWrong[1].text).toBe(typedWrong[1].text);
    expect(spelledWrong[2].text).toBe(typedWrong[2].text);
  });

  it.each<[Locale, string]>([['nl-NL', 'be ix vier'], ['nl-BE', 'ha drie vee wee ka em en nog wat']])(
    '%s: "%s" is no code: asked again', async (locale, typed) => {
      const r = await talk(locale, ['afspraak annuleren', typed]);
      expect(r[1].text).toMatch(/referentie herken ik niet/);
    },
  );
});

describe('the price of an appointment', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wat kost de afspraak?'],
    ['nl-NL', 'hoeveel kost mijn afspraak'],
    ['nl-BE', 'wat kost de afspraak?'],
    ['nl-BE', 'wat kost mijn afspraak eigenlijk'],
  ])('%s: "%s" gets the price of a treatment, not the late-cancellation fee', async (locale, question) => {
    const r = await talk(locale, [question]);
    expect(r[0].text).toMatch(/(afspraak|sessie) kost bij ons|sessie bij ons kost/);
    expect(r[0].text).not.toMatch(/24 uur/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: asked at the times, it is answered and the times are shown again', async (locale) => {
    const turns = ['afspraak maken', 'ja', 'knie', 'rechts', 'een jaar', no(locale), ...screeningNo(locale)];
    const r = await talk(locale, [...turns, 'wat kost de afspraak?']);
    const reply = r[turns.length];
    expect(reply.text).not.toMatch(/24 uur/);
    expect(reply.text).toMatch(TIMES);
  });
});
