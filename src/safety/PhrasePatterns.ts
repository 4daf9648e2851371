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
  /** Number words ("ten", "twenty"); a word of digits is a number too. */
  countWords?: ReadonlySet<string>;
  /**
   * Units a number never skips to reach the next word of its phrase: "at 10 [o'clock] one
   * paracetamol", "for 20 [years] pills" count hours and years, not pills.
   */
  countUnits?: ReadonlySet<string>;
}

/** A word of digits: a number, as a number word is. */
const DIGITS = /^\d+$/;

/** One phrase of a concept: its slots in order, each slot its choices, each choice its steps. */
interface Pattern {
  concept: string;
  slots: readonly (readonly (readonly Step[])[])[];
  /**
   * Per slot that every combination needs (up to two, the last ones): one exact word of each of
   * its choices. A message without any of a slot's words cannot hold the phrase, so its walk is
   * skipped: most walks a message starts ("I", "not", "pain") end there. Kept as the numbers of
   * the slots' word groups (see PhrasePatterns.groupsByWord).
   */
  anchorGroups: readonly number[];
}

/** How a step's word is compared: the word itself, a prefix (`zwel*`), a suffix (`*kanker`), or a wide gap (`...`). */
const EXACT = 0;
const PREFIX = 1;
const SUFFIX = 2;
const WIDE_STEP = 3;

