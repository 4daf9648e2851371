import Fuse from 'fuse.js';

/**
 * Corrects a misspelt word to the closest word of the knowledge base's vocabulary. fuse.js does
 * the fuzzy lookup, over a bucket of words with the same first letter (a typo in the first
 * letter is rare, and a bucket keeps each lookup to a few hundred words); an edit-distance check
 * then refuses loose matches, so an unknown but correct word is left alone.
 */
export class TypoCorrector {
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly vocabulary: Set<string>, private readonly keep: Set<string>) {
    for (const w of vocabulary) {
      if (w.length < 4) continue;
      const list = this.buckets.get(w[0]) ?? [];
      list.push(w);
      this.buckets.set(w[0], list);
    }
  }

  /** The word itself when known, short or a stop word; otherwise its close vocabulary match. */
  correct(word: string): string {
    if (word.length < 5 || this.vocabulary.has(word) || this.keep.has(word) || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookup(word);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string): string {
    const fuse = this.fuseFor(word[0]);
    if (!fuse) return word;
    // Long words get two edits, others one; the first two letters must agree, since patients
    // rarely mistype those and "aftrekken" must not become "aantrekken".
    const maxEdits = word.length <= 8 ? 1 : 2;
    let best = word;
    let bestDistance = maxEdits + 1;
    for (const hit of fuse.search(word, { limit: 5 })) {
      if (hit.item[1] !== word[1]) continue;
      const d = damerauLevenshtein(word, hit.item, maxEdits);
      if (d < bestDistance) {
        best = hit.item;
        bestDistance = d;
      }
    }
    return best;
  }

  private fuseFor(letter: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(letter);
    if (!fuse) {
      const words = this.buckets.get(letter);
      if (!words) return undefined;
      fuse = new Fuse(words, { threshold: 0.34, includeScore: true, ignoreLocation: true, minMatchCharLength: 3 });
      this.fuses.set(letter, fuse);
    }
    return fuse;
  }
}

/** Optimal-string-alignment distance, stopping early once it exceeds `max`. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
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
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}
