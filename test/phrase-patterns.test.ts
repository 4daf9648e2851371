import { describe, expect, it } from '@jest/globals';
import { MAX_GAP, PhrasePatterns, WIDE_GAP, expandAlternatives, wordMatches } from '../src/safety';

const NEGATIONS = new Set(['geen', 'niet', 'niks']);
const AFTER_NEGATION = new Set(['enkel', 'meer']);
const read = (token: string): string[] => [token.toLowerCase()];

function patternsOf(phrases: string[]): PhrasePatterns {
  return new PhrasePatterns([['sign', phrases]], read, { negations: NEGATIONS, afterNegation: AFTER_NEGATION });
}

/** The positions of every match, as "start:at,at" strings, sorted. */
function found(phrases: string[], text: string): string[] {
  return patternsOf(phrases)
    .matchesIn(text.split(' '))
    .map((m) => m.at.join(','))
    .sort();
}

/**
 * The reference the lazy matcher must equal: every combination written out and matched on its
 * own, the first fitting word within the gap, as the detector matched before patterns.
 */
function byExpansion(phrases: string[], words: string[]): string[] {
  const out = new Set<string>();
  for (const phrase of phrases.flatMap(expandAlternatives)) {
    const tokens = phrase.split(/\s+/).filter(Boolean);
    const steps: { word: string; gap: number }[] = [];
    let gap = MAX_GAP;
    for (const t of tokens) {
      if (t === '...') gap = WIDE_GAP;
      else {
        steps.push({ word: t, gap });
        gap = MAX_GAP;
      }
    }
    if (!steps.length) continue;
    const negative = NEGATIONS.has(steps[0].word);
    const said = steps.filter((s) => NEGATIONS.has(s.word)).length;
    for (let start = 0; start < words.length; start++) {
      if (!wordMatches(words[start], steps[0].word)) continue;
      const at = [start];
      for (let k = 1; k < steps.length && at.length === k; k++) {
        const pos = at[k - 1];
        for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + steps[k].gap); j++) {
          if (wordMatches(words[j], steps[k].word)) {
            at.push(j);
            break;
          }
          if (negative && k === 1 && !AFTER_NEGATION.has(words[j])) break;
        }
      }
      if (at.length < steps.length) continue;
      const skipped = words.slice(start, at[at.length - 1] + 1).filter((w) => NEGATIONS.has(w)).length;
      if (skipped <= said) out.add(at.join(','));
    }
  }
  return [...out].sort();
}

describe('PhrasePatterns: phrases with choices, matched without writing every combination out', () => {
  it.each([
    ['a choice and an optional word', ['(plas|urine) niet (meer)? ophouden'], 'ik kan mijn plas niet meer ophouden', ['3,4,5,6', '3,4,6']],
    ['the optional word left out', ['(plas|urine) niet (meer)? ophouden'], 'urine niet ophouden', ['0,1,2']],
    ['a choice glued to a word', ['(heup|knie)prothese (rood|warm)'], 'mijn knieprothese is warm', ['1,3']],
    ['a nested optional group', ['ik (zo(veel)?)? van haar hou'], 'ik zoveel van haar hou', ['0,1,2,3,4', '0,2,3,4']],
    ['the nested group left out', ['ik (zo(veel)?)? van haar hou'], 'ik van haar hou', ['0,1,2,3']],
    ['a wide gap', ['er ... niet meer zijn'], 'er tegen dan toch niet meer zijn', ['0,4,5,6']],
    ['too wide for a normal gap', ['er niet meer zijn'], 'er tegen dan toch niet meer zijn', []],
    ['a prefix word first', ['zwel* knie'], 'zwelling aan knie', ['0,2']],
    ['a suffix word in a choice', ['(*kanker|tumor) gehad'], 'ik heb borstkanker gehad', ['2,3']],
    ['a negation the phrase skips denies it', ['bloed loopt uit'], 'bloed loopt niet uit', []],
    ['a negative phrase takes only fillers after its negation', ['geen (kracht|gevoel)'], 'geen doof gevoel', []],
    ['a filler after the negation', ['geen (kracht|gevoel)'], 'geen enkel gevoel', ['0,2']],
    ['a choice with several words', ['(laat weten|zeg) dat'], 'ik laat je weten dat', ['1,3,4']],
  ])('%s', (_name, phrases, text, expected) => {
    expect(found(phrases, text)).toEqual(expected);
  });

  it('finds exactly what matching every combination on its own finds', () => {
    const vocabulary = ['a', 'b', 'c', 'geen', 'niet', 'meer', 'x'];
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const unit = (): string => {
      const r = rnd(6);
      const word = () => vocabulary[rnd(vocabulary.length)];
      if (r === 0) return `(${word()}|${word()} ${word()})`;
      if (r === 1) return `(${word()}|${word()})?`;
      if (r === 2) return '...';
      if (r === 3) return `${word().slice(0, 1)}*`;
      return word();
    };
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      const phrases = [Array.from({ length: 1 + rnd(4) }, unit).join(' ')];
      const words = Array.from({ length: 3 + rnd(9) }, () => vocabulary[rnd(vocabulary.length)]);
      const expected = byExpansion(phrases, words);
      compared += expected.length;
      expect({ phrases, words, at: found(phrases, words.join(' ')) }).toEqual({ phrases, words, at: expected });
    }
    // The random phrases must actually match something, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(100);
  });

  // A count of hours or years before the pills is no count of pills ("at 10 [hours] one pill").
  it('does not let a number skip a unit to reach the next word of its phrase', () => {
    const counting = new PhrasePatterns([['sign', ['(10|ten) pills']]], read, {
      negations: NEGATIONS,
      afterNegation: AFTER_NEGATION,
      countWords: new Set(['ten']),
      countUnits: new Set(['hours', 'years']),
    });
    const at = (text: string) => counting.matchesIn(text.split(' ')).map((m) => m.at.join(','));
    expect(at('at 10 hours my pills')).toEqual([]);
    expect(at('for ten years pills')).toEqual([]);
    expect(at('took 10 of my pills')).toEqual(['1,4']);
    expect(at('ten pills')).toEqual(['0,1']);
  });

  it('counts the combinations the patterns stand for', () => {
    expect(patternsOf(['(a|b|c) (d|e) (f)?']).combinations).toBe(12);
  });
});