/** One word of a choice, compiled once, so that matching compares without parsing the pattern word. */
interface Step {
  kind: typeof EXACT | typeof PREFIX | typeof SUFFIX | typeof WIDE_STEP;
  /** The word, or its prefix or suffix without the `*`. */
  text: string;
  /** A negation word: it counts as said by the phrase itself. */
  negation: boolean;
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
  /** The most words one combination of a phrase can have. */
  private longest = 1;
  /** A word → the patterns it can start (first word, prefix or suffix); looked up once per distinct word. */
  private readonly startCache = new Map<string, readonly Pattern[]>();
  /**
   * An anchor's words are a group, numbered; a word → the groups it is in. A message marks the
   * groups its words are in, and a pattern is walked only when all of its anchor groups are
   * marked: two array reads instead of looking each anchor word up in the message's words,
   * which was most of the matcher's time (a common first word such as the Dutch "not" starts 80 patterns).
   */
  private readonly groupsByWord = new Map<string, number[]>();
  /** Per group, the number of the last {@link matchesIn} call whose message has one of its words. */
  private marks = new Int32Array(0);
  private call = 0;

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
    // One step per distinct word: 20,000 steps of 3,600 words, and a step is only read.
    const steps = new Map<string, Step>();
    const stepOf = (w: string): Step => {
      let step = steps.get(w);
      if (!step) steps.set(w, (step = this.stepOf(w)));
      return step;
    };
    let combinations = 0;
    const groupIds = new Map<string, number>();
    const groupOf = (words: readonly string[]): number => {
      const key = words.join(' ');
      let id = groupIds.get(key);
      if (id === undefined) {
        id = groupIds.size;
        groupIds.set(key, id);
        for (const w of words) {
          const list = this.groupsByWord.get(w);
          if (list) list.push(id);
          else this.groupsByWord.set(w, [id]);
        }
      }
      return id;
    };
    for (const [concept, phrases] of lists) {
      for (const phrase of phrases) {
        const words = unitsOf(phrase)
          .map((unit) => uniqueChoices(expandAlternatives(unit).map((choice) => choice.split(/\s+/).filter(Boolean).flatMap(readToken))))
          .filter((choices) => !(choices.length === 1 && choices[0].length === 0));
        const slots = words.map((choices) => choices.map((choice) => choice.map(stepOf)));
        const pattern: Pattern = { concept, slots, anchorGroups: anchorsOf(slots).map(groupOf) };
        combinations += slots.reduce((n, choices) => n * choices.length, 1);
        this.longest = Math.max(this.longest, slots.reduce((n, choices) => n + Math.max(...choices.map((c) => c.length)), 0));
        for (const choices of words) for (const choice of choices) for (const w of choice) this.learnWord(w);
        const first = firstWords(words);
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
    this.marks = new Int32Array(groupIds.size);
  }

  /** Every phrase found in the words, each combination of a phrase as its own match. */
  matchesIn(words: readonly string[]): PhraseMatch[] {
    if (this.call === 0x7fffffff) {
      this.marks.fill(0);
      this.call = 0;
    }
    const call = ++this.call;
    const marks = this.marks;
    for (const w of words) for (const g of this.groupsByWord.get(w) ?? NO_GROUPS) marks[g] = call;
    const walk: Walk = { words, at: new Int32Array(this.longest), found: [], seen: new Set<string>(), pattern: undefined as unknown as Pattern, start: 0 };
    for (let i = 0; i < words.length; i++) {
      walk.start = i;
      next: for (const p of this.patternsStartedBy(words[i])) {
        for (const g of p.anchorGroups) if (marks[g] !== call) continue next;
        walk.pattern = p;
        this.walk(walk, 0, 0, MAX_GAP, 0, false);
      }
    }
    return walk.found;
  }

  private stepOf(w: string): Step {
    const negation = this.sets.negations.has(w);
    if (w === WIDE) return { kind: WIDE_STEP, text: '', negation };
    if (w.endsWith('*')) return { kind: PREFIX, text: w.slice(0, -1), negation };
    if (w.startsWith('*')) return { kind: SUFFIX, text: w.slice(1), negation };
    return { kind: EXACT, text: w, negation };
  }

  private learnWord(w: string): void {
    if (w === WIDE) return;
    if (w.endsWith('*')) this.prefixWords.add(w.slice(0, -1));
    else if (w.startsWith('*')) this.suffixWords.add(w.slice(1));
    else this.words.add(w);
  }

  /** The patterns a word can start: those of its exact first word, then those of a prefix or suffix it has, each once. */
  private patternsStartedBy(word: string): readonly Pattern[] {
    let list = this.startCache.get(word);
    if (!list) {
      const exact = this.byFirstWord.get(word) ?? NONE;
      const set = new Set<Pattern>();
      for (const p of this.byPrefix) if (word.startsWith(p.prefix)) set.add(p.pattern);
      for (const p of this.bySuffix) if (word.length > p.suffix.length && word.endsWith(p.suffix)) set.add(p.pattern);
      list = set.size ? [...new Set([...exact, ...set])] : exact;
      if (this.startCache.size > STARTS_KEPT) this.startCache.clear();
      this.startCache.set(word, list);
    }
    return list;
  }

  /**
   * Tries every choice of the slot; at the last slot, a combination that matched is found. The
   * state is passed as numbers and the positions found so far kept in one array, `at[0…n)`, since
   * a message starts hundreds of steps and an object per step was most of the matcher's time.
   */
  private walk(w: Walk, slot: number, n: number, gap: number, said: number, negative: boolean): void {
    const slots = w.pattern.slots;
    if (slot === slots.length) {
      this.emit(w, n, said, negative);
      return;
    }
    for (const choice of slots[slot]) {
      // advance, inline: each word of the choice is the first fitting one within its gap; after
      // the negation that opens a negative phrase only filler words may stand ("no [single]
      // feeling", not "no [numb] feeling").
      let k = n;
      let g = gap;
      let s = said;
      let neg = negative;
      let ok = true;
      for (const step of choice) {
        if (step.kind === WIDE_STEP) {
          g = WIDE_GAP;
          continue;
        }
        if (k === 0) {
          if (!stepMatches(w.words[w.start], step)) {
            ok = false;
            break;
          }
          w.at[k++] = w.start;
          neg = step.negation;
        } else {
          const pos = w.at[k - 1];
          const last = Math.min(w.words.length - 1, pos + 1 + g);
          // After a number a unit ends the gap: what follows it is not what the number counts.
          const counted = this.isCount(w.words[pos]);
          let hit = -1;
          for (let j = pos + 1; j <= last; j++) {
            if (stepMatches(w.words[j], step)) {
              hit = j;
              break;
            }
            if (neg && k === 1 && !this.sets.afterNegation.has(w.words[j])) break;
            if (counted && this.sets.countUnits?.has(w.words[j])) break;
          }
          if (hit < 0) {
            ok = false;
            break;
          }
          w.at[k++] = hit;
        }
        if (step.negation) s++;
        g = MAX_GAP;
      }
      if (ok) this.walk(w, slot + 1, k, g, s, neg);
    }
  }

  /** True for a number, in digits or in words. */
  private isCount(word: string): boolean {
    return DIGITS.test(word) || Boolean(this.sets.countWords?.has(word));
  }

  /** Records a matched combination, unless a negation among the words it skips denies it ("the blood does not run out any more"). */
  private emit(w: Walk, n: number, said: number, negative: boolean): void {
    if (!n) return;
    const start = w.start;
    const end = w.at[n - 1];
    let negations = 0;
    for (let i = start; i <= end; i++) if (this.sets.negations.has(w.words[i])) negations++;
    if (negations > said) return;
    const at = Array.from(w.at.subarray(0, n));
    const concept = w.pattern.concept;
    const key = `${concept}\u0001${at.join(',')}\u0001${negative}`;
    if (w.seen.has(key)) return;
    w.seen.add(key);
    w.found.push({ concept, start, end, at, negative });
  }
}

/** One message's matching: its words, the pattern being walked from `start`, what was found. */
interface Walk {
  words: readonly string[];
  /** Positions of the current combination's words so far. */
  at: Int32Array;
  found: PhraseMatch[];
  seen: Set<string>;
  pattern: Pattern;
  start: number;
}

const NONE: readonly Pattern[] = [];
const NO_GROUPS: readonly number[] = [];
/** Words whose patterns are kept (PhrasePatterns.patternsStartedBy), emptied when full, as the detector's readings are. */
const STARTS_KEPT = 10_000;

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

/** {@link wordMatches} for a compiled step. */
function stepMatches(word: string, step: Step): boolean {
  if (step.kind === EXACT) return word === step.text;
  if (step.kind === PREFIX) return word.startsWith(step.text);
  return word.length > step.text.length && word.endsWith(step.text);
}

/** Choices a slot may have and still serve as an anchor: checking more costs more than the walk. */
const MAX_ANCHOR_CHOICES = 12;

/** See {@link Pattern.anchorGroups}: slots without an empty choice, whose every choice has an exact word. */
function anchorsOf(slots: readonly (readonly (readonly Step[])[])[]): string[][] {
  const anchors: string[][] = [];
  for (let i = slots.length - 1; i >= 0 && anchors.length < 2; i--) {
    if (slots[i].length > MAX_ANCHOR_CHOICES) continue;
    const words = slots[i].map((choice) => choice.find((step) => step.kind === EXACT)?.text);
    if (words.every((w): w is string => w !== undefined)) anchors.push([...new Set(words)]);
  }
  return anchors;
}
