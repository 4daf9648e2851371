import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';
import { bookingKit, type Locale } from './helpers/bookingScript';

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
