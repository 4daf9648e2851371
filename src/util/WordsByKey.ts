const NO_WORDS: readonly string[] = [];

/**
 * Words filed under keys, such as a word with one letter left out → the list words it comes from,
 * to read typos ("knellnde"). Nineteen keys in twenty hold one word: it is kept as the string
 * itself, not as an array of one (two objects, 56 bytes, times tens of thousands of keys).
 */
export class WordsByKey {
  private readonly byKey = new Map<string, string | string[]>();

  /** Files `word` under `key`; a repeat of the word filed there last is kept once. */
  add(key: string, word: string): void {
    const had = this.byKey.get(key);
    if (had === undefined) this.byKey.set(key, word);
    else if (typeof had === 'string') {
      if (had !== word) this.byKey.set(key, [had, word]);
    } else if (had[had.length - 1] !== word) had.push(word);
  }

  /** The words filed under `key`, in the order they were filed. */
  get(key: string): readonly string[] {
    const words = this.byKey.get(key);
    return words === undefined ? NO_WORDS : typeof words === 'string' ? [words] : words;
  }
}
