import type { EmergencyData, LanguageData } from '../knowledge/types';
import type { Tier } from './Tier';
import { TIERS } from './Tier';

/**
 * Turns text into words the way the rest of understanding does: folded, Flemish and chat forms
 * rewritten, domain compounds split, typos corrected towards the knowledge base's vocabulary.
 * The router's TextNormalizer is one; the detector does not depend on its other parts.
 */
export interface WordSource {
  baseWords(text: string): string[];
  corrected(words: readonly string[]): readonly string[];
}

/** A red flag found in a message: its tier and the rule of `knowledge/emergency.yaml` that fired. */
export interface RedFlag {
  tier: Tier;
  rule: string;
}

/** One phrase of a concept, compiled to folded words (`zwel*` keeps its star). */
interface CompiledPhrase {
  concept: string;
  words: string[];
  /** The phrase itself says something is absent ("geen kracht"): a negation before it does not cancel it. */
  negative: boolean;
}

/** A phrase found in a clause. */
interface Match {
  concept: string;
  start: number;
  end: number;
  negative: boolean;
}

/** Words between two words of a phrase ("pijn [echt] op [mijn] borst"). */
const MAX_GAP = 2;
/** How far back a negation reaches ("geen [hoge] koorts"). */
const NEGATION_REACH = 4;
/** "geen koorts of roodheid": a negation reaches through these to the next concept. */
const COORDINATORS: ReadonlySet<string> = new Set(['of', 'en', 'noch', 'nog', 'ook']);
/**
 * Words that may follow a concept when it is denied afterwards ("koorts heb ik niet",
 * "pijn op de borst heb ik gelukkig nooit gehad"): the clause must hold nothing else.
 */
const AFTER_DENIAL: ReadonlySet<string> = new Set([
  'heb', 'had', 'hebt', 'heeft', 'hebben', 'ik', 'je', 'jij', 'hij', 'ze', 'zij', 'er', 'nu', 'momenteel', 'gelukkig',
  'toch', 'echt', 'helemaal', 'zeker', 'ook', 'nog', 'gehad', 'is', 'was', 'zijn', 'waren', 'daar', 'daarvan', 'last',
  'van', 'verder', 'wel', 'voel', 'merk', 'gemerkt', 'zie', 'gezien',
]);
/** Splits a message into clauses; a negation does not reach past one. */
const CLAUSE = /[.!?;:\n]+|,\s*(?=maar|en|want|omdat|dus|wel|toch)/i;

/**
 * Finds red flags with the concepts and rules of `knowledge/emergency.yaml`. Each concept is a
 * set of phrases; a phrase may have a few other words between its words; a concept shortly
 * after a negation ("geen", "zonder") in the same clause, or denied after it ("koorts heb ik
 * niet"), does not count unless a break word ("maar", "wel") comes between. Concepts from
 * every clause of the message count together, so a long story with the fall in one sentence
 * and "kan niet meer staan" in another is found. Of the rules that fire, the most urgent tier
 * wins. Framework-free and pure after construction.
 */
export class RedFlagDetector {
  private readonly byFirstWord = new Map<string, CompiledPhrase[]>();
  /** Phrases whose first word is a prefix (`zwel*`), with the prefix. */
  private readonly byPrefix: { phrase: CompiledPhrase; prefix: string }[] = [];
  private readonly negations: ReadonlySet<string>;
  private readonly breaks: ReadonlySet<string>;
  /** The rules, most urgent tier first, so the first that fires is the answer. */
  private readonly rules: EmergencyData['rules'];
  private readonly tiers = new Map<string, Tier>();

  constructor(data: EmergencyData, language: LanguageData, private readonly words: WordSource) {
    this.negations = new Set(language.negations);
    this.breaks = new Set(language.negationBreaks);
    for (const [concept, phrases] of Object.entries(data.concepts)) {
      for (const p of phrases) {
        const words = p
          .split(/\s+/)
          .flatMap((w) => (w.endsWith('*') ? [words0(this.words.baseWords(w.slice(0, -1))) + '*'] : this.words.baseWords(w)))
          .filter((w) => w && w !== '*');
        if (!words.length) continue;
        const compiled: CompiledPhrase = { concept, words, negative: this.negations.has(words[0]) };
        if (words[0].endsWith('*')) this.byPrefix.push({ phrase: compiled, prefix: words[0].slice(0, -1) });
        else this.byFirstWord.set(words[0], [...(this.byFirstWord.get(words[0]) ?? []), compiled]);
      }
    }
    this.rules = [...data.rules].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
    for (const r of data.rules) this.tiers.set(r.id, r.tier);
  }

