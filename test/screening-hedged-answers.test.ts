import { bookingKit, no, screening, screeningNo, type Locale } from './helpers/bookingScript';

// A tenth patient-style test answered the calf question after surgery with "a bit, yes, since the
// operation it has been thicker and warm" and with "a bit", and was told "I did not quite
// understand" with the question again. At a red-flag question a sign that is there a little is
// there: a partial yes is the yes, and doubt leads to the safe side, never to a no. Typed as
// patients type, in nl-NL and nl-BE; our own wordings beside the tester's.

const { talk } = bookingKit();

/** The screening question's index by its id. */
const at = (locale: Locale, id: string): number => screening[locale].questions.findIndex((q) => q.id === id);

/** A booking typed up to the screening question `id`, every question before it answered no. */
const upTo = (locale: Locale, id: string, opening = 'afspraak maken'): string[] =>
  [opening, 'ja', 'knie', 'links', 'sinds de operatie', no(locale), ...screeningNo(locale).slice(0, at(locale, id))];

/** The tier's instruction after a yes: 112 now, or a doctor today. */
const DOCTOR_TODAY = /vandaag nog door een (arts|dokter) bekeken/;
const CALL_112 = /^Bel nu 112/;
const NOT_UNDERSTOOD = /begreep ik niet/;

describe('a partial yes at a red-flag question is the yes', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'een beetje wel, sinds de operatie 2 weken geleden is hij dikker en warm'],
    ['nl-NL', 'beetje'],
    ['nl-BE', 'allez ja, nen bitje dikker'],
    ['nl-NL', 'ja soms, vooral s avonds'],
    ['nl-NL', 'ik denk het wel'],
    ['nl-NL', 'best wel, hij voelt strak en warm aan'],
    ['nl-NL', 'enigszins'],
    ['nl-NL', 'af en toe is hij wat dikker'],
    ['nl-NL', 'een beetje maar dat is al jaren zo'],
    ['nl-BE', 'soms wel ja'],
    ['nl-BE', 'soms wel ja'],
    ['nl-BE', 'allez, een bitje dikker dan de andere'],
    ['nl-BE', 'ik denk het wel, sinds ik thuis ben van het ziekenhuis'],
    ['nl-BE', 'nu en dan'],
  ])('%s: "%s" at the calf question gives the doctor-today instruction', async (locale, answer) => {
    const turns = upTo(locale, 'calf');
    const r = await talk(locale, [...turns, answer]);
    expect(r[turns.length - 1].text).toContain(screening[locale].questions[at(locale, 'calf')].text);
    const reply = r[turns.length];
    expect(reply.text).toMatch(DOCTOR_TODAY);
    expect(reply.text).not.toMatch(NOT_UNDERSTOOD);
  });

  it.each<[Locale, string]>([['nl-NL', 'soms wel ja'], ['nl-BE', 'een beetje']])(
    '%s: "%s" at the chest question gives the 112 instruction', async (locale, answer) => {
      const turns = upTo(locale, 'chest');
      const r = await talk(locale, [...turns, answer]);
      expect(r[turns.length].text).toMatch(CALL_112);
    },
  );

  it.each<[Locale, string, RegExp]>([['nl-NL', 'een klein beetje', /je moeder/], ['nl-BE', 'ik denk het wel', /je ma/]])(
    '%s: "%s" about the person booked for gives the instruction about them', async (locale, answer, who) => {
      const turns = upTo(locale, 'calf', locale === 'nl-NL' ? 'afspraak maken voor mijn moeder' : 'een afspraak voor ons ma');
      const r = await talk(locale, [...turns, answer]);
      expect(r[turns.length].text).toMatch(who);
      expect(r[turns.length].text).toMatch(DOCTOR_TODAY);
    },
  );
});

describe('a yes that also tells a sign of a lower tier keeps the question\'s tier (a review of the round)', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ja, ik ben kortademig'],
    ['nl-NL', 'een beetje, ik ben wat kortademig'],
    ['nl-BE', 'ja, ik zit wat kort van adem'],
  ])('%s: after an operation, "%s" at the chest question gives 112, not a doctor today', async (locale, answer) => {
    const turns = upTo(locale, 'chest');
    const r = await talk(locale, [...turns, answer]);
    expect(r[turns.length].text).toMatch(CALL_112);
  });
});

describe('words of degree or number that are no hedge (a review of the round)', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'hot-joint', 'ik voel me nogal goed eigenlijk'],
    ['nl-BE', 'calf', 'ik ben al ne keer op controle geweest en dat was in orde'],
  ])('%s: at the %s question, "%s" gives no instruction', async (locale, id, answer) => {
    const turns = upTo(locale, id);
    const r = await talk(locale, [...turns, answer]);
    expect(r[turns.length].text).not.toMatch(DOCTOR_TODAY);
    expect(r[turns.length].text).not.toMatch(CALL_112);
  });
});

describe('a hedged no or doubt at a red-flag question is asked again, and doubt said twice is the yes', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'niet echt'],
    ['nl-NL', 'nee, niet echt'],
    ['nl-NL', 'een beetje, maar niet warm'],
    ['nl-NL', 'nauwelijks'],
    ['nl-BE', 'ni echt'],
    ['nl-BE', 'neen, bijna niet'],
    // Doubt in chat and Flemish spelling (a review of the round).
    ['nl-BE', 'kweet ni'],
    ['nl-BE', 'weet ik nie'],
    ['nl-NL', 'kweenie'],
  ])('%s: "%s" is asked again with the safe side explained; a no then goes on', async (locale, answer) => {
    const turns = upTo(locale, 'calf');
    const r = await talk(locale, [...turns, answer, no(locale)]);
    const again = r[turns.length];
    expect(again.text).toMatch(/^Twijfel je\?/);
    expect(again.text).toMatch(/voor de zekerheid "Ja"/);
    expect(again.text).toContain(screening[locale].questions[at(locale, 'calf')].text);
    expect(r[turns.length + 1].text).toContain(screening[locale].questions[at(locale, 'calf') + 1].text);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'weet ik niet zeker', 'geen idee eigenlijk'],
    ['nl-NL', 'niet echt', 'ik weet het echt niet'],
    ['nl-BE', 'weet ik ni', 'geen gedacht'],
  ])('%s: "%s" and then "%s" at the calf question end on the safe side', async (locale, first, second) => {
    const turns = upTo(locale, 'calf');
    const r = await talk(locale, [...turns, first, second]);
    expect(r[turns.length].text).toMatch(/Weet je het nog (steeds|altijd) niet, dan ga ik uit van ja/);
    expect(r[turns.length + 1].text).toMatch(DOCTOR_TODAY);
  });

  it.each<[Locale, string]>([['nl-NL', 'hoe bedoel je dik?'], ['nl-BE', 'wat bedoel je met warm?']])(
    '%s: a question asked back ("%s") is no doubt said: one "weet ik niet" after it is asked again', async (locale, question) => {
      const turns = upTo(locale, 'calf');
      const r = await talk(locale, [...turns, question, 'weet ik niet']);
      expect(r[turns.length + 1].text).toMatch(/^Twijfel je\?/);
      expect(r[turns.length + 1].text).not.toMatch(DOCTOR_TODAY);
    },
  );

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: plain no\'s still go through the whole screening to the times', async (locale) => {
    const turns = upTo(locale, 'calf');
    const r = await talk(locale, [...turns, ...screeningNo(locale).slice(at(locale, 'calf'))]);
    expect(r[r.length - 1].text).toMatch(/Deze (tijden|momenten) zijn vrij/);
  });
});
