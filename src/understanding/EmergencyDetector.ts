import type { EmergencyData, LanguageData } from '../knowledge/types';
import { PhraseMatcher } from './PhraseMatcher';
import { foldAndSplit, type TextNormalizer } from './TextNormalizer';

/**
 * Recognises red flags from the rules in `knowledge/emergency.yaml`. Negation-aware: a concept
 * right after "geen", "niet", "zonder"… in the same clause does not count, unless a break word
 * ("maar", "wel") comes between.
 */
export class EmergencyDetector {
  private readonly concepts = new Map<string, string[][]>();
  private readonly negations: Set<string>;
  private readonly breaks: Set<string>;
  private readonly matcher = new PhraseMatcher(2);

  constructor(private readonly data: EmergencyData, language: LanguageData, private readonly normalizer: TextNormalizer) {
    for (const [name, phrases] of Object.entries(data.concepts)) {
      this.concepts.set(
        name,
        phrases.map((p) => p.split(/\s+/).flatMap((w) => (w.endsWith('*') ? [foldAndSplit(w.slice(0, -1))[0] + '*'] : normalizer.baseWords(w)))),
      );
    }
    this.negations = new Set(language.negations);
    this.breaks = new Set(language.negationBreaks);
  }

  /** The id of the first rule that fires, or undefined. */
  detect(text: string): string | undefined {
    const clauses = text
      .split(/[.!?;:\n]+|,\s*(?=maar|en|want|omdat|dus)/i)
      .map((c) => this.normalizer.correctedWords(c))
      .filter((c) => c.length);
    if (!clauses.length) return undefined;
    const present = new Set<string>();
    for (const [name, phrases] of this.concepts) {
      if (clauses.some((words) => phrases.some((p) => this.occursUnnegated(words, p)))) present.add(name);
    }
    for (const rule of this.data.rules) {
      if (rule.all.every((c) => present.has(c)) && !rule.none.some((c) => present.has(c))) return rule.id;
    }
    return undefined;
  }

  private occursUnnegated(words: string[], phrase: string[]): boolean {
    const phraseIsNegative = this.negations.has(phrase[0]);
    return this.matcher.findAll(words, phrase).some((start) => phraseIsNegative || !this.negatedAt(words, start));
  }

  /** True when a negation word stands shortly before `start` with no break word between. */
  private negatedAt(words: string[], start: number): boolean {
    for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
      if (this.breaks.has(words[i])) return false;
      if (this.negations.has(words[i])) return true;
    }
    return false;
  }
}
