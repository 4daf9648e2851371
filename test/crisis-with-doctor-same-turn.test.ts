import { bookingKit, no, screening, screeningNo, type Locale } from './helpers/bookingScript';

// A crisis and a sign for a doctor told in ONE message got the crisis text, and the doctor's
// instruction only with the patient's next message, who may never send one. Both now come in
// the same turn: the crisis text first, then the one line of the doctor's tier (the practice's
// country's after-hours service: the huisartsenpost in the Netherlands, the wachtpost on 1733 in
// Belgium). 112 says everything a doctor's line would: after it, no second instruction. Typed as
// patients type, in our own wordings, nl-NL and nl-BE at a Dutch and a Belgian practice.

const { talkAt: say } = bookingKit();
type Country = 'NL' | 'BE';

const CRISIS = /^Dank je dat je dit vertelt/;
const CRISIS_LINE: Record<Country, RegExp> = { NL: /113/, BE: /1813/ };
/** The doctor-today line of the practice's country: the huisartsenpost, or the wachtpost on 1733. */
const DOCTOR_TODAY: Record<Country, RegExp> = { NL: /vandaag nog door een (arts|dokter) bekeken.*huisartsenpost/, BE: /vandaag nog door een (arts|dokter) bekeken.*wachtpost via 1733/ };
const GP_THIS_WEEK = /deze week door je huisarts/;
const CALL_112 = /^Bel nu 112/;

/** Where in the reply the crisis text and the doctor's line stand. */
const order = (text: string, doctor: RegExp): [number, number] => [text.search(CRISIS), text.search(doctor)];

describe('a crisis and a doctor today in one message: both in the same turn', () => {
  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'ik zie het echt niet meer zitten, ik wil er niet meer zijn. en mijn knie is dik en gloeiend heet en ik heb 39 graden koorts'],
    ['BE', 'nl-BE', 'ik wil eigenlijk niet meer leven, en mijn knie staat dik en rood en ik heb koorts, ik voel me echt ziek'],
    ['BE', 'nl-NL', 'ik wil dood. mijn knie is sinds gisteren rood en warm en ik heb koorts'],
    ['NL', 'nl-BE', 'ik wil er niet meer zijn, mijn knie is rood en heet en ik heb koorts'],
  ])('%s practice, %s: "%s" gets the crisis text, then the doctor line of the practice', async (country, locale, message) => {
    const [reply] = await say(country, locale, [message]);
    expect(reply.text).toMatch(CRISIS);
    expect(reply.text).toMatch(CRISIS_LINE[country]);
    expect(reply.text).toMatch(DOCTOR_TODAY[country]);
    const [crisis, doctor] = order(reply.text, DOCTOR_TODAY[country]);
    expect(crisis).toBe(0);
    expect(doctor).toBeGreaterThan(crisis);
  });

  it.each<[Country, Locale, string, string]>([
    ['NL', 'nl-NL', 'ik wil er niet meer zijn en mijn knie is dik, heet en ik heb koorts', 'hoe lang duurt een behandeling'],
    ['BE', 'nl-BE', 'ik wil niet meer leven, mijn knie is rood en heet en ik heb koorts', 'hoeveel kost een behandeling'],
  ])('%s practice, %s: the question after it gets its answer with the crisis reminder, not the doctor text again', async (country, locale, message, question) => {
    const r = await say(country, locale, [message, question]);
    expect(r[0].text).toMatch(DOCTOR_TODAY[country]);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[1].text).not.toMatch(/vandaag nog door een (arts|dokter) bekeken/);
    expect(r[1].text).toMatch(CRISIS_LINE[country]);
  });

  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'ik wil niet meer leven. ik heb borstkanker gehad en nu heb ik s nachts pijn in mijn heup'],
    ['BE', 'nl-BE', 'ik wil er niet meer zijn, vroeger kanker gehad en nu heb ik pijn in mijn knie s nachts'],
  ])('%s practice, %s: a crisis with a sign for the GP this week gets the GP line in the same turn', async (country, locale, message) => {
    const [reply] = await say(country, locale, [message]);
    expect(reply.text).toMatch(CRISIS);
    expect(reply.text).toMatch(GP_THIS_WEEK);
    expect(reply.text.search(GP_THIS_WEEK)).toBeGreaterThan(0);
  });

  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'ik heb een drukkende pijn op mijn borst en ben kortademig, en mijn knie is rood en heet met koorts'],
    ['BE', 'nl-BE', 'pijn op de borst die uitstraalt naar mijn arm, en mijn knie is dik en heet en ik heb koorts'],
  ])('%s practice, %s: 112 with a doctor-today sign keeps "Bel nu 112" as the only instruction', async (country, locale, message) => {
    const [reply] = await say(country, locale, [message]);
    expect(reply.text).toMatch(CALL_112);
    expect(reply.text).not.toMatch(/vandaag nog door een (arts|dokter)/);
    expect(reply.text).not.toMatch(GP_THIS_WEEK);
  });
});

