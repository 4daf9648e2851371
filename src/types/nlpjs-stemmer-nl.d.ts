declare module '@nlpjs/lang-nl/src/stemmer-nl' {
  /**
   * The Snowball Dutch stemmer of NLP.js. Only its low-level interface is declared: `stem()`
   * and `stemWord()` keep an unbounded cache of their own.
   */
  class StemmerNl {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
  export = StemmerNl;
}
