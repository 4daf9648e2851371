/**
 * The phrases of `knowledge/emergency.yaml`, compiled once and matched lazily.
 *
 * A phrase such as "(cannot|can't) (hold|keep) (in)? (urine|stool|water)" stands for
 * every combination of its choices. Written out, the lists made 234,000 phrases (seconds of
 * start-up and tens of MB of heap, and a message's words were tried against every phrase
 * sharing its first word). Here a phrase stays one pattern: a row of slots,
 * each holding its choices. Matching walks the slots from a word of the message and drops a
 * combination as soon as one of its words is missing, so only the few combinations a message
 * actually starts are tried. The result is what matching every expansion would give: each
 * combination is read exactly as its own expanded phrase would be (the first fitting word within
 * the gap, no backtracking), since a combination's match depends only on its own words and gaps.
 */

/** Words between two words of a phrase ("pain [really] on [my] chest"). */
export const MAX_GAP = 2;
/** Words a `...` in a phrase allows ("not ... be there": "not by then anyway be there"). */
export const WIDE_GAP = 5;
/** The step a `...` of a phrase compiles to: the next word may stand {@link WIDE_GAP} words further. */
const WIDE = '...';

/** A phrase found in a message's words. */
export interface PhraseMatch {
  concept: string;
  start: number;
  end: number;
  /** The positions of the phrase's own words (the words between them are not the phrase's). */
  at: readonly number[];
  /** The phrase itself says something is absent ("no strength"): a negation before it does not cancel it. */
  negative: boolean;
}

/** The words the matcher reads a message's structure with. */
export interface PhraseWordSets {
  negations: ReadonlySet<string>;
  /** Words that may stand between a negative phrase's negation and its next word ("no [single] feeling"). */
  afterNegation: ReadonlySet<string>;
}

/** One phrase of a concept: its slots in order, each slot its choices, each choice its steps (folded words, or {@link WIDE}). */
interface Pattern {
  concept: string;
  slots: readonly (readonly (readonly string[])[])[];
}

/** Turns one token of a phrase into the folded words the message's words are compared with. */
export type TokenReader = (token: string) => string[];

/**
 * The compiled phrases of all concepts, indexed by the words they can start with.
 * Framework-free and pure after construction.
 */
export class PhrasePatterns {
  /** Every word of every phrase: the detector keeps these from typo correction. */
  readonly words = new Set<string>();
  /** The stems of the phrases' prefix words (`broek*`). */
  readonly prefixWords = new Set<string>();
  /** The phrases' suffix words (`*kanker`). */
  readonly suffixWords = new Set<string>();
  /** How many phrases the patterns stand for, had every combination been written out (reported by the bench). */
  readonly combinations: number;

  private readonly byFirstWord = new Map<string, Pattern[]>();
  /** Patterns that can start with a prefix word (`zwel*`), with the prefix. */
  private readonly byPrefix: { pattern: Pattern; prefix: string }[] = [];
  /** Patterns that can start with a suffix word (`*kanker`: borstkanker, botkanker), with the suffix. */
  private readonly bySuffix: { pattern: Pattern; suffix: string }[] = [];
  /** A word → the prefix and suffix patterns it can start; looked up once per distinct word. */
  private readonly affixCache = new Map<string, readonly Pattern[]>();

  constructor(
    lists: readonly (readonly [concept: string, phrases: readonly string[]])[],
    read: TokenReader,
    private readonly sets: PhraseWordSets,
  ) {
    const tokens = new Map<string, string[]>();
    const readToken = (token: string): string[] => {
      let steps = tokens.get(token);
      if (!steps) {
        steps = token === WIDE ? [WIDE] : read(token).filter((w) => w && w !== '*');
        tokens.set(token, steps);
      }
      return steps;
    };
    let combinations = 0;
    for (const [concept, phrases] of lists) {
      for (const phrase of phrases) {
        const slots = unitsOf(phrase)
          .map((unit) => uniqueChoices(expandAlternatives(unit).map((choice) => choice.split(/\s+/).filter(Boolean).flatMap(readToken))))
          .filter((choices) => !(choices.length === 1 && choices[0].length === 0));
        const pattern: Pattern = { concept, slots };
        combinations += slots.reduce((n, choices) => n * choices.length, 1);
        for (const choices of slots) for (const choice of choices) for (const w of choice) this.learnWord(w);
        const first = firstWords(slots);
        for (const w of first) {
          if (w.endsWith('*')) this.byPrefix.push({ pattern, prefix: w.slice(0, -1) });
          else if (w.startsWith('*')) this.bySuffix.push({ pattern, suffix: w.slice(1) });
          else {
            const list = this.byFirstWord.get(w);
            if (list) list.push(pattern);
            else this.byFirstWord.set(w, [pattern]);
          }
        }
      }
    }
    this.combinations = combinations;
  }

  /** Every phrase found in the words, each combination of a phrase as its own match. */
  matchesIn(words: readonly string[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const exact = this.byFirstWord.get(words[i]) ?? NONE;
      const affix = this.affixPatterns(words[i]);
      const patterns = affix.length ? new Set([...exact, ...affix]) : exact;
      for (const p of patterns) this.walk(words, p, 0, { start: i, at: [], gap: MAX_GAP, said: 0, negative: false }, found, seen);
    }
    return found;
  }

  private learnWord(w: string): void {
    if (w === WIDE) return;
    if (w.endsWith('*')) this.prefixWords.add(w.slice(0, -1));
    else if (w.startsWith('*')) this.suffixWords.add(w.slice(1));
    else this.words.add(w);
  }

