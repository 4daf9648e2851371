import { LetterFrame } from '../src/understanding';
import { kb, routed, router, type Locale } from './helpers/routerKit';

// Round 18 (issue 22): the families a thirteenth writer showed once opened. Dutch as a second
// language with English words, regional speech written as spoken, an animal that has the
// complaint itself, another place's opening hours, and a question typed after a closing. The
// sentences are our own wordings of each family, none taken from an evaluation set.

describe('Dutch as a second language, with English words, reaches the topic', () => {
  it.each<[string, Locale, string]>([
    ['I have pain in knee, insurance pay the fysio or not?', 'nl-NL', 'reimbursement'],
    ['how long I must wait for first time fysio?', 'nl-NL', 'first-visit'],
    ['what I wear to fysio, short pants is good?', 'nl-NL', 'what-to-bring'],
    ['mijn knie heel veel pijn doen bij trap, wat doen?', 'nl-NL', 'stairs'],
    ['my brother and my mother have artrose, is it erfelijk? I get it also?', 'nl-NL', 'heredity'],
    ['doctor says my knee is bad but I am only 35, I am young for artrose?', 'nl-BE', 'young-age'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });

  it.each<[string, Locale, string]>([
    ['I want make appointment for knee pain', 'nl-NL', 'booking'],
    ['ik willen afspraak maken voor knie', 'nl-NL', 'booking'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });
});

describe('regional speech written as spoken reads as the standard words', () => {
  it.each<[string, Locale, string]>([
    ['moe k mien knie koeln of opwarmn as ze dik is?', 'nl-BE', 'heat-cold'],
    ['mag ich mit mien nuuj knie fietse?', 'nl-NL', 'prosthesis-rules'],
    ['wor zit ulle praktijk?', 'nl-NL', 'practice-info'],
    ['hèn ik van den dokteur een briefke nodig?', 'nl-BE', 'referral'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });

  it('"kan ik e afsproake moaken vo mien knie?" asks for an appointment', () => {
    expect(routed('kan ik e afsproake moaken vo mien knie?', 'nl-BE').intent).toBe('booking');
  });
});

describe("an animal's own complaint is out of scope, its owner's question is not", () => {
  it.each<[string, Locale]>([
    ['mijn hond heeft artrose, welke oefeningen kan ik met hem doen?', 'nl-NL'],
    ['onze kat heeft last van haar heup, kan ik samen met haar oefeningen doen?', 'nl-BE'],
    ['my dog has arthritis, which exercises can I do with him?', 'nl-NL'],
  ])('"%s" (%s) gets no answer of the practice', (text, locale) => {
    expect(routed(text, locale).intent).toBe('none');
  });

  it('"ik wandel elke dag met mijn hond, is dat goed voor mijn knie?" is still answered', () => {
    expect(routed('ik wandel elke dag met mijn hond, is dat goed voor mijn knie?', 'nl-NL').intent).toBe('faq');
  });
});

describe("another place's opening hours or address are not the practice's", () => {
  it.each<[string, Locale]>([
    ['is de bibliotheek open op zondag?', 'nl-NL'],
    ['tot hoe laat is de apotheek open?', 'nl-NL'],
    ['wat zijn de openingsuren van het zwembad?', 'nl-BE'],
    ['hoe lang is de wachttijd bij de tandarts?', 'nl-NL'],
  ])('"%s" (%s) gets no opening hours', (text, locale) => {
    expect(routed(text, locale).intent).toBe('none');
  });

  it.each<[string, Locale]>([
    ['is de praktijk op zaterdag open?', 'nl-BE'],
    ['waar zit de apotheek naast jullie praktijk?', 'nl-NL'],
  ])('"%s" (%s) is about the practice: its hours and address', (text, locale) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic: 'practice-info' });
  });

  it('"hoe lang moet ik wachten voor een eerste afspraak bij jullie?" gets the practice\'s waiting time', () => {
    expect(routed('hoe lang moet ik wachten voor een eerste afspraak bij jullie?', 'nl-NL')).toEqual({ intent: 'faq', topic: 'waiting-time' });
  });
});

describe('a closing only ends the letter when no question follows it', () => {
  const frame = new LetterFrame(kb.language.letterFrame);
  it.each<[string, string]>([
    ['groeten, en mag ik ook fietsen met mijn knie?', 'en mag ik ook fietsen met mijn knie?'],
    ['Met vriendelijke groet, en vergoedt de mutualiteit dat?', 'en vergoedt de mutualiteit dat?'],
    // Run on, without a comma, it is no closing at all; with only a name after, it ends the letter.
    ['Met vriendelijke groet van mijn zus: mag zij ook komen?', 'Met vriendelijke groet van mijn zus: mag zij ook komen?'],
    ['Geachte heer, mag ik traplopen? Met vriendelijke groet, K. Smit', 'mag ik traplopen?'],
  ])('the frame of "%s" leaves "%s"', (text, inner) => {
    expect(frame.inner(text)).toBe(inner);
  });

  it.each<[string, Locale, string]>([
    ['groetjes, en mag ik ook zwemmen met mijn heup?', 'nl-NL', 'which-sport'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe("a letter's second question in a sentence of its own is a question of its own", () => {
  it.each<[string, number]>([
    ['Geachte mevrouw, Mag ik nog zwemmen met mijn heup? Verder wil ik graag weten wat een behandeling kost. Met vriendelijke groet, E. Kok', 2],
    ['Beste, Graag zou ik weten of ik een verwijzing nodig heb. Bovendien vraag ik me af hoe lang de wachttijd is. Groeten, Lies', 2],
    // A sentence that tells, not asks, is no second question.
    ['Beste, Ik heb artrose in mijn heup. Ook slaap ik slecht door de pijn. Wat kan ik zelf doen? Groeten, Ann', 1],
  ])('"%s" has %i question(s)', (text, n) => {
    expect(router.questionParts(text)).toHaveLength(n);
  });
});
