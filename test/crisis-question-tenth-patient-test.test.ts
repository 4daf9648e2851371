import { bookingKit, type Locale } from './helpers/bookingScript';

// A tenth patient-style test was given the full crisis text, and then no booking, six times for
// losing heart about an everyday burden (the waiting list, the exercises, the weekly bus ride).
// Said of life, or alone, those words are the crisis; said of such a burden they are asked about
// (emergency.yaml: not-see-it, everyday-burden); with any other crisis sign, or a sign of another
// tier, in the same message they are the crisis text (a review of the round). Typed as patients
// type, our own wordings of the family, nl-NL and nl-BE.

const { talk } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;
const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);

describe('losing heart about an everyday burden is asked about, outside a flow and in a booking', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik zie het niet meer zitten met die lange wachtlijst'],
    ['nl-BE', 'ik zie het echt niet meer zitten met al die oefeningen'],
    ['nl-NL', 'ik zie het niet meer zitten om steeds met de trein naar jullie te komen'],
    ['nl-BE', 'ik zie het ni meer zitten met die website van jullie'],
  ])('%s: "%s" gets the crisis line as a question, and a no lets the patient book', async (locale, message) => {
    const r = await talk(locale, [message, locale === 'nl-NL' ? 'nee hoor' : 'neen hoor', 'afspraak maken']);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[0].text).toMatch(line(locale));
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(/liever samen dan via de chat/);
    expect(r[2].actions[0]).toBe('Ja');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik zie het niet meer zitten met die wachtlijst'],
    ['nl-BE', 'ik zie het ni meer zitten met die oefeningen'],
  ])('%s: in a booking, "%s" sets the booking aside with the question; "verder" goes on', async (locale, message) => {
    const r = await talk(locale, ['Afspraak maken', 'ja', 'Knie', 'Links', message, 'verder']);
    expect(r[4].text).toMatch(QUESTION);
    expect(r[5].text).not.toMatch(CRISIS);
    expect(r[5].text).toMatch(/Sinds wanneer heb je (deze|die) klachten/);
  });
});

describe('the same words about life, alone, or with a wish to die: the crisis text', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik zie het niet meer zitten'],
    ['nl-BE', 'ik zie het echt ni meer zitten'],
    ['nl-NL', 'ik zie het niet meer zitten met mijn leven'],
    ['nl-NL', 'ik zie het niet meer zitten met die wachtlijst, ik wil er gewoon niet meer zijn'],
    ['nl-BE', 'ik zie het niet meer zitten met die oefeningen en ik wil dood'],
    // Pain is no everyday burden in this sense: the crisis line, as before.
    ['nl-NL', 'ik zie het niet meer zitten met die pijn'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(CRISIS);
    expect(r.text).toMatch(line(locale));
  });
});

describe('a review of the round: what must stay the crisis text', () => {
  it.each<[Locale, string]>([
    // A burden with a means, life, despair or pain in the same message.
    ['nl-NL', 'ik zie het niet meer zitten met de behandeling, ik heb een touw gekocht'],
    ['nl-NL', 'ik zie het niet meer zitten met de wachtlijst en eigenlijk ook met mijn leven'],
    ['nl-BE', "'k zie het nie meer zitten met de wachtlijst en ook nie met het leven"],
    ['nl-NL', 'ik zie het niet meer zitten met die oefeningen, ik wil gewoon niet meer'],
    ['nl-NL', 'ik zie het niet meer zitten met de pijn en de oefeningen'],
    // A burden with a sign of another tier: the question would hold the sign back.
    ['nl-NL', 'zie het niet meer zitten met de oefeningen, mijn knie is rood en heet en ik heb koorts'],
    // A practical word with life named: not an everyday message.
    ['nl-BE', 'ik heb geen zin meer in de oefeningen en ook niet meer in het leven'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(CRISIS);
    expect(r.text).toMatch(line(locale));
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik ben er klaar mee, die knie wordt nooit meer wat', 'zo bedoelde ik het niet, ik heb een touw gekocht'],
    ['nl-BE', 'ik ben er klaar mee, die knie wordt nooit meer iets', 'ge verstaat mij verkeerd, ik heb een koord gekocht'],
  ])('%s: a correction that tells a new sign ("%s", then "%s") is no correction: the crisis line stays, and no booking', async (locale, first, correction) => {
    const r = await talk(locale, [first, correction, 'afspraak maken']);
    // Round 19: done with the knee is asked about (crisis-false-alarms-r19); the line is given either way.
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(line(locale));
    expect(r[1].text).not.toMatch(/verkeerd begrepen|verkeerd verstaan/);
    expect(r[2].text).toMatch(/liever samen dan via de chat/);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik ben er klaar mee, die knie wordt nooit meer wat', 'zo bedoelde ik het niet, het gaat echt om mijn knie'],
    ['nl-BE', 'ik ben er klaar mee, die knie wordt nooit meer iets', 'ge verstaat mij verkeerd, het gaat over mijn knie'],
  ])('%s: a plain correction ("%s", then "%s") lets the patient book', async (locale, first, correction) => {
    const r = await talk(locale, [first, correction, 'afspraak maken']);
    // Round 19: asked about, so the correction answers the question: no crisis text, booking open.
    expect(r[0].text).toMatch(QUESTION);
    expect(r[0].text).toMatch(line(locale));
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(/liever samen dan via de chat/);
  });
});
