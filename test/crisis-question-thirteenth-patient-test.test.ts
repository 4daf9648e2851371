import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// A thirteenth patient-style test answered the crisis question ("are you thinking of not wanting to
// live, or is it going very badly?") with a no and a word more ("no mate", "haha no", "no sorry",
// "no, I'm all right"): it was asked again, and the name typed next got the crisis text and lost the
// booking. A no taken back right after the flow went on ("well, actually yes, sometimes") was stored
// as the answer to the step. After a crisis text, "nee hoor" was no correction, and "it is going
// badly with me" outside a flow got "how can I help you", twice. Typed as patients type, our own
// wordings too, nl-NL and nl-BE.

const { talk } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const AGAIN = /^Ik wil je goed begrijpen/;
const CRISIS = /^Dank je dat je dit vertelt/;
const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);
const burden = (locale: Locale) => (locale === 'nl-NL' ? 'ik zie het niet meer zitten met die lange wachtlijst' : 'ik zie het ni meer zitten met al die oefeningen');
/** A booking up to the name, and the message the crisis question is asked about there. */
const toName = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'rechts', 'een jaar', no(locale), ...screeningNo(locale), '1', burden(locale)];
/** A booking up to "since when", and the message the crisis question is asked about there. */
const toSince = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'links', burden(locale)];
const NAME_ASKED = /voor- en achternaam/;
const BIRTH_ASKED = /geboortedatum/;
const SINCE_ASKED = /Sinds wanneer/;

describe('a no with a word more is a no to the crisis question: the booking goes on', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nee joh'],
    ['nl-NL', 'haha nee'],
    ['nl-NL', 'nee sorry'],
    ['nl-NL', 'nee, het gaat wel'],
    ['nl-NL', 'hahaha nee joh, echt niet'],
    ['nl-NL', 'nee hoor, dank je'],
    ['nl-BE', 'neen joh'],
    ['nl-BE', 'haha neen'],
    ['nl-BE', 'neen sorry'],
    ['nl-BE', 'allee neen, t gaat wel'],
    // A last check of round 16.
    ['nl-NL', 'nee hoor, valt wel mee'],
    ['nl-BE', 'neen, het valt wel mee'],
  ])('%s: "%s", then the name', async (locale, answer) => {
    const r = await talk(locale, [...toName(locale), answer, person(locale).name]);
    const [asked, said, named] = r.slice(-3);
    expect(asked.text).toMatch(QUESTION);
    expect(said.text).not.toMatch(AGAIN);
    expect(said.text).toMatch(NAME_ASKED);
    expect(named.text).not.toMatch(CRISIS);
    expect(named.text).toMatch(BIRTH_ASKED);
  });

  it.each<[Locale, string]>([
    // The question's other half, or a hedge, after a no: still the crisis text.
    ['nl-NL', 'nee, het gaat heel slecht'],
    ['nl-NL', 'nee, soms wel'],
    ['nl-BE', 'neen, t gaat slecht met mij'],
  ])('%s: "%s" is no no', async (locale, answer) => {
    const r = await talk(locale, [...toName(locale), answer]);
    expect(r[r.length - 1].text).toMatch(CRISIS);
  });
});

describe('asked twice, an ordinary answer goes on with the booking, with the crisis line in one line', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'waarom vraag je dat'],
    ['nl-BE', 'waarom vraagt ge da'],
  ])('%s: "%s", then the name', async (locale, first) => {
    const r = await talk(locale, [...toName(locale), first, person(locale).name, person(locale).birth]);
    const [again, named, born] = r.slice(-3);
    expect(again.text).toMatch(AGAIN);
    expect(named.text).not.toMatch(CRISIS);
    expect(named.text).toMatch(line(locale));
    expect(named.text.split('\n').filter((l) => line(locale).test(l))).toHaveLength(1);
    expect(named.text).toMatch(BIRTH_ASKED);
    expect(born.text).not.toMatch(CRISIS);
  });

  it.each<[Locale, string]>([
    // A yes, a hedge or a sign of its own, asked twice, is still the crisis text.
    ['nl-NL', 'ja eigenlijk wel'],
    ['nl-NL', 'weet ik niet'],
    ['nl-BE', 'misschien'],
    ['nl-BE', 'ik wil er niet meer zijn'],
    // A sigh or a never-mind says nothing a step could take.
    ['nl-NL', 'pff'],
    ['nl-BE', 'laat maar'],
    // The first review of round 16: despair or not caring, said twice, went on with the booking
    // (once as the name). Only a name goes on.
    ['nl-NL', 'wat maakt het uit'],
    ['nl-NL', 'Alles is zinloos'],
    ['nl-NL', 'wie zou het merken'],
    ['nl-BE', 'wa maakt da nog uit'],
    ['nl-BE', 't kan mij ni schelen'],
    // A name in lower case ("anna de wit") goes on at the name question since dlg21
    // (booking-patient-test-follow-ups): no word of a sentence or of the crisis examples.
  ])('%s: "%s"', async (locale, answer) => {
    const r = await talk(locale, [...toName(locale), 'waarom vraag je dat', answer]);
    expect(r[r.length - 2].text).toMatch(AGAIN);
    expect(r[r.length - 1].text).toMatch(CRISIS);
  });
});

