import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl';
import type { LanguageData, SynonymGroup } from '../knowledge/types';
import type { StemmedTexts } from './TopicIndex';
import { TypoCorrector } from './TypoCorrector';

/** A message after normalisation: the folded words, and the stems used for matching. */
export interface NormalizedText {
  /** Lowercase words without accents, elisions rewritten, compounds split; stop words kept. */
  readonly words: readonly string[];
  /** Stems of the content words after synonyms and stop words; what the index sees. */
  readonly stems: readonly string[];
}

/** What {@link TextNormalizer.learn} does with each text: a sum of these flags. */
export const LEARN = {
  /** The text's words are vocabulary: typo correction corrects towards them. */
  vocabulary: 1,
  /** The text's stems are wanted, as {@link TextNormalizer.contentStems} gives them. */
  stems: 2,
  /** The text's {@link TextNormalizer.key} is wanted. */
  key: 4,
} as const;

/** What {@link TextNormalizer.learn} found in the knowledge base's texts, by the texts' positions. */
export interface LearnedTexts extends StemmedTexts {
  /** Each text's {@link TextNormalizer.key}; '' for texts it was not asked for. */
  readonly keys: readonly string[];
}

/** language.yaml's ageOrdinals, as the normaliser reads them. */
interface AgeOrdinals {
  /** Possessives ("mijn", "je") after which an ordinal is an age. */
  after: Set<string>;
  /** Words ("am", "of") after which a plain number is an age (language.yaml). */
  cardinalAfter: Set<string>;
  /** An ordinal in digits, the number captured. */
  digits: RegExp;
  /** Ordinals written out, with their number. */
  words: Map<string, number>;
  /** Age bands, each with the base words its ages are read as, and how a plain number of it is read. */
  bands: { from: number; to: number; word: readonly string[]; plainNumber: 'word' | 'none' }[];
}

/** A synonym variant as word ids, and the word ids it stands for. */
interface InternedSynonym {
  words: Int32Array;
  canonical: Int32Array;
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
  /** Words after which an adjective takes a partitive -s (language.yaml's partitiveAfter). */
  private readonly partitiveAfter: Set<string>;
  /** An unknown word → the vocabulary word it is an inflection of ('' for none); see {@link inflectionOf}. */
  private readonly inflectionCache = new Map<string, string>();
  private typos?: TypoCorrector;
  /** A word → the stem matching uses (aliases applied), or null for a stop word. */
  private readonly matchStems = new Map<string, string | null>();
  /** Stem → the stem it is read as (verb forms in -t, see {@link useVocabulary}). */
  private readonly stemAliases = new Map<string, string>();
  private vocabulary = new Set<string>();
  private vocabularyStems = new Set<string>();
  /** Ages said as ordinals after a possessive, and the words they are read as; absent when not configured. */
  private readonly ages?: AgeOrdinals;
  /** language.yaml's intensityIdioms and languageAsides by their first word; see {@link withoutIdioms}. */
  private readonly idioms = new Map<string, string[][]>();
  /** Words that may stand between an idiom's words ("almost", "really"). */
  private readonly idiomBetween: Set<string>;
  /** A vocabulary word of six letters or more by its stem, the first one seen; see {@link joined}. */
  private vocabularyByStem = new Map<string, string>();

