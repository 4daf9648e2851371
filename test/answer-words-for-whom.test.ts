import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';

// Whom a booking is for, a detail declined in words, and words that are no answer; our own wordings.
const words = new AnswerWords(new I18nextTranslator('locales'));

describe('whom a booking is for', () => {
  it.each<[string, string | undefined]>([
    ['kan mijn oma bij jullie terecht met haar heup', 'oma'],
    ['namens onze pa, hij heeft last van zijn knie', 'pa'],
    ['mijn man zoekt een fysio voor zijn knie', 'man'],
    ['mijn broer had ook artrose; ik wil nu een afspraak voor mijn knie', undefined],
    ['mijn tante is bij jullie geweest en ik wil ook graag komen', undefined],
    ['een afspraak voor mezelf graag, niet voor mijn moeder', undefined],
  ])('"%s" is for %s', (text, relative) => {
    const hint = words.complaintIn(text);
    expect(hint.forOther ? hint.relative : undefined).toBe(relative);
  });
});

describe('words that are no answer', () => {
  it.each<[string, boolean]>([['ik heb geen mailadres', true], ['nee, heb er geen e-mail', true], ['piet@voorbeeld.nl', false], ['e-mail', false]])(
    '"%s" declines an e-mail address: %s', (text, expected) => {
      expect(words.declines(text, 'email')).toBe(expected);
    },
  );

  it.each<[string, boolean]>([['Momentje!', true], ['wacht even', true], ['wacht, het is links', false], ['later', false]])('"%s" asks to wait: %s', (text, expected) => {
    expect(words.isWait(text)).toBe(expected);
  });

  it.each<[string, boolean]>([['laat maar', true], ['stop', false], ['laat maar zien welke tijden er zijn', false]])('"%s" is a soft stop: %s', (text, expected) => {
    expect(words.isSoftStop(text)).toBe(expected);
  });
});
