/**
 * Finds phrases (sequences of folded words, `*` for a prefix) in a list of words, allowing a few
 * other words in between; emergency detection uses it.
 */
export class PhraseMatcher {
  constructor(private readonly maxGap = 2) {}

  /** The index of the phrase's last word when it occurs starting at `start`, else -1. */
  endOfMatchAt(words: readonly string[], start: number, phrase: readonly string[]): number {
    if (!wordMatches(words[start], phrase[0])) return -1;
    let pos = start;
    for (let k = 1; k < phrase.length; k++) {
      let found = -1;
      for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + this.maxGap); j++) {
        if (wordMatches(words[j], phrase[k])) {
          found = j;
          break;
        }
      }
      if (found < 0) return -1;
      pos = found;
    }
    return pos;
  }
}

/** True when a folded word matches a pattern word (`zwel*` matches every word starting with "zwel"). */
export function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}