  constructor(language: LanguageData, synonyms: SynonymGroup[]) {
    this.stopwords = new Set(language.stopwords.flatMap(foldAndSplit));
    this.rewrites = new Map(Object.entries(language.rewrites).map(([k, v]) => [foldKey(k), v]));
    this.compoundParts = new Set(language.compoundParts.flatMap(foldAndSplit));
    this.partitiveAfter = new Set((language.partitiveAfter ?? []).flatMap(foldAndSplit));
    const idioms = language.intensityIdioms ?? { between: [], phrases: [] };
    this.idiomBetween = new Set(idioms.between.flatMap(foldAndSplit));
    for (const phrase of [...idioms.phrases, ...(language.languageAsides ?? [])]) {
      const words = this.baseWords(phrase);
      if (words.length) this.idioms.set(words[0], [...(this.idioms.get(words[0]) ?? []), words]);
    }
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
    const ages = language.ageOrdinals;
    if (ages) {
      const suffixes = ages.suffixes.flatMap(foldAndSplit).sort((a, b) => b.length - a.length);
      this.ages = {
        after: new Set(ages.after.flatMap((w) => this.baseWords(w))),
        cardinalAfter: new Set(ages.cardinalAfter.flatMap((w) => this.baseWords(w))),
        digits: new RegExp(`^(\\d{1,3})(?:${suffixes.join('|')})$`),
        words: new Map(Object.entries(ages.words).flatMap(([w, n]) => this.baseWords(w).map((b) => [b, n] as const))),
        bands: ages.bands.map((b) => ({ from: b.from, to: b.to, word: this.baseWords(b.word), plainNumber: b.plainNumber })),
      };
    }
  }

  /**
   * The words an age said as an ordinal is read as ("mijn" "35ste" → the word of its band), or
   * undefined when `word`, following `previous`, is no such age.
   */
  private ageAt(previous: string | undefined, word: string): readonly string[] | undefined {
    const ages = this.ages;
    if (!ages || previous === undefined) return undefined;
    let n: number | undefined;
    if (ages.after.has(previous)) {
      n = ages.words.get(word);
      const m = n === undefined ? ages.digits.exec(word) : null;
      if (m) n = Number(m[1]);
    }
    if (n === undefined && ages.cardinalAfter.has(previous) && /^\d{1,3}$/.test(word)) {
      const age = Number(word);
      const band = ages.bands.find((b) => age >= b.from && age <= b.to);
      return band && band.plainNumber === 'none' ? NO_WORDS : band?.word;
    }
    if (n === undefined) return undefined;
    const age = n;
    return ages.bands.find((b) => age >= b.from && age <= b.to)?.word;
  }

  /**
   * Enables typo correction towards the given vocabulary: the knowledge base's own texts, as
   * their {@link baseWords} (the caller splits each text once and reuses the words).
   */
  useVocabulary(texts: Iterable<readonly string[]>): void {
    // How often each word occurs: between two equally close corrections the common one wins.
    const counts = new Map<string, number>();
    for (const words of texts) for (const part of words) counts.set(part, (counts.get(part) ?? 0) + 1);
    this.learnVocabulary(counts);
  }

