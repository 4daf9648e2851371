/**
 * Finds phrases (sequences of folded words, `*` for a prefix) in a list of words, allowing a few
 * other words in between. Shared by emergency detection and anything that matches content phrases.
 */
export class PhraseMatcher {
  constructor(private readonly maxGap = 2) {}

  /** Start positions where the phrase occurs. */
  findAll(words: string[], phrase: string[]): number[] {
    const starts: number[] = [];
    for (let i = 0; i < words.length; i++) {
      if (!wordMatches(words[i], phrase[0])) continue;
      let pos = i;
      let ok = true;
      for (let k = 1; k < phrase.length && ok; k++) {
        ok = false;
        for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + this.maxGap); j++) {
          if (wordMatches(words[j], phrase[k])) {
            pos = j;
            ok = true;
            break;
          }
        }
      }
      if (ok) starts.push(i);
    }
    return starts;
  }
}

function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}
