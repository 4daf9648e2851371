import { foldAndSplit } from './TextNormalizer';

/** language.yaml's `letterFrame`: the words that open and close a message written as a letter. */
export interface LetterFrameWords {
  /** Words that only ever open a letter ("dear sir" in its formal form). */
  openings: readonly string[];
  /** Words that open a letter when an addressee follows them ("dear" before "madam"), and are otherwise ordinary words ("best"). */
  salutations: readonly string[];
  /** Who a letter is addressed to: titles, "sir", "madam", the practice's roles. */
  addressees: readonly string[];
  /** Phrases that close a letter ("kind regards", "thanking you in advance"); a signature may follow. */
  closings: readonly string[];
}

/** One word of the message: folded, with where it stands in the text as typed. */
interface Token {
  word: string;
  start: number;
  end: number;
  /** Typed with a capital (a name in an address or a signature). */
  capital: boolean;
}

/** At most this many words between a salutation and the comma after it: "madam, sir", a title and a name. */
const ADDRESSEE_WORDS = 5;
/** At most this many words after a closing are its signature (a name, initials, a town). */
const SIGNATURE_WORDS = 6;
/** A message of fewer words than this is left whole: "kind regards" alone is thanks, not a frame. */
const FRAME_MIN_WORDS = 4;

/**
 * The frame of a message written as a letter ("Dear Sir or Madam, … Kind regards, J. Smith"):
 * patients who write to the practice as to an office put their question between a salutation
 * and a closing with their name. The frame's words are unknown to the knowledge base, or
 * greetings and thanks, and weighed as such they put a plain question out of the domain. The
 * router reads what stands between them; the safety check reads the whole message as typed.
 */
export class LetterFrame {
  private readonly openings: ReadonlySet<string>;
  private readonly salutations: ReadonlySet<string>;
  private readonly addressees: ReadonlySet<string>;
  private readonly closings: readonly (readonly string[])[];
  /** The most words of any closing. */
  private readonly longest: number;

  constructor(words: LetterFrameWords) {
    this.openings = new Set(words.openings.flatMap(foldAndSplit));
    this.salutations = new Set(words.salutations.flatMap(foldAndSplit));
    this.addressees = new Set(words.addressees.flatMap(foldAndSplit));
    this.closings = words.closings.map(foldAndSplit).filter((c) => c.length > 0);
    this.longest = Math.max(1, ...this.closings.map((c) => c.length));
  }

  /**
   * The text between the letter's salutation and its closing; the text itself when it has no
   * frame, or when too little would be left to read.
   */
  inner(text: string): string {
    const tokens = tokensOf(text);
    if (tokens.length < FRAME_MIN_WORDS) return text;
    const first = this.afterSalutation(text, tokens);
    let last = tokens.length;
    /** Closings with a question after them, cut out as word ranges: the letter goes on after them. */
    const cut: { start: number; end: number }[] = [];
    // Closings may follow each other ("thanking you in advance. Kind regards, Jan"): the last first.
    for (let to = last, at = this.closingBefore(tokens, first, to); at !== undefined; at = this.closingBefore(tokens, first, to)) {
      // "regards, and may I swim too?": a closing only ends the letter when nothing question-like
      // follows it; with a question after it, the closing's words go and the question stays.
      if (text.slice(tokens[at.end - 1].end, last < tokens.length ? tokens[last].start : text.length).includes('?')) {
        // Set apart by a comma or a stop ("regards, and …"); run on ("regards from my mother: …") it is no closing.
        if (at.end < last && between(text, tokens, at.end, /[,;.!\n]/)) cut.push(at);
        to = at.start;
        continue;
      }
      if (last - at.end > SIGNATURE_WORDS) break;
      last = at.start;
      to = last;
    }
    const kept = cut.filter((c) => c.start < last);
    if (first === 0 && last === tokens.length && !kept.length) return text;
    const words = last - first - kept.reduce((n, c) => n + Math.min(c.end, last) - c.start, 0);
    if (words < 2) return text;
    // The question mark or full stop after the last word stays; the closing's comma does not matter.
    let out = '';
    let from = first;
    for (const c of kept.sort((a, b) => a.start - b.start)) {
      if (c.start > from) out += text.slice(tokens[from].start, tokens[c.start].start);
      from = Math.max(from, c.end);
    }
    if (from < last) out += text.slice(tokens[from].start, last < tokens.length ? tokens[last].start : text.length);
    return out.replace(/^[\s,;:.]+/, '').trim();
  }

  /** The index of the first word after the salutation and its addressee; 0 when the message opens with none. */
  private afterSalutation(text: string, tokens: readonly Token[]): number {
    const opening = this.openings.has(tokens[0].word);
    if (!opening && !this.salutations.has(tokens[0].word)) return 0;
    let k = 1;
    // "madam, sir," and a title's full stop ("Mrs. Smith") stay within the address; a capital
    // after a comma starts the letter itself.
    while (k < tokens.length - 1 && k <= ADDRESSEE_WORDS && (this.addressees.has(tokens[k].word) || (tokens[k].capital && !between(text, tokens, k, /[,:;!\n]/)))) k++;
    const closed = between(text, tokens, k, /[,:;.!\n]/);
    // "Best treatment for a knee?" opens with an ordinary word: a salutation needs an addressee or its comma.
    if (!opening && k === 1 && !closed) return 0;
    return closed ? k : 0;
  }

  /**
   * The last closing that starts after `from` and ends at or before `to`, as word indexes; of
   * closings that overlap ("kind regards" within "with kind regards") the one that starts first.
   */
  private closingBefore(tokens: readonly Token[], from: number, to: number): { start: number; end: number } | undefined {
    let found: { start: number; end: number } | undefined;
    // A closing may open the message ("regards, and may I swim too?") when no salutation does.
    for (let i = to - 1; i > from || (i === 0 && from === 0); i--) {
      if (found && i + this.longest <= found.start) break;
      for (const phrase of this.closings) {
        const end = i + phrase.length;
        if (end > to || !phrase.every((w, p) => tokens[i + p].word === w)) continue;
        if (!found || end >= found.start) found = { start: i, end: Math.max(end, found?.end ?? end) };
      }
    }
    return found;
  }
}

/** The words of a text with their places in it. */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = foldAndSplit(m[0]).join('');
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length, capital: /^\p{Lu}/u.test(m[0]) });
  }
  return out;
}

/** Whether one of `marks` stands between word k-1 and word k. */
function between(text: string, tokens: readonly Token[], k: number, marks: RegExp): boolean {
  return marks.test(text.slice(tokens[k - 1].end, tokens[k].start));
}
