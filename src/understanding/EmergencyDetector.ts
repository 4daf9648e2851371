import type { EmergencyData, LanguageData } from '../knowledge/types';
import { PhraseMatcher } from './PhraseMatcher';
import { foldAndSplit, type TextNormalizer } from './TextNormalizer';

/** One phrase of a concept, compiled to folded words. */
interface CompiledPhrase {
  concept: string;
  words: string[];
  /** The phrase itself is a negation ("geen kracht"): a negation before it does not cancel it. */
  negative: boolean;
}

/**
 * Recognises red flags from the rules in `knowledge/emergency.yaml`. Negation-aware: a concept
 * right after "geen", "niet", "zonder"… in the same clause does not count, unless a break word
 * ("maar", "wel") comes between. Phrases are indexed by their first word, so a message costs
 * one lookup per word rather than one scan per phrase.
 */
export class EmergencyDetector {
  private readonly byFirstWord = new Map<string, CompiledPhrase[]>();
  /** Phrases whose first word is a prefix pattern (`zwel*`), checked at every word; with the prefix ("zwel"). */
  private readonly byPrefix: { phrase: CompiledPhrase; prefix: string }[] = [];
  private readonly negations: Set<string>;
  private readonly breaks: Set<string>;
  private readonly matcher = new PhraseMatcher(2);

  constructor(private readonly data: EmergencyData, language: LanguageData, private readonly normalizer: TextNormalizer) {
    this.negations = new Set(language.negations);
    this.breaks = new Set(language.negationBreaks);
    for (const [concept, phrases] of Object.entries(data.concepts)) {
      for (const p of phrases) {
        const words = p.split(/\s+/).flatMap((w) => (w.endsWith('*') ? [foldAndSplit(w.slice(0, -1))[0] + '*'] : normalizer.baseWords(w)));
        if (!words.length) continue;
        const compiled = { concept, words, negative: this.negations.has(words[0]) };
        if (words[0].endsWith('*')) this.byPrefix.push({ phrase: compiled, prefix: words[0].slice(0, -1) });
        else this.byFirstWord.set(words[0], [...(this.byFirstWord.get(words[0]) ?? []), compiled]);
      }
    }
  }

  /**
   * The id of the first rule that fires, or undefined.
   *
   * @param corrected the text's corrected words when the caller has them: a text of one clause
   * (most messages) is then not split again
   */
  detect(text: string, corrected?: readonly string[]): string | undefined {
    const clauses = text.split(/[.!?;:\n]+|,\s*(?=maar|en|want|omdat|dus)/i);
    const present = new Set<string>();
    for (const clause of clauses) {
      const words = corrected && clauses.length === 1 ? corrected : this.normalizer.correctedWords(clause);
      const found: Match[] = [];
      for (let i = 0; i < words.length; i++) {
        for (const p of this.byFirstWord.get(words[i]) ?? NONE) this.collect(words, i, p, found);
        // The prefix cut once, not at every word as wordMatches would.
        for (const { phrase, prefix } of this.byPrefix) if (words[i].startsWith(prefix)) this.collect(words, i, phrase, found);
      }
      for (const m of found) if (m.negative || !this.negatedAt(words, m.start, found)) present.add(m.concept);
    }
    if (!present.size) return undefined;
    for (const rule of this.data.rules) {
      if (rule.all.every((c) => present.has(c)) && !rule.none.some((c) => present.has(c))) return rule.id;
    }
    return undefined;
  }

  private collect(words: readonly string[], start: number, p: CompiledPhrase, found: Match[]): void {
    const end = this.matcher.endOfMatchAt(words, start, p.words);
    if (end >= 0) found.push({ concept: p.concept, start, end, negative: p.negative });
  }

  /**
   * True when a negation word stands shortly before `start` with no break word between. The
   * negation stops at another red-flag phrase right before this one ("zonder dieet veel gewicht
   * verloren": only the diet is denied) but reaches through "of"/"en" ("geen koorts of roodheid").
   */
  private negatedAt(words: readonly string[], start: number, found: Match[]): boolean {
    for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
      if (this.breaks.has(words[i])) return false;
      if (this.negations.has(words[i])) return true;
      const before = found.find((m) => m.end === i && m.start < start);
      if (before && !words.slice(i + 1, start).some((w) => COORDINATORS.has(w))) return false;
    }
    return false;
  }
}

const NONE: readonly CompiledPhrase[] = [];
const COORDINATORS: ReadonlySet<string> = new Set(['of', 'en', 'noch', 'nog']);

/** A phrase found in a clause. */
interface Match {
  concept: string;
  start: number;
  end: number;
  negative: boolean;
}
