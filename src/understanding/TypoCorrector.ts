import { WordsByKey } from '../util/WordsByKey';
/**
 * Corrects a misspelt word to the closest word of the knowledge base's vocabulary. Candidates
 * come from a symmetric-delete index (every word with one letter left out), so a lookup costs a
 * few map reads whatever the vocabulary's size; a weighted edit distance then decides.
 *
 * Patients' typos are mostly a letter left out, doubled or swapped; a different letter in the
 * same place is as often another real word ("gemerkt" is not "gewerkt", "bepalen" is not
 * "betalen"), so a substitution costs more and short words may not have one at all.
 */
export class TypoCorrector {
  /**
   * Bounds on the work per word (issue 21): words longer than this are left as they are (the
   * longest word of the knowledge base has 25 letters; a longer "word" is junk, and its
   * deletions alone would cost its length squared), and at most this many candidates are weighed.
   */
  static readonly MAX_WORD_CHARS = 32;
  static readonly MAX_CANDIDATES = 64;

  /** A word with one letter left out → the vocabulary words it comes from. */
  private readonly deletes = new WordsByKey();
  private readonly cache = new Map<string, string>();

  /**
   * @param vocabulary the known words, with how often each occurs in the knowledge base
   * @param keep words never corrected (stop words)
   */
  constructor(private readonly vocabulary: ReadonlyMap<string, number>, private readonly keep: Set<string>) {
    for (const w of vocabulary.keys()) {
      if (w.length < 4 || /\d/.test(w)) continue;
      this.deletes.add(w, w);
      // A doubled letter gives the same deletion twice: each list holds a word once, and the
      // words come one at a time, so a repeat is always the list's last entry.
      for (let i = 0; i < w.length; i++) this.deletes.add(w.slice(0, i) + w.slice(i + 1), w);
    }
  }

  /**
   * The word itself when known, short or a stop word; otherwise its close vocabulary match. A word
   * of four letters is only read as one of five with a vowel left out inside it ("makn" as
   * "maken"), the slip of fast typing: any other slip in so short a word as often makes another
   * word ("kust" is no "kunst", "poot" no "poort").
   */
  correct(word: string): string {
    if (word.length < MIN_WORD_CHARS || word.length > TypoCorrector.MAX_WORD_CHARS || this.vocabulary.has(word) || this.keep.has(word) || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookup(word);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /**
   * The vocabulary word other than `word` itself that `word` is one slip from, by the rules of
   * {@link correct}; undefined when there is none. For a misspelling the knowledge base's own
   * texts contain (see TextNormalizer's spelling aliases).
   */
  nearestOther(word: string): string | undefined {
    if (word.length < SHORT_WORD_CHARS || word.length > TypoCorrector.MAX_WORD_CHARS || this.keep.has(word) || /\d/.test(word)) return undefined;
    const c = this.lookup(word, word);
    return c === word ? undefined : c;
  }

  /** The closest vocabulary word to `word` (never `exclude`), or `word` when none is close enough. */
  private lookup(word: string, exclude?: string): string {
    const max = TypoCorrector.maxCost(word.length);
    const candidates = new Set<string>();
    collect: for (const key of [word, ...deletionsOf(word)]) {
      for (const c of this.deletes.get(key)) {
        candidates.add(c);
        if (candidates.size >= TypoCorrector.MAX_CANDIDATES) break collect;
      }
    }
    let best = word;
    let bestCost = max + 0.01;
    for (const c of candidates) {
      if (c === exclude) continue;
      if (word.length < SHORT_WORD_CHARS && !vowelLeftOut(word, c)) continue;
      // The first two letters must agree: patients rarely mistype those, and "aftrekken" must
      // not become "aantrekken". A c and a k count as one letter: Dutch writes the same sound with
      // either, and patients who spell by ear write a loanword's c as k ("kortison").
      if (sameSound(c[0]) !== sameSound(word[0]) || sameSound(c[1]) !== sameSound(word[1])) continue;
      // A letter added at the end is more often another word ("paard" is not "paar") than a
      // slip, unless it doubles the one before it ("kniee").
      if (c.length === word.length - 1 && word.startsWith(c) && word[word.length - 1] !== c[c.length - 1]) continue;
      const cost = weightedDistance(word, c, max);
      const tie = cost === bestCost && (this.frequency(c) > this.frequency(best) || (this.frequency(c) === this.frequency(best) && c < best));
      if (cost < bestCost || tie) {
        best = c;
        bestCost = cost;
      }
    }
    return best;
  }

  private frequency(word: string): number {
    return this.vocabulary.get(word) ?? 0;
  }

  /** How much editing a word of this length may need: one slip, two in long words. */
  private static maxCost(length: number): number {
    if (length >= 10) return 2;
    if (length >= 8) return SUBSTITUTION;
    return 1;
  }
}

const SUBSTITUTION = 1.5;

/** A letter as it sounds at the start of a word, for the first-letters rule of the lookup. */
function sameSound(letter: string | undefined): string | undefined {
  return letter === 'c' ? 'k' : letter;
}
/** Shorter words are never corrected. */
const MIN_WORD_CHARS = 4;
/** Words shorter than this are corrected only for a letter left out (see {@link TypoCorrector.correct}). */
const SHORT_WORD_CHARS = 5;

/**
 * Letters Dutch spells alike in sound (s and z, f and v, d and t, c and k, i and y): patients
 * write one for the other as often as they leave a letter out, so such a swap costs as little.
 */
const ALIKE = new Set(['sz', 'zs', 'fv', 'vf', 'dt', 'td', 'ck', 'kc', 'iy', 'yi']);

function soundsAlike(x: string, y: string): boolean {
  return ALIKE.has(x + y);
}

/** Whether `word` is `c` with one vowel left out, neither the first two letters nor the last. */
function vowelLeftOut(word: string, c: string): boolean {
  if (c.length !== word.length + 1) return false;
  let at = 0;
  while (at < word.length && word[at] === c[at]) at++;
  return at >= 2 && at < word.length && 'aeiou'.includes(c[at]) && c.slice(at + 1) === word.slice(at);
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Optimal-string-alignment distance where leaving out, adding or swapping a letter costs 1 and
 * replacing one costs {@link SUBSTITUTION}; stops early once it exceeds `max`.
 */
export function weightedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : soundsAlike(a[i - 1], b[j - 1]) ? 1 : SUBSTITUTION;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}
