import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';
import { bookingKit, no, screening, type Locale } from './helpers/bookingScript';

// A reviewer's "no, yes after all, delete everything" at the deletion question resumed the
// booking: the yes or no reader took the first word. An answer that corrects itself counts by
// its last part.
const words = new AnswerWords(new I18nextTranslator('locales'));

describe('a yes or no that corrects itself', () => {
  it.each<[string, 'yes' | 'no' | undefined]>([
    ['nee, ja toch wel, verwijder alles', 'yes'], ['ja, nee toch niet', 'no'], ['nee wacht, ja', 'yes'], ['nee wacht ja', 'yes'],
    ['neen, toch wel', 'yes'], ['ja, toch maar niet', 'no'], ['ja, ik bedoel nee', 'no'], ['neen, eigenlijk wel', 'yes'],
    // Unchanged: no word of correcting oneself, or one answer only.
    ['ja maar nee', undefined], ['nee, maar de linker is wel goed', 'no'], ['nee, ik heb toch geen verwijzing', 'no'], ['ja toch', 'yes'],
  ])('"%s" is %s', (text, expected) => {
    expect(words.yesNo(text)).toBe(expected);
  });
});

const { talk } = bookingKit();
const DELETED = /Klaar\. Ik heb verwijderd/;

describe('at the questions that take a yes or no', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ja toch wel, verwijder alles'],
    ['nl-BE', 'neen wacht, ja, verwijder maar alles'],
  ])('%s: "%s" at the deletion question in a booking deletes', async (locale, answer) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'verwijder mijn gegevens', answer]);
    expect(r[4].text).toMatch(DELETED);
    expect(r[4].text).not.toMatch(/niets verwijderd/);
  });

  it.each<[Locale, string, boolean]>([
    ['nl-NL', 'ja, nee toch niet', false],
    ['nl-BE', 'neen, toch wel', true],
  ])('%s: "%s" at the booking\'s consent', async (locale, answer, agreed) => {
    const r = await talk(locale, ['afspraak maken', answer]);
    if (agreed) expect(r[1].text).toMatch(/Over welk gewricht/);
    else expect(r[1].text).not.toMatch(/Over welk gewricht|begreep ik niet/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee wacht, ja'],
    ['nl-BE', 'neen, ja toch wel'],
  ])('%s: "%s" at a red-flag question of the screening is its yes', async (locale, answer) => {
    const before = ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale)];
    const r = await talk(locale, [...before, answer]);
    // The first question asks about a fall: its yes is a doctor today, not the next question.
    expect(screening[locale].questions[0].id).toBe('fall');
    expect(r[before.length - 1].text).toContain(screening[locale].questions[0].text);
    expect(r[before.length].text).toMatch(/vandaag nog door een (arts|dokter)/);
  });
});
