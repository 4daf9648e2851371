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

  // A second appointment, for a relative beside the writer's own: the booking stays the writer's.
  it.each<[string, string | undefined]>([
    ['ik zou graag een afspraak willen, mijn zus wil er ook een', 'zus'],
    ['kunnen mijn man en ik allebei een afspraak krijgen', 'man'],
    ['graag een afspraak voor mezelf en voor mijn moeder', 'moeder'],
    // The relative first, "and also for me" (a review: the mother was dropped).
    ['ik wil graag een afspraak voor mijn vader en ook voor mezelf', 'vader'],
    ['een consultatie voor ons ma en ook voor mij', 'ma'],
    ['ik wil een afspraak, mijn moeder heeft er een nodig', undefined],
    ['mijn oom is hier geweest en ik wil ook komen', undefined],
  ])('"%s" : a second appointment, for %s', (text, also) => {
    const hint = words.complaintIn(text);
    expect(hint.alsoFor).toBe(also);
    if (also) expect(hint.forOther).toBeUndefined();
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