  private affixPatterns(word: string): readonly Pattern[] {
    let list = this.affixCache.get(word);
    if (!list) {
      const set = new Set<Pattern>();
      for (const p of this.byPrefix) if (word.startsWith(p.prefix)) set.add(p.pattern);
      for (const p of this.bySuffix) if (word.length > p.suffix.length && word.endsWith(p.suffix)) set.add(p.pattern);
      list = [...set];
      if (this.affixCache.size > 50_000) this.affixCache.clear();
      this.affixCache.set(word, list);
    }
    return list;
  }

  /** Tries every choice of the slot from the state; at the last slot, a combination that matched is found. */
  private walk(words: readonly string[], p: Pattern, slot: number, state: WalkState, found: PhraseMatch[], seen: Set<string>): void {
    if (slot === p.slots.length) {
      this.emit(words, p, state, found, seen);
      return;
    }
    for (const choice of p.slots[slot]) {
      const next = this.advance(words, choice, state);
      if (next) this.walk(words, p, slot + 1, next, found, seen);
    }
  }

  /**
   * The state after the choice's words are found, or undefined when one is missing. Each word is
   * the first fitting one within its gap; after the negation that opens a negative phrase only
   * filler words may stand ("no [single] feeling", not "no [numb] feeling").
   */
  private advance(words: readonly string[], steps: readonly string[], state: WalkState): WalkState | undefined {
    let { at, gap, said, negative } = state;
    for (const step of steps) {
      if (step === WIDE) {
        gap = WIDE_GAP;
        continue;
      }
      if (!at.length) {
        if (!wordMatches(words[state.start], step)) return undefined;
        at = [state.start];
        negative = this.sets.negations.has(step);
      } else {
        const pos = at[at.length - 1];
        let hit = -1;
        for (let j = pos + 1; j <= Math.min(words.length - 1, pos + 1 + gap); j++) {
          if (wordMatches(words[j], step)) {
            hit = j;
            break;
          }
          if (negative && at.length === 1 && !this.sets.afterNegation.has(words[j])) break;
        }
        if (hit < 0) return undefined;
        at = [...at, hit];
      }
      if (this.sets.negations.has(step)) said++;
      gap = MAX_GAP;
    }
    return { start: state.start, at, gap, said, negative };
  }

  /** Records a matched combination, unless a negation among the words it skips denies it ("the blood does not run out any more"). */
  private emit(words: readonly string[], p: Pattern, state: WalkState, found: PhraseMatch[], seen: Set<string>): void {
    const { start, at, said, negative } = state;
    if (!at.length) return;
    const end = at[at.length - 1];
    let negations = 0;
    for (let i = start; i <= end; i++) if (this.sets.negations.has(words[i])) negations++;
    if (negations > said) return;
    const key = `${p.concept}\u0001${at.join(',')}\u0001${negative}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ concept: p.concept, start, end, at, negative });
  }
}

/** Where a walk through a pattern stands: the positions found so far and what the next word may skip. */
interface WalkState {
  start: number;
  at: readonly number[];
  gap: number;
  /** How many of the combination's own words are negations. */
  said: number;
  negative: boolean;
}

const NONE: readonly Pattern[] = [];

/**
 * A phrase with alternatives, one phrase per choice: "(urine|stool) not (hold|keep)"
 * is four phrases; a group followed by `?` may also be left out ("cannot (really)? stand"). The
 * matcher expands only within one word or group (see {@link unitsOf}); kept whole for lint and tests.
 */
export function expandAlternatives(phrase: string): string[] {
  const group = /\(([^()]*)\)(\?)?/.exec(phrase);
  if (!group) return [phrase];
  const head = phrase.slice(0, group.index);
  const tail = phrase.slice(group.index + group[0].length);
  const choices = group[1].split('|').map((c) => c.trim());
  // "(meer)?": the group may also be left out.
  if (group[2]) choices.push('');
  return choices.flatMap((choice) => expandAlternatives(`${head}${choice}${tail}`.replace(/\s+/g, ' ').trim()));
}

/**
 * The phrase split at the spaces outside groups: "(say|tell) (to)? ... (hip|knee)pain" is four
 * units. The combinations of a phrase are the combinations of its units' choices, so each unit
 * can be expanded on its own ("(hip|knee)pain" → "hippain", "kneepain") and the product is never written out.
 */
function unitsOf(phrase: string): string[] {
  const units: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of phrase.trim()) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /\s/.test(ch)) {
      if (current) units.push(current);
      current = '';
    } else current += ch;
  }
  if (current) units.push(current);
  return units;
}

/** The choices without repeats: alternatives the normaliser reads alike (the Flemish and Dutch forms of "not") are tried once. */
function uniqueChoices(choices: string[][]): string[][] {
  const seen = new Set<string>();
  return choices.filter((c) => {
    const key = c.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words a pattern can start with: the first slot's, and the next slot's too while a choice may be empty. */
function firstWords(slots: readonly (readonly (readonly string[])[])[]): Set<string> {
  const first = new Set<string>();
  for (const choices of slots) {
    let mayBeEmpty = false;
    for (const choice of choices) {
      const w = choice.find((s) => s !== WIDE);
      if (w === undefined) mayBeEmpty = true;
      else first.add(w);
    }
    if (!mayBeEmpty) break;
  }
  return first;
}

/** True when a folded word matches a pattern word (`zwel*`: every word starting with "zwel"; `*kanker`: every word ending in "kanker"). */
export function wordMatches(word: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return word.length >= pattern.length && word.endsWith(pattern.slice(1));
  return word === pattern;
}
