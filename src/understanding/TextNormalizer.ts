import { newStemmer } from 'snowball-stemmers';
import type { LanguageData, SynonymGroup } from '../knowledge/types';
import { TypoCorrector } from './TypoCorrector';

/** A message after normalisation: the folded words, and the stems used for matching. */
export interface NormalizedText {
  /** Lowercase words without accents, elisions rewritten, compounds split; stop words kept. */
  words: string[];
  /** Stems of the content words after synonyms and stop words; what the index sees. */
  stems: string[];
}

/** Lowercases, removes accents and punctuation, and splits into words (apostrophes kept). */
export function foldAndSplit(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  return folded.match(/[a-z0-9']+/g) ?? [];
}

/**
 * Turns Dutch and Flemish patient text into stems for matching: folding, elisions and chat
 * spellings, compound splitting, typo correction against the knowledge base's vocabulary,
 * synonyms, stop words and the Dutch snowball stemmer. Built once; pure afterwards.
 */
export class TextNormalizer {
  private readonly stemmer = newStemmer('dutch');
  private readonly stopwords: Set<string>;
  private readonly rewrites: Map<string, string>;
  private readonly compoundParts: Set<string>;
  /** First word of a synonym variant → variants (as word lists) starting with it, longest first. */
  private readonly synonymIndex = new Map<string, { words: string[]; canonical: string[] }[]>();
  private readonly stemCache = new Map<string, string>();
  private typos?: TypoCorrector;

  constructor(language: LanguageData, synonyms: SynonymGroup[]) {
    this.stopwords = new Set(language.stopwords.flatMap(foldAndSplit));
    this.rewrites = new Map(Object.entries(language.rewrites).map(([k, v]) => [foldKey(k), v]));
    this.compoundParts = new Set(language.compoundParts.flatMap(foldAndSplit));
    for (const group of synonyms) {
      const canonical = this.baseWords(group.canonical);
      for (const variant of [group.canonical, ...group.variants]) {
        const words = this.baseWords(variant);
        if (!words.length) continue;
        const list = this.synonymIndex.get(words[0]) ?? [];
        list.push({ words, canonical });
        list.sort((a, b) => b.words.length - a.words.length);
        this.synonymIndex.set(words[0], list);
      }
    }
  }

  /** Enables typo correction towards the given vocabulary (the knowledge base's own words). */
  useVocabulary(vocabulary: Iterable<string>): void {
    const words = new Set<string>();
    for (const w of vocabulary) for (const part of this.baseWords(w)) words.add(part);
    for (const entries of this.synonymIndex.values()) for (const e of entries) e.words.forEach((w) => words.add(w));
    for (const w of this.compoundParts) words.add(w);
    this.typos = new TypoCorrector(words, this.stopwords);
  }

  /** Words of a text: folded, rewritten, compounds split; no synonyms, no typo correction. */
  baseWords(text: string): string[] {
    const out: string[] = [];
    for (const token of foldAndSplit(text)) {
      const rewritten = this.rewrites.get(token) ?? this.rewrites.get(token.replace(/'/g, ''));
      const word = (rewritten ?? token).replace(/'/g, '');
      if (!word) continue;
      for (const w of word.split(' ')) if (w) out.push(...this.splitCompound(w));
    }
    return out;
  }

  /** Base words with typos corrected towards the vocabulary. */
  correctedWords(text: string): string[] {
    const words = this.baseWords(text);
    return this.typos ? words.map((w) => this.typos!.correct(w)) : words;
  }

  /** True when the word is a stop word. */
  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /** Full normalisation of a message or a phrasing. */
  normalize(text: string): NormalizedText {
    const words = this.correctedWords(text);
    const withSynonyms = this.applySynonyms(words);
    const stems: string[] = [];
    for (const w of withSynonyms) {
      if (this.stopwords.has(w)) continue;
      stems.push(this.stem(w));
    }
    return { words, stems };
  }

  /** Comparison key of a text: every word stemmed, stop words kept; for spotting repeats. */
  key(text: string): string {
    return this.baseWords(text).map((w) => this.stem(w)).join(' ');
  }

  /** The Dutch stem of one folded word. */
  stem(word: string): string {
    const cached = this.stemCache.get(word);
    if (cached !== undefined) return cached;
    const stem = this.stemmer.stem(word);
    if (this.stemCache.size > 50_000) this.stemCache.clear();
    this.stemCache.set(word, stem);
    return stem;
  }

  private applySynonyms(words: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = this.synonymIndex.get(words[i]);
      const hit = candidates?.find((c) => c.words.every((w, k) => words[i + k] === w));
      if (hit) {
        out.push(...hit.canonical);
        i += hit.words.length;
      } else {
        out.push(words[i]);
        i += 1;
      }
    }
    return out;
  }

  /** knieartrose → knie artrose; röntgenfoto → rontgen foto. Only into known domain parts. */
  private splitCompound(word: string): string[] {
    if (word.length < 7 || this.compoundParts.has(word)) return [word];
    for (let i = 3; i <= word.length - 3; i++) {
      const left = word.slice(0, i);
      if (!this.compoundParts.has(left)) continue;
      let right = word.slice(i);
      if (!this.compoundParts.has(right) && right.startsWith('s') && this.compoundParts.has(right.slice(1))) right = right.slice(1);
      if (this.compoundParts.has(right)) return [left, right];
      const rest = this.splitCompound(right);
      if (rest.length > 1) return [left, ...rest];
    }
    return [word];
  }
}

function foldKey(k: string): string {
  return k.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\u2018\u2019`´]/g, "'");
}