  /**
   * Learns the vocabulary from the knowledge base's texts (those flagged {@link LEARN}.vocabulary),
   * as {@link useVocabulary} does, and returns the stems and keys asked for with the other flags.
   * Each text is split once. A knowledge base of thousands of topics has some 800,000 word
   * occurrences but only a few thousand distinct words, so each word is given an id and its facts
   * (count, synonyms, stem) are worked out once per id; an occurrence then costs one lookup of its
   * token. The stems are those of {@link contentStems}: no typo correction, which would change
   * nothing in the vocabulary's own texts, since each of their words is then known.
   *
   * @param texts the texts, in the order their words should enter the vocabulary
   * @param flags per text, a sum of {@link LEARN} flags
   */
  learn(texts: readonly string[], flags: readonly number[]): LearnedTexts {
    const wordIds = new Map<string, number>();
    const words: string[] = [];
    const counts: number[] = [];
    const intern = (w: string): number => {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = words.length;
        wordIds.set(w, id);
        words.push(w);
        counts.push(0);
      }
      return id;
    };
    // Phase 1: every text into word ids, one after another. A token is looked up by a hash of
    // its characters, worked out while scanning the text, in a table of its own: slicing out and
    // hashing some 900,000 token strings for a Map, and the arrays foldAndSplit returns, were a
    // third of the build.
    let slots: Int32Array = new Int32Array(1 << 12);
    const tokenText: string[] = [];
    const tokenHash: number[] = [];
    /** Token t's word ids are tokenWordIds[tokenFrom[t] … tokenFrom[t + 1]). */
    const tokenFrom: number[] = [0];
    const tokenWordIds: number[] = [];
    const tokenOf = (src: string, start: number, end: number, hash: number): number => {
      const mask = slots.length - 1;
      let at = hash & mask;
      for (;;) {
        const t = slots[at] - 1;
        if (t < 0) break;
        if (tokenHash[t] === hash && sameToken(tokenText[t], src, start, end)) return t;
        at = (at + 1) & mask;
      }
      const t = tokenText.length;
      const token = src.slice(start, end).toLowerCase();
      tokenText.push(token);
      tokenHash.push(hash);
      for (const w of this.tokenWords(token)) tokenWordIds.push(intern(w));
      tokenFrom.push(tokenWordIds.length);
      slots[at] = t + 1;
      if (tokenText.length * 2 > slots.length) slots = rehashed(slots.length * 2, tokenHash);
      return t;
    };
    let wordsOf = new Int32Array(1 << 16);
    let used = 0;
    const append = (t: number) => {
      const from = tokenFrom[t];
      const to = tokenFrom[t + 1];
      if (used + to - from > wordsOf.length) {
        const grown = new Int32Array(wordsOf.length * 2 + to - from);
        grown.set(wordsOf);
        wordsOf = grown;
      }
      for (let k = from; k < to; k++) wordsOf[used++] = tokenWordIds[k];
    };
    const wordStart = new Int32Array(texts.length + 1);
    const firstSeen: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      const from = used;
      // As foldAndSplit: plain ASCII lowercased, tokens the runs of [a-z0-9'].
      let start = -1;
      let hash = 0;
      let plain = true;
      for (let k = 0; k < text.length; k++) {
        const code = text.charCodeAt(k);
        const c = code < 128 ? PLAIN_CHARS[code] : NOT_PLAIN;
        if (c > SEPARATOR) {
          if (start < 0) {
            start = k;
            hash = HASH_SEED;
          }
          hash = Math.imul(hash ^ c, HASH_PRIME);
        } else if (c === SEPARATOR) {
          if (start >= 0) append(tokenOf(text, start, k, hash));
          start = -1;
        } else {
          plain = false;
          break;
        }
      }
      if (plain && start >= 0) append(tokenOf(text, start, text.length, hash));
      if (!plain) {
        // Accents and typographic quotes: folded by foldAndSplit itself, then looked up the same way.
        used = from;
        for (const token of foldAndSplit(text)) append(tokenOf(token, 0, token.length, hashOf(token)));
      }
      // Vocabulary words counted in the order they first occur, as useVocabulary would see them.
      if (flags[i] & LEARN.vocabulary) {
        for (let k = from; k < used; k++) if (counts[wordsOf[k]]++ === 0) firstSeen.push(wordsOf[k]);
      }
      wordStart[i + 1] = used;
    }
    this.learnVocabulary(new Map(firstSeen.map((id) => [words[id], counts[id]])));

    // Phase 2: the facts of each distinct word. Synonym variants as ids, indexed by their first word.
    const interned = [...this.synonymIndex].map(([first, entries]) => ({
      first: intern(first),
      entries: entries.map((e) => ({ words: Int32Array.from(e.words, intern), canonical: Int32Array.from(e.canonical, intern) })),
    }));
    const synonyms = new Array<InternedSynonym[] | undefined>(words.length).fill(undefined);
    for (const { first, entries } of interned) synonyms[first] = entries;
    // Each band's words as ids, interned before the stems below are worked out per id.
    const ageWords = new Map(this.ages?.bands.map((b) => [b.word, Int32Array.from(b.word, intern)]));
    const stemIds = new Map<string, number>();
    const stems: string[] = [];
    const matchStem = new Int32Array(words.length);
    for (let id = 0; id < words.length; id++) {
      const st = this.matchStem(words[id]);
      if (st === null) {
        matchStem[id] = -1;
        continue;
      }
      let s = stemIds.get(st);
      if (s === undefined) {
        s = stems.length;
        stemIds.set(st, s);
        stems.push(st);
      }
      matchStem[id] = s;
    }
    const plainStem = new Array<string | undefined>(words.length).fill(undefined);

    // Phase 3: per text, synonyms applied and stop words dropped, as stemsOf does; and keys.
    const stemStart = new Int32Array(texts.length + 1);
    let out = new Int32Array(used);
    let n = 0;
    const emit = (id: number) => {
      const s = matchStem[id];
      if (s < 0) return;
      if (n === out.length) {
        const grown = new Int32Array(out.length * 2 + 16);
        grown.set(out);
        out = grown;
      }
      out[n++] = s;
    };
    const keys: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const from = wordStart[i];
      const to = wordStart[i + 1];
      if (flags[i] & LEARN.stems) {
        for (let k = from; k < to; ) {
          const age = k > from ? this.ageAt(words[wordsOf[k - 1]], words[wordsOf[k]]) : undefined;
          if (age) {
            for (const id of ageWords.get(age) ?? []) emit(id);
            k += 1;
            continue;
          }
          const hit = synonyms[wordsOf[k]]?.find((c) => matchesAt(wordsOf, k, to, c.words));
          if (hit) {
            for (let j = 0; j < hit.canonical.length; j++) emit(hit.canonical[j]);
            k += hit.words.length;
          } else emit(wordsOf[k++]);
        }
      }
      stemStart[i + 1] = n;
      if (flags[i] & LEARN.key) {
        const parts: string[] = [];
        for (let k = from; k < to; k++) parts.push((plainStem[wordsOf[k]] ??= this.stem(words[wordsOf[k]])));
        keys.push(parts.join(' '));
      } else keys.push('');
    }
    return { stems, stemStart, stemIds: out.subarray(0, n), keys };
  }

  /** The vocabulary, as word → occurrences, for typo correction and the verb-form aliases. */
  private learnVocabulary(counts: Map<string, number>): void {
    for (const entries of this.synonymIndex.values()) for (const e of entries) e.words.forEach((w) => counts.set(w, counts.get(w) ?? 1));
    for (const w of this.compoundParts) counts.set(w, counts.get(w) ?? 1);
    const words = new Set(counts.keys());
    this.typos = new TypoCorrector(counts, this.stopwords);
    this.vocabulary = words;
    this.inflectionCache.clear();
    this.vocabularyStems = new Set([...words].filter((w) => w.length >= 4).map((w) => this.stem(w)));
    this.vocabularyByStem = new Map();
    for (const w of words) {
      if (w.length < JOINED_MIN_CHARS || this.stopwords.has(w)) continue;
      const st = this.stem(w);
      if (!this.vocabularyByStem.has(st)) this.vocabularyByStem.set(st, w);
    }
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
    // Past participles ("made", "worked" in Dutch, with their ge- prefix) get the stem of their
    // infinitive when the vocabulary has it: the stemmer leaves the prefix on.
    for (const w of words) {
      if (!w.startsWith('ge') || w.length < 6 || !/[dt]$/.test(w) || this.stopwords.has(w)) continue;
      const infinitive = this.verbFormOf([w.slice(2, -1), w.slice(2)], w);
      if (!infinitive) continue;
      const from = stems.get(w)!;
      const to = this.stemAliases.get(this.stem(infinitive)) ?? this.stem(infinitive);
      if (from !== to && !this.stemAliases.has(from)) this.stemAliases.set(from, to);
    }
    this.learnSpellingAliases(counts, stems);
  }

  /**
   * Misspellings among the phrasings (written as patients type: a letter swapped in "appointment") are
   * words of the vocabulary too, so typo correction leaves them as they are and each ties its
   * stem to the one topic or intent whose phrasing has it (an appointment request with that slip was read as
   * cancelling, whose phrasing has that slip). A rare word one slip from a far more common one is
   * read as that word, in the phrasings and in patients' messages alike. Only slips that seldom
   * make another word count (see {@link isSlip}): "houten" is no misspelling of "houden", nor
   * "zonde" of "zonder".
   */
  private learnSpellingAliases(counts: ReadonlyMap<string, number>, stems: ReadonlyMap<string, string>): void {
    const stemCounts = new Map<string, number>();
    for (const [w, st] of stems) stemCounts.set(st, (stemCounts.get(st) ?? 0) + (counts.get(w) ?? 0));
    for (const [w, n] of counts) {
      if (n > RARE_SPELLING || this.stopwords.has(w)) continue;
      const common = this.typos!.nearestOther(w);
      if (!common || !isSlip(w, common) || this.stopwords.has(common) || (counts.get(common) ?? 0) < COMMON_SPELLING * n) continue;
      const from = stems.get(w)!;
      const to = this.stemAliases.get(stems.get(common)!) ?? stems.get(common)!;
      // A stem other words share is theirs too: only a stem of this word alone is read as another.
      if (from === to || this.stemAliases.has(from) || (stemCounts.get(from) ?? 0) > n) continue;
      this.stemAliases.set(from, to);
    }
  }

  /**
   * The first vocabulary word (no stop word, not `word` itself) among the verb forms of the
   * bases: the base, its infinitive (-en, -n, a doubled final consonant, a long vowel written
   * single in the open syllable).
   */
  private verbFormOf(bases: readonly string[], word: string): string | undefined {
    for (const b of bases) {
      if (b.length < 4) continue;
      const last = b[b.length - 1];
      const forms = [b, b + 'en', b + 'n', b + last + 'en'];
      // A long vowel written double in a closed syllable is single in the open one (Dutch spelling: "I make", "to make").
      const open = /([aeou])\1([^aeiou])$/.exec(b);
      if (open) forms.push(b.slice(0, -2) + open[2] + 'en');
      for (const f of forms) if (f !== word && this.vocabulary.has(f) && !this.stopwords.has(f)) return f;
    }
    return undefined;
  }

  /** Words of a text: folded, rewritten, compounds split; no synonyms, no typo correction. */
  baseWords(text: string): string[] {
    const out: string[] = [];
    for (const token of foldAndSplit(text)) for (const w of this.tokenWords(token)) out.push(w);
    return out;
  }

  /** The base words of one folded token. */
  private tokenWords(token: string): readonly string[] {
    let words = this.tokenCache.get(token);
    if (!words) {
      const rewritten = this.rewrites.get(token) ?? this.rewrites.get(token.replace(/'/g, ''));
      // Flemish and southern speech grows the pronoun onto the verb in writing too ("can-I" as one
      // word): the verb, and the pronoun as language.yaml rewrites the clitic on its own.
      const clitic = rewritten === undefined ? CLITIC_I.exec(token) : null;
      words = clitic
        ? [...this.tokenWords(clitic[1]), ...this.tokenWords("'k")]
        : (rewritten ?? token).replace(/'/g, '').split(' ').filter(Boolean).flatMap((w) => this.splitCompound(w));
      if (this.tokenCache.size > 50_000) this.tokenCache.clear();
      this.tokenCache.set(token, words);
    }
    return words;
  }

  /** Base words with typos corrected towards the vocabulary. */
  correctedWords(text: string): readonly string[] {
    return this.corrected(this.baseWords(text));
  }

  /**
   * {@link baseWords} with typos corrected towards the vocabulary; the same array when nothing
   * changed, so a caller that already has a text's base words need not split it again.
   */
  corrected(words: readonly string[]): readonly string[] {
    if (!this.typos) return words;
    let out: string[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      // Known words first: nearly every word of the knowledge base's own texts is one.
      const known = this.vocabulary.has(w) || this.stopwords.has(w) || w.length < 4;
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
   * {@link corrected} for routing: first, a word the vocabulary lacks that is an inflected form
   * of one it has is read as that word: a past participle ("worked" read as "to work"), a verb
   * form of the first or third person ("I cancel" as "to cancel"), a comparative or superlative
   * ("more painful" as "painful"), an adjective with the partitive -s after "something" (see
   * language.yaml's partitiveAfter). Otherwise typo correction would take the closest word (the
   * partitive "cold" became "sock"), which is often another word. Only for routing: the red-flag
   * lists read words their own way.
   */
  routingWords(words: readonly string[]): readonly string[] {
    words = this.joined(this.withoutIdioms(words));
    let out: string[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const base = this.isKnown(w) || w.length < 5 || /\d/.test(w) ? undefined : this.inflectionOf(w, i > 0 && this.partitiveAfter.has(words[i - 1]));
      if (base === undefined) {
        out?.push(w);
        continue;
      }
      out ??= words.slice(0, i);
      out.push(base);
    }
    return this.corrected(out ?? words);
  }

  /**
   * The words without the idioms of intensity (language.yaml's intensityIdioms: "I am dying of
   * the pain when I climb the stairs" asks what "climbing stairs hurts" asks). An idiom's words
   * were read as unknown words, or as a topic's words ("become" of "become stiff"), and pulled
   * the message away from its question or out of the domain. Asides about one's own Dutch or
   * understanding ("sorry for my Dutch", "I don't understand it well", language.yaml's
   * languageAsides) are dropped the same way: their "not" and "well" read as a question about
   * what is not good. The same array when none occurs. Only for routing: the safety check reads
   * the message with its own lists.
   */
  withoutIdioms(words: readonly string[]): readonly string[] {
    let drop: Set<number> | undefined;
    for (let i = 0; i < words.length; i++) {
      for (const phrase of this.idioms.get(words[i]) ?? []) {
        const at = this.idiomAt(words, i, phrase);
        if (!at) continue;
        drop ??= new Set();
        for (const k of at) drop.add(k);
        break;
      }
    }
    return drop ? words.filter((_, k) => !drop.has(k)) : words;
  }

  /** Where the idiom's words (and the words between them) stand when it starts at `start`; undefined when it does not. */
  private idiomAt(words: readonly string[], start: number, phrase: readonly string[]): number[] | undefined {
    const at = [start];
    let k = start + 1;
    for (let p = 1; p < phrase.length; p++) {
      for (let gap = 0; k < words.length && words[k] !== phrase[p] && gap < IDIOM_GAP; gap++, k++) {
        if (this.idiomBetween.has(words[k])) at.push(k);
        else if (!this.stopwords.has(words[k])) return undefined;
      }
      if (words[k] !== phrase[p]) return undefined;
      at.push(k++);
    }
    return at;
  }

  /**
   * The words with a compound written apart joined where the knowledge base writes it as one word
   * ("stairs climb" typed apart, "pain killers"): two neighbouring words, neither a stop word,
   * whose joined form, or a form with its stem, is a word of the vocabulary. Apart, the two halves
   * are other words that match other topics, or none. The same array when nothing is joined.
   */
  private joined(words: readonly string[]): readonly string[] {
    let out: string[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const a = words[i];
      const b = words[i + 1];
      const whole = b !== undefined && a.length >= 3 && b.length >= 3 && !this.stopwords.has(a) && !this.stopwords.has(b) && !/\d/.test(a + b) ? this.joinedWord(a + b) : undefined;
      if (whole === undefined) {
        out?.push(a);
        continue;
      }
      out ??= words.slice(0, i);
      out.push(whole);
      i += 1;
    }
    return out ?? words;
  }

  /** The vocabulary word a compound typed apart stands for: itself, or the vocabulary's word of its stem. */
  private joinedWord(whole: string): string | undefined {
    if (whole.length < JOINED_MIN_CHARS) return undefined;
    if (this.vocabulary.has(whole)) return this.splitCompound(whole).length === 1 ? whole : undefined;
    return this.vocabularyByStem.get(this.stem(whole));
  }

  /** The vocabulary word an unknown word is an inflected form of, if any; see {@link routingWords}. */
  private inflectionOf(word: string, partitive: boolean): string | undefined {
    const key = partitive ? `${word}/p` : word;
    let hit = this.inflectionCache.get(key);
    if (hit !== undefined) return hit || undefined;
    const bases: string[] = [];
    if (word.startsWith('ge') && word.length >= 6 && /[dt]$/.test(word)) bases.push(word.slice(2, -1), word.slice(2));
    if (word.length >= 6) for (const suffix of COMPARATIVES) if (word.endsWith(suffix)) bases.push(word.slice(0, -suffix.length));
    // A final -s is a partitive only after "something", "much" and the like; elsewhere it is often part of another word ("along").
    if (word.endsWith('t') || (partitive && word.endsWith('s'))) bases.push(word.slice(0, -1));
    // West Flemish writes the infinitive as it is spoken, without its "e" ("to step" as "stappn",
    // "to lay" as "leggn"): a consonant before the final n that no Dutch word ends in so.
    if (SPOKEN_INFINITIVE.test(word)) bases.push(word.slice(0, -1));
    bases.push(word);
    hit = this.verbFormOf(bases, word) ?? '';
    if (this.inflectionCache.size > 20_000) this.inflectionCache.clear();
    this.inflectionCache.set(key, hit);
    return hit || undefined;
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
    // A domain compound with a slip in its head ("physiotherpist" in Dutch): the compound parts
    // are words of their own in the vocabulary, so the whole is no typo of any one word.
    for (let i = 3; i <= word.length - 5; i++) {
      const left = word.slice(0, i);
      if (!this.compoundParts.has(left)) continue;
      const head = this.typos!.correct(word.slice(i));
      if (head !== word.slice(i) && this.compoundParts.has(head)) return [left, head];
    }
    return [word];
  }

  /** A known word, or the stem of one ("behandel" of "behandeling"). */
  private knownPart(part: string): boolean {
    return this.vocabulary.has(part) || this.vocabularyStems.has(part);
  }

  /** True when the knowledge base's texts use the word, or it is a stop word. */
  isKnown(word: string): boolean {
    return this.vocabulary.has(word) || this.stopwords.has(word);
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
  normalizeWords(baseWords: readonly string[]): NormalizedText {
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

  /** The matching stems of (already corrected) words: synonyms applied, stop words dropped, the rest stemmed. */
  stemsOf(words: readonly string[]): string[] {
    const stems: string[] = [];
    for (const w of this.applySynonyms(words)) {
      const st = this.matchStem(w);
      if (st !== null) stems.push(st);
    }
    return stems;
  }

  /** The stem matching uses for one word (aliases applied), or null for a stop word. */
  private matchStem(w: string): string | null {
    let st = this.matchStems.get(w);
    if (st === undefined) {
      st = this.stopwords.has(w) ? null : this.stem(w);
      if (st !== null) st = this.stemAliases.get(st) ?? st;
      if (this.matchStems.size > 50_000) this.matchStems.clear();
      this.matchStems.set(w, st);
    }
    return st;
  }

  /** Comparison key of a text: every word stemmed, stop words kept; for spotting repeats. */
  key(text: string): string {
    return this.keyOf(this.baseWords(text));
  }

  /** {@link key} of a text already split into its {@link baseWords}. */
  keyOf(baseWords: readonly string[]): string {
    return baseWords.map((w) => this.stem(w)).join(' ');
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

  /**
   * The words with synonyms replaced by their canonical form, and ages said as ordinals by the
   * age word; the same array when neither occurs.
   */
  private applySynonyms(words: readonly string[]): readonly string[] {
    let out: string[] | undefined;
    for (let i = 0; i < words.length; ) {
      const age = this.ages && this.ageAt(words[i - 1], words[i]);
      if (age) {
        out ??= words.slice(0, i);
        out.push(...age);
        i += 1;
        continue;
      }
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

/**
 * Per ASCII code, as foldAndSplit reads plain text: the lowercase code of a token character
 * ([a-z0-9'] after lowercasing), {@link SEPARATOR} for any other character, and
 * {@link NOT_PLAIN} for the backtick, which foldAndSplit folds into an apostrophe.
 */
const NOT_PLAIN = 0;
const SEPARATOR = 1;
const PLAIN_CHARS = (() => {
  const table = new Uint8Array(128).fill(SEPARATOR);
  for (let c = 0; c < 128; c++) {
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower === 39) table[c] = lower;
  }
  table[0x60] = NOT_PLAIN;
  return table;
})();

/** FNV-1a, over a token's character codes. */
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

function hashOf(token: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < token.length; k++) hash = Math.imul(hash ^ token.charCodeAt(k), HASH_PRIME);
  return hash;
}

/** True when `src[start … end)`, lowercased, is the (lowercase) token. */
function sameToken(token: string, src: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let k = 0; k < token.length; k++) {
    let c = src.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== token.charCodeAt(k)) return false;
  }
  return true;
}

/** A table of `size` slots (a power of two) holding tokens 0 … hashes.length - 1 by their hash, each as its number + 1. */
function rehashed(size: number, hashes: readonly number[]): Int32Array {
  const slots = new Int32Array(size);
  for (let t = 0; t < hashes.length; t++) {
    let at = hashes[t] & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = t + 1;
  }
  return slots;
}

/** True when `words[at …]`, ending before `end`, starts with `phrase`. */
function matchesAt(words: Int32Array, at: number, end: number, phrase: Int32Array): boolean {
  if (at + phrase.length > end) return false;
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/**
 * A vocabulary word used at most this often, one slip from a word used at least
 * {@link COMMON_SPELLING} times as often, is read as a misspelling of it.
 */
const RARE_SPELLING = 2;
const COMMON_SPELLING = 10;

/**
 * Whether `word` is `common` with two neighbouring letters swapped, or, in a word of
 * {@link LONG_SLIP_CHARS} letters or more, with one letter more or less: slips that seldom make
 * another real word, unlike a letter changed or one left off a short word.
 */
function isSlip(word: string, common: string): boolean {
  if (word.length === common.length) {
    const at = [...word].findIndex((c, i) => c !== common[i]);
    return at >= 0 && word[at] === common[at + 1] && word[at + 1] === common[at] && word.slice(at + 2) === common.slice(at + 2);
  }
  return Math.abs(word.length - common.length) === 1 && Math.min(word.length, common.length) >= LONG_SLIP_CHARS;
}
const LONG_SLIP_CHARS = 8;

/** How many stop words or `between` words may stand between two words of an idiom of intensity. */
const IDIOM_GAP = 3;

/** The shortest compound read as one word when typed apart (see {@link TextNormalizer.joined}). */
const JOINED_MIN_CHARS = 7;

/** What an age read as no word at all stands for (see {@link TextNormalizer.ageAt}). */
const NO_WORDS: readonly string[] = [];

/** Endings of Dutch comparatives and superlatives ("more painful", "stiffest"), longest first. */
const COMPARATIVES = ['ere', 'ste', 'er', 'st'];
/** A spoken infinitive without its "e": a consonant before the final n that standard spelling never has there (not r: "kern"; not w: "own"). */
const SPOKEN_INFINITIVE = /[^aeiouyrwhjn]n$/;

/** Dutch and Flemish diminutive endings, longest first. */
/** A verb with the first person's pronoun grown onto it as 'k (Flemish "can-I", "may-I" written as one word). */
const CLITIC_I = /^([a-z]{2,})'k$/;

const DIMINUTIVES = ['etjes', 'eskes', 'ekes', 'etje', 'eske', 'tjes', 'pjes', 'skes', 'eke', 'tje', 'pje', 'jes', 'ske', 'kes', 'je', 'ke'];

function foldKey(k: string): string {
  return k.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\u2018\u2019`´]/g, "'");
}
