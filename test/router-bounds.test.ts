import { boundForRouting, MAX_DISTINCT_WORDS, MAX_WORD_CHARS } from '../src/understanding/boundForRouting';
import { TypoCorrector } from '../src/understanding/TypoCorrector';
import type { App } from '../src/app/createApp';
import { buildTestApp } from './helpers/testApp';

/* Issue 21: the router's work per message is bounded, whatever the message. */

describe('the text the router works on', () => {
  it(`keeps at most ${MAX_DISTINCT_WORDS} distinct words`, () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i.toString(36)}`);
    const bounded = boundForRouting(words.join(' '), 100_000);
    expect(new Set(bounded.split(/\s+/).filter(Boolean)).size).toBe(MAX_DISTINCT_WORDS);
    expect(bounded.endsWith(' ')).toBe(true);
  });

  it(`cuts a run of more than ${MAX_WORD_CHARS} characters without spaces to ${MAX_WORD_CHARS}`, () => {
    const bounded = boundForRouting(`knie ${'artrose'.repeat(300)} pijn`, 100_000);
    expect(bounded).toBe(`knie ${'artrose'.repeat(300).slice(0, MAX_WORD_CHARS)} pijn`);
  });

  it('keeps a long message of few distinct words whole, up to MAX_MESSAGE_CHARS', () => {
    const text = 'mijn knie doet pijn '.repeat(100);
    expect(boundForRouting(text, 2000)).toBe(text.slice(0, 2000));
    expect(boundForRouting(undefined, 2000)).toBe('');
  });
});

describe('typo correction', () => {
  it('does not correct words longer than any in the vocabulary could be', () => {
    const long = 'knie'.repeat(10);
    const corrector = new TypoCorrector(new Map([[long, 1]]), new Set());
    // One letter left out: a typo, but of a 40-letter "word" nobody types.
    expect(corrector.correct(long.slice(1))).toBe(long.slice(1));
    const normal = new TypoCorrector(new Map([['artrose', 3]]), new Set());
    expect(normal.correct('artrse')).toBe('artrose');
  });

  it(`weighs at most ${TypoCorrector.MAX_CANDIDATES} candidates per word`, () => {
    // 70 words that share a deletion with the typo but cannot match it, then the real match.
    const vocabulary = new Map<string, number>();
    for (let i = 0; i < 70; i++) vocabulary.set(`${String.fromCharCode(0x100 + i)}niezz`, 1);
    vocabulary.set('kniez', 1);
    const corrector = new TypoCorrector(vocabulary, new Set());
    expect(corrector.correct('kniezz')).toBe('kniezz');
    // With fewer look-alikes the same typo is corrected: the bound, not the distance, decided.
    const small = new Map([...vocabulary].slice(60));
    expect(new TypoCorrector(small, new Set()).correct('kniezz')).toBe('kniez');
  });
});

describe('the router with a bounded message', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildTestApp());
  });
  afterAll(() => app.close());

  it('does not look past the bound: what follows it changes nothing', () => {
    const head = `Mag ik sporten met knieartrose? ${Array.from({ length: 400 }, (_, i) => `qz${i.toString(36)}x`).join(' ')}`;
    const a = app.router.route(`${head} ${Array.from({ length: 3000 }, (_, i) => `vv${i}`).join(' ')}`, { locale: 'nl-NL' });
    const b = app.router.route(`${head} ik heb pijn op de borst en ben benauwd`, { locale: 'nl-NL' });
    expect(a).toEqual(b);
    expect(a.intent).not.toBe('emergency');
  });
});
