import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl';
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
  // Most text is plain ASCII: skip the Unicode decomposition, the costly part, for it.
  const folded = /^[\x00-\x5f\x61-\x7f]*$/.test(text)
    ? text.toLowerCase()
    : text
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
  /**
   * The Snowball Dutch algorithm, as NLP.js implements it: the same stems as the
   * snowball-stemmers package on every word of the knowledge base, about ten times faster, and
   * stemming the vocabulary is most of building the index.
   */
  private readonly stemmer = new StemmerNl();
  private readonly stopwords: Set<string>;
  private readonly rewrites: Map<string, string>;
  private readonly compoundParts: Set<string>;
  /** First word of a synonym variant → variants (as word lists) starting with it, longest first. */
  private readonly synonymIndex = new Map<string, { words: string[]; canonical: string[] }[]>();
  private readonly stemCache = new Map<string, string>();
  /** A folded token → its base words: patients and phrasings repeat the same words. */
  private readonly tokenCache = new Map<string, readonly string[]>();
  private typos?: TypoCorrector;
  /** A word → the stem matching uses (aliases applied), or null for a stop word. */
  private readonly matchStems = new Map<string, string | null>();
  /** Stem → the stem it is read as (verb forms in -t, see {@link useVocabulary}). */
  private readonly stemAliases = new Map<string, string>();
  private vocabulary = new Set<string>();
  private vocabularyStems = new Set<string>();

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

  /**
   * Enables typo correction towards the given vocabulary: the knowledge base's own texts, as
   * their {@link baseWords} (the caller splits each text once and reuses the words).
   */
  useVocabulary(texts: Iterable<readonly string[]>): void {
    // How often each word occurs: between two equally close corrections the common one wins.
    const counts = new Map<string, number>();
    for (const words of texts) for (const part of words) counts.set(part, (counts.get(part) ?? 0) + 1);
    for (const entries of this.synonymIndex.values()) for (const e of entries) e.words.forEach((w) => counts.set(w, counts.get(w) ?? 1));
    for (const w of this.compoundParts) counts.set(w, counts.get(w) ?? 1);
    const words = new Set(counts.keys());
    this.typos = new TypoCorrector(counts, this.stopwords);
    this.vocabulary = words;
    this.vocabularyStems = new Set([...words].filter((w) => w.length >= 4).map((w) => this.stem(w)));
    this.stemAliases.clear();
    this.matchStems.clear();
    // Verb forms in -t ("komt", "beweegt", "wordt") get the stem of their other forms ("komen",
    // "bewegen"), which the stemmer leaves apart; not when the word is itself the stem of
    // another word ("sport" of "sporten").
    const stems = new Map<string, string>();
    for (const w of words) stems.set(w, this.stem(w));
    const stemOfOther = new Set<string>();
    for (const [w, st] of stems) if (st !== w) stemOfOther.add(st);
    for (const w of words) {
      if (w.length < 4 || !w.endsWith('t') || this.stopwords.has(w) || stemOfOther.has(w)) continue;
      const base = this.stem(w.slice(0, -1));
      if (base !== stems.get(w) && stemOfOther.has(base)) this.stemAliases.set(stems.get(w)!, base);
    }
  }

  /** Words of a text: folded, rewritten, compounds split; no synonyms, no typo correction. */
  baseWords(text: string): string[] {
    const out: string[] = [];
    for (const token of foldAndSplit(text)) {
      let words = this.tokenCache.get(token);
      if (!words) {
        const rewritten = this.rewrites.get(token) ?? this.rewrites.get(token.replace(/'/g, ''));
        words = (rewritten ?? token).replace(/'/g, '').split(' ').filter(Boolean).flatMap((w) => this.splitCompound(w));
        if (this.tokenCache.size > 50_000) this.tokenCache.clear();
        this.tokenCache.set(token, words);
      }
      for (const w of words) out.push(w);
    }
    return out;
  }

  /** Base words with typos corrected towards the vocabulary. */
  correctedWords(text: string): string[] {
    return this.corrected(this.baseWords(text));
  }

  /** The words with typos corrected; the same array when nothing changed (building the index allocates less). */
  private corrected(words: string[]): string[] {
    if (!this.typos) return words;
    let out: string[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      // Known words first: nearly every word of the knowledge base's own texts is one.
      const known = this.vocabulary.has(w) || this.stopwords.has(w) || w.length < 5;
      const c = known ? w : this.typos.correct(w);
      const replaced = known ? undefined : c !== w ? [c] : this.unknownWord(w);
      if (!replaced || (replaced.length === 1 && replaced[0] === w)) {
        out?.push(w);
        continue;
      }
      out ??= words.slice(0, i);
      out.push(...replaced);
    }
    return out ?? words;
  }

  /**
   * A word the knowledge base does not know and that is no typo: a diminutive of a known word
   * is read as that word (briefje → brief), and a compound whose parts are known as its parts,
   * the last one (the head, which carries the meaning in Dutch) included
   * (pijnmedicatie → pijn medicatie). Anything else stays as it is.
   */
  private unknownWord(word: string): string[] {
    for (const suffix of DIMINUTIVES) {
      const base = word.slice(0, -suffix.length);
      if (word.endsWith(suffix) && base.length >= 3 && this.vocabulary.has(base)) return [base];
    }
    if (word.length < 8) return [word];
    for (let i = 4; i <= word.length - 4; i++) {
      const head = word.slice(i);
      if (!this.vocabulary.has(head) || this.stopwords.has(head)) continue;
      let left = word.slice(0, i);
      if (!this.knownPart(left) && left.endsWith('s') && this.knownPart(left.slice(0, -1))) left = left.slice(0, -1);
      if (this.knownPart(left)) return [left, head];
    }
    return [word];
  }

  /** A known word, or the stem of one ("behandel" of "behandeling"). */
  private knownPart(part: string): boolean {
    return this.vocabulary.has(part) || this.vocabularyStems.has(part);
  }

  /** True when the word is a stop word. */
  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /** Full normalisation of a message or a phrasing. */
  normalize(text: string): NormalizedText {
    return this.normalizeWords(this.baseWords(text));
  }

  /** {@link normalize} of a text already split into its {@link baseWords}. */
  normalizeWords(baseWords: string[]): NormalizedText {
    const words = this.corrected(baseWords);
    return { words, stems: this.stemsOf(words) };
  }

  /**
   * Stems of correctly spelt content (the answers): as {@link normalize}, without typo
   * correction, which only costs time on text written by the practice.
   */
  contentStems(text: string): string[] {
    return this.stemsOf(this.baseWords(text));
  }

  /** Synonyms applied, stop words dropped, the rest stemmed. */
  private stemsOf(words: string[]): string[] {
    const stems: string[] = [];
    for (const w of this.applySynonyms(words)) {
      let st = this.matchStems.get(w);
      if (st === undefined) {
        st = this.stopwords.has(w) ? null : this.stem(w);
        if (st !== null) st = this.stemAliases.get(st) ?? st;
        if (this.matchStems.size > 50_000) this.matchStems.clear();
        this.matchStems.set(w, st);
      }
      if (st !== null) stems.push(st);
    }
    return stems;
  }

  /** Comparison key of a text: every word stemmed, stop words kept; for spotting repeats. */
  key(text: string): string {
    return this.baseWords(text).map((w) => this.stem(w)).join(' ');
  }

  /** The Dutch stem of one folded word. */
  stem(word: string): string {
    const cached = this.stemCache.get(word);
    if (cached !== undefined) return cached;
    this.stemmer.setCurrent(word);
    this.stemmer.innerStem();
    const stem = this.stemmer.getCurrent();
    if (this.stemCache.size > 50_000) this.stemCache.clear();
    this.stemCache.set(word, stem);
    return stem;
  }

  /** The words with synonyms replaced by their canonical form; the same array when none occurs. */
  private applySynonyms(words: string[]): string[] {
    let out: string[] | undefined;
    for (let i = 0; i < words.length; ) {
      const candidates = this.synonymIndex.get(words[i]);
      const hit = candidates?.find((c) => c.words.every((w, k) => words[i + k] === w));
      if (hit) {
        out ??= words.slice(0, i);
        out.push(...hit.canonical);
        i += hit.words.length;
      } else {
        out?.push(words[i]);
        i += 1;
      }
    }
    return out ?? words;
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

/** Dutch and Flemish diminutive endings, longest first. */
const DIMINUTIVES = ['etjes', 'eskes', 'etje', 'eske', 'tjes', 'pjes', 'skes', 'tje', 'pje', 'jes', 'ske', 'kes', 'je', 'ke'];

function foldKey(k: string): string {
  return k.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\u2018\u2019`´]/g, "'");
}