  /** The tier of a rule id, e.g. of a screening question's red flag. */
  tierOf(rule: string): Tier | undefined {
    return this.tiers.get(rule);
  }

  /**
   * The most urgent red flag in the text, or undefined.
   *
   * @param corrected the text's corrected words when the caller has them: a text of one clause
   * (most messages) is then not split again
   */
  detect(text: string, corrected?: readonly string[]): RedFlag | undefined {
    const present = this.conceptsIn(text ?? '', corrected);
    if (!present.size) return undefined;
    for (const rule of this.rules) {
      if (!rule.all.every((c) => present.has(c))) continue;
      if (rule.any.length && !rule.any.some((c) => present.has(c))) continue;
      if (rule.none.some((c) => present.has(c))) continue;
      return { tier: rule.tier, rule: rule.id };
    }
    return undefined;
  }

  /** The concepts present, not negated, in any clause of the text. */
  conceptsIn(text: string, corrected?: readonly string[]): Set<string> {
    const clauses = text.split(CLAUSE);
    const present = new Set<string>();
    for (const clause of clauses) {
      const words = corrected && clauses.length === 1 ? corrected : this.words.corrected(this.words.baseWords(clause));
      const found: Match[] = [];
      for (let i = 0; i < words.length; i++) {
        for (const p of this.byFirstWord.get(words[i]) ?? NONE) this.collect(words, i, p, found);
        for (const { phrase, prefix } of this.byPrefix) if (words[i].startsWith(prefix)) this.collect(words, i, phrase, found);
      }
      for (const m of found) {
        if (m.negative || (!this.negatedBefore(words, m.start, found) && !this.deniedAfter(words, m.end))) present.add(m.concept);
      }
    }
    return present;
  }

  private collect(words: readonly string[], start: number, p: CompiledPhrase, found: Match[]): void {
    const end = endOfMatchAt(words, start, p.words);
    if (end >= 0) found.push({ concept: p.concept, start, end, negative: p.negative });
  }

  /**
   * True when a negation word stands shortly before `start` with no break word between. The
   * negation stops at another red-flag phrase right before this one ("zonder dieet veel gewicht
   * verloren": only the diet is denied) but reaches through "of"/"en" ("geen koorts of roodheid").
   */
  private negatedBefore(words: readonly string[], start: number, found: Match[]): boolean {
    for (let i = start - 1; i >= Math.max(0, start - NEGATION_REACH); i--) {
      if (this.breaks.has(words[i])) return false;
      if (this.negations.has(words[i])) return true;
      const before = found.find((m) => m.end === i && m.start < start);
      if (before && !words.slice(i + 1, start).some((w) => COORDINATORS.has(w))) return false;
    }
    return false;
  }

  /** True when the rest of the clause only denies the concept ("koorts heb ik niet"). */
  private deniedAfter(words: readonly string[], end: number): boolean {
    let denied = false;
    for (let i = end + 1; i < words.length; i++) {
      if (this.negations.has(words[i])) denied = true;
      else if (!AFTER_DENIAL.has(words[i])) return false;
    }
    return denied;
  }
}

const NONE: readonly CompiledPhrase[] = [];

function words0(words: readonly string[]): string {
  return words[0] ?? '';
}

/** The index of the phrase's last word when it occurs starting at `start`, else -1. */
function endOfMatchAt(words: readonly string[], start: number, phrase: readonly string[]): number {
  if (!wordMatches(words[start], phrase[0])) return -1;
  let pos = start;
  for (let k = 1; k < phrase.length; k++) {
    let found = -1;
    for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + MAX_GAP); j++) {
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

/** True when a folded word matches a pattern word (`zwel*` matches every word starting with "zwel"). */
function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}