describe('two short messages in a row: the same path', () => {
  it.each<[Country, Locale, string, string]>([
    ['NL', 'nl-NL', 'ik heb al 2 dagen koorts', 'en mijn knie is rood en heet. ik wil eigenlijk niet meer leven'],
    ['BE', 'nl-BE', 'ik heb koorts sinds gisteren', 'mijn knie staat dik en heet en ik wil er niet meer zijn'],
  ])('%s practice, %s: "%s" / "%s": the crisis text and the doctor line together, once', async (country, locale, first, second) => {
    const r = await say(country, locale, [first, second, 'ok']);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(DOCTOR_TODAY[country]);
    // Read together once more, the two do not give the doctor's text again.
    expect(r[2].text).not.toMatch(/vandaag nog door een (arts|dokter) bekeken/);
    expect(r[2].text).not.toMatch(CRISIS);
  });

  it.each<[Country, Locale, string, string]>([
    ['NL', 'nl-NL', 'mijn knie is dik en heet en ik heb koorts', 'en ik wil eigenlijk niet meer leven'],
    ['BE', 'nl-BE', 'mijn knie staat rood en heet, ik heb koorts', 'en eigenlijk wil ik er niet meer zijn'],
  ])('%s practice, %s: a doctor first, the crisis next: the crisis text without the doctor line again', async (country, locale, first, second) => {
    const r = await say(country, locale, [first, second]);
    expect(r[0].text).toMatch(DOCTOR_TODAY[country]);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).not.toMatch(/vandaag nog door een (arts|dokter) bekeken/);
  });
});

describe('a screening yes told with a crisis', () => {
  /** The screening question's index by its id. */
  const at = (locale: Locale, id: string): number => screening[locale].questions.findIndex((q) => q.id === id);

  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'ja, en eerlijk gezegd wil ik er niet meer zijn'],
    ['BE', 'nl-BE', 'ja, en ik wil eigenlijk niet meer leven'],
    // A second review of round 15: no comma, and a yes in chat spelling.
    ['NL', 'nl-NL', 'ja en eerlijk gezegd wil ik er niet meer zijn'],
    ['NL', 'nl-NL', 'jah en ik zie het echt niet meer zitten'],
    ['BE', 'nl-BE', 'jaa en ik wil er eigenlijk niet meer zijn'],
  ])('%s practice, %s: "%s" at the hot-joint question gets the crisis text and the doctor line', async (country, locale, answer) => {
    const turns = ['afspraak maken', 'ja', 'knie', 'links', 'een paar weken', no(locale), ...screeningNo(locale).slice(0, at(locale, 'hot-joint'))];
    const r = await say(country, locale, [...turns, answer]);
    expect(r[turns.length - 1].text).toContain(screening[locale].questions[at(locale, 'hot-joint')].text);
    const reply = r[turns.length];
    expect(reply.text).toMatch(CRISIS);
    expect(reply.text).toMatch(DOCTOR_TODAY[country]);
  });
});