describe('a no taken back right after the booking went on is the crisis question\'s yes', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nou ja eigenlijk wel, soms denk ik dat wel'],
    ['nl-NL', 'hmm eigenlijk toch wel'],
    ['nl-NL', 'toch wel soms'],
    ['nl-NL', 'ja toch wel, maar ik wil nu de afspraak'],
    ['nl-BE', 'allee, toch wel eigenlijk'],
    ['nl-BE', 'allee, eigenlijk toch wel, soms'],
  ])('%s: at "since when", "%s"', async (locale, taken) => {
    const r = await talk(locale, [...toSince(locale), no(locale), taken]);
    const [asked, resumed, after] = r.slice(-3);
    expect(asked.text).toMatch(QUESTION);
    expect(resumed.text).toMatch(SINCE_ASKED);
    expect(after.text).toMatch(CRISIS);
    expect(after.text).toMatch(line(locale));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'eigenlijk toch wel'],
    ['nl-BE', 'eigenlijk toch wel'],
  ])('%s: at the free times, "%s"', async (locale, taken) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'rechts', 'een jaar', no(locale), ...screeningNo(locale), burden(locale), no(locale), taken]);
    expect(r[r.length - 3].text).toMatch(QUESTION);
    expect(r[r.length - 1].text).toMatch(CRISIS);
  });

  it.each<[Locale, string]>([
    // One message later, the booking's own answers stand: "toch wel" to "do you have a referral".
    ['nl-NL', 'toch wel'],
    ['nl-BE', 'toch wel'],
  ])('%s: two messages later "%s" answers the step', async (locale, answer) => {
    const r = await talk(locale, [...toSince(locale), no(locale), 'een paar weken', answer]);
    expect(r[r.length - 1].text).not.toMatch(CRISIS);
  });
});

describe('after a crisis text, a no corrects it; going badly said unasked is a hedge', () => {
  // Round 19: "ik ben er klaar mee" and "ik ben het beu" alone are asked about (crisis-false-alarms-r19);
  // a crisis text given for another unsure reading is corrected as before.
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik trek het niet meer', 'nee hoor'],
    ['nl-NL', 'ik trek het niet meer', 'haha nee joh'],
    ['nl-BE', 'het hoeft niet meer', 'neen hoor'],
  ])('%s: "%s", then "%s"', async (locale, first, correction) => {
    const r = await talk(locale, [first, correction, 'afspraak maken']);
    expect(r[0].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(/verkeerd (begrepen|verstaan)/);
    expect(r[1].text).toMatch(line(locale));
    expect(r[2].actions[0]).toBe('Ja');
  });

  it.each<[Locale, string, string]>([
    // A bare no, or no thanks, after a crisis text may decline the line: no correction.
    ['nl-NL', 'ik trek het niet meer', 'nee dank je'],
    ['nl-NL', 'ik trek het niet meer', 'nee'],
    ['nl-BE', 'het hoeft niet meer', 'neen merci'],
    // The first review of round 16: "no sorry" after the line was offered more likely declines it.
    ['nl-NL', 'ik heb nergens meer zin in', 'nee sorry'],
  ])('%s: "%s", then "%s" takes nothing back', async (locale, first, answer) => {
    const r = await talk(locale, [first, answer, 'afspraak maken']);
    expect(r[0].text).toMatch(CRISIS);
    expect(r[1].text).not.toMatch(/verkeerd (begrepen|verstaan)/);
    expect(r[2].actions).not.toContain('Ja');
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'het gaat slecht met me', 'het gaat slecht met me, echt'],
    ['nl-NL', 'het gaat niet goed met me', 'ja'],
    ['nl-BE', 't gaat slecht met mij', 'soms'],
  ])('%s: "%s", then "%s"', async (locale, first, second) => {
    const r = await talk(locale, [first, second]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[0].text).toMatch(line(locale));
    expect(r[1].text).toMatch(CRISIS);
  });

  it.each<[Locale, string]>([
    // About a joint or a practical matter: no question.
    ['nl-NL', 'het gaat slecht met mijn knie'],
    ['nl-BE', 't gaat slecht met de oefeningen'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(QUESTION);
    expect(r.text).not.toMatch(CRISIS);
  });
});
