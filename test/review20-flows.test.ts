import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';
import { bookingKit, type Locale } from './helpers/bookingScript';
import { closedPractices } from './helpers/closedPractices';
import { conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

// Round 19's review and last tester: small flow findings, each typed the way patients type.
const words = new AnswerWords(new I18nextTranslator('locales'));
const { talk } = bookingKit();

describe('a habitual yes or ok after a clear no is no consent', () => {
  it.each<[string, 'yes' | 'no' | undefined]>([
    ['nee, toch maar niet, ja sorry', 'no'], ['nee hoor, toch niet, oke', 'no'], ['neen, toch niet, ja merci', 'no'],
    ['nee, ik denk het toch niet, ja', 'no'], ['nee, eigenlijk wil ik dat niet, ja', 'no'],
    // A part that breaks the answer off still counts.
    ['nee, of ja', 'yes'], ['ja, of nee', 'no'], ['nee wacht, ja', 'yes'], ['neen, ja toch wel', 'yes'],
  ])('"%s" is %s', (text, expected) => {
    expect(words.yesNo(text)).toBe(expected);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, toch maar niet, ja sorry'],
    ['nl-BE', 'neen, toch niet, ja merci'],
  ])('%s: "%s" to saving the conversation keeps it unsaved', async (locale, answer) => {
    const r = await talk(locale, ['bewaar dit gesprek', answer]);
    expect(r[1].text).not.toMatch(/is bewaard/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, eigenlijk wil ik dat niet, ja'],
    ['nl-BE', 'neen hoor, toch niet, ok'],
    ['nl-NL', 'nee, ik denk het toch niet, ja'],
  ])('%s: "%s" at the booking consent takes no consent', async (locale, answer) => {
    const r = await talk(locale, ['afspraak maken', answer]);
    expect(r[1].text).not.toMatch(/Over welk gewricht/);
  });
});

// After hours, a yes to leaving a message, then "no" or "stop" as the message: it was passed on
// and a callback ticket stored.
describe('after hours, taking back the yes to leaving a message', () => {
  const { closed, ticketAt } = closedPractices();

  it.each<[Locale, string, string]>([
    ['nl-NL', 'nee ik wil chatten', 'nee'],
    ['nl-NL', 'nee ik wil chatten', 'laat maar, toch niet'],
    ['nl-NL', 'nee ik wil chatten', 'stop'],
    ['nl-BE', 'neen ik wil chatten', 'neen'],
    ['nl-BE', 'neen, ik wil chatten', 'neen hoor, laat maar'],
    ['nl-BE', 'neen ik wil chatten', 'stop'],
  ])('%s: "%s", yes, then "%s" as the message keeps nothing', async (locale, chat, withdrawal) => {
    const adapter = testAdapterFor(closed[locale], locale);
    const r = await converse(adapter, ['ik wil iemand spreken', chat, 'ja', withdrawal]);
    expect(r[2].text).toMatch(/Wat wil je de praktijk laten weten/);
    expect(r[3].text).not.toMatch(/doorgegeven aan de praktijk\. Een/);
    expect(r[3].text).toMatch(/geen bericht doorgegeven/);
    expect(await ticketAt(locale, conversationIdOf(adapter))).toBeUndefined();
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ik ben niet tevreden over hoe het ging bij de laatste behandeling'],
    ['nl-BE', 'neen hoor, ik wil graag dat de praktijkhouder mij mailt over de factuur'],
  ])('%s: a message that opens with a no ("%s") is still passed on', async (locale, message) => {
    const adapter = testAdapterFor(closed[locale], locale);
    const r = await converse(adapter, ['ik wil iemand spreken', 'nee ik wil chatten', 'ja', message]);
    expect(r[3].text).toMatch(/je bericht is doorgegeven/);
    expect((await ticketAt(locale, conversationIdOf(adapter)))?.messages.map((m) => m.text)).toContain(message);
  });
});

// At the consent, a yes with a question after it led in without a comma ("and by the way how
// long ...?") was read as doubt; with a comma after "by the way" it was taken.
describe('a yes with a question led in by an aside', () => {
  it.each<[Locale, string]>([
    ['nl-NL', "ja, en trouwens hoe lang duurt zo'n eerste afspraak?"],
    ['nl-BE', "ja en trouwens hoe lang duurt zo'n eerste afspraak?"],
    ['nl-NL', 'ja graag, oh ja trouwens hoe lang duurt een eerste afspraak?'],
  ])('%s: "%s" at the consent answers the question and takes the yes', async (locale, answer) => {
    const r = await talk(locale, ['afspraak maken', answer]);
    expect(r[1].text).not.toMatch(/Twijfel je/);
    expect(r[1].text).toMatch(/onderzoek/);
    expect(r[1].text).toMatch(/Over welk gewricht/);
  });
});

// After the crisis question, "no, I mean the stairs" heard "good to hear" and the stairs went
// unanswered: the question misread the message, and what was meant is answered.
describe('a no after the crisis question that says what was meant', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ik bedoel de trap'],
    ['nl-BE', 'neen ik bedoelde de trap'],
  ])('%s: "%s" gets a short sorry and the stairs', async (locale, answer) => {
    const r = await talk(locale, ['ik ben er klaar mee', answer]);
    expect(r[0].text).toMatch(/113|1813|zelfmoord/i);
    expect(r[1].text).toMatch(/verkeerd (begrepen|verstaan)/);
    expect(r[1].text).not.toMatch(/goed om te horen/);
    expect(r[1].text).toMatch(/trap/i);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee ik bedoel met mijn knie'],
    ['nl-BE', 'neen, ik bedoel met mijn knie'],
  ])('%s: "%s" gets a short sorry and the choices, no "good to hear"', async (locale, answer) => {
    const r = await talk(locale, ['ik ben er klaar mee', answer]);
    expect(r[1].text).toMatch(/verkeerd (begrepen|verstaan)/);
    expect(r[1].text).not.toMatch(/goed om te horen/);
  });

  it.each<[Locale, string]>([['nl-NL', 'nee hoor'], ['nl-BE', 'neen']])('%s: a plain "%s" still hears it is good to hear', async (locale, answer) => {
    const r = await talk(locale, ['ik ben er klaar mee', answer]);
    expect(r[1].text).toMatch(/goed om te horen/);
  });
});
