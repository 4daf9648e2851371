import { foldAndSplit } from '../understanding/TextNormalizer';
import type { EmergencyData } from '../knowledge/types';

/** The phrase lists of `knowledge/emergency.yaml` `careQuestions`. */
export type CareQuestionWords = EmergencyData['careQuestions'];

/** How many other words may stand between two words of a phrase ("who must I *now* call"). */
const GAP = 2;

/** How many other words may stand between an ask and the service it asks about ("the number *of the* GP post"). */
const NEAR = 3;

/**
 * A question about where to get a doctor now: the number of the after-hours GP service, whether
 * to go to the emergency department, or, after a doctor's instruction, who to call or what to do
 * ("the GP is closed, what now?"). Such questions got the practice's callback offer, a doubt
 * prompt or a fallback (a twenty-first patient-style test), while the instruction they ask about
 * is one the bot gave. Framework-free and pure after construction.
 */
export class CareQuestion {
  private readonly services: string[][];
  private readonly reaching: string[][];
  private readonly reachingAfter: string[][];
  private readonly none: string[][];
  private readonly afterAlarm: string[][];

  constructor(words: CareQuestionWords) {
    const read = (list: readonly string[]) => list.map((p) => foldAndSplit(p.replace(/\*/g, ' STAR ')).reduce<string[]>((out, w) => {
      // "zwel*" folds to "zwel star": the star goes back onto the word before it.
      if (w === 'star' && out.length) out[out.length - 1] += '*';
      else out.push(w);
      return out;
    }, [])).filter((p) => p.length > 0);
    this.services = read(words.services);
    this.reaching = read(words.asks);
    this.reachingAfter = read(words.asksAfter);
    this.none = read(words.none);
    this.afterAlarm = read(words.afterAlarm);
  }

  /**
   * Whether the message asks where to get a doctor now. After an alarm (`afterAlarm`) a message
   * naming a service asks so, and one without a service that asks who to call, when that can only
   * mean the instruction just given; otherwise only an ask about the service itself does
   * ({@link asksAboutService}). A message that tells of a visit made never does.
   */
  asks(text: string, afterAlarm: boolean): boolean {
    const words = foldAndSplit(text.replace(/['’]/g, ''));
    if (!words.length) return false;
    const has = (list: readonly string[][]) => list.some((p) => phraseIn(words, p));
    if (has(this.none)) return false;
    if (afterAlarm && has(this.services)) return true;
    if (this.asksAboutService(words)) return true;
    return afterAlarm && has(this.afterAlarm);
  }

  /**
   * Without an alarm, the ask must be about the service itself: right before it ("the number of
   * the GP post", "should I go to the ER") or right after it ("the GP post, is it open"). An ask
   * elsewhere in the message is about something else: "the ER sent me to you, can I book next
   * week?" got the whole after-hours text (round 21's review).
   */
  private asksAboutService(words: readonly string[]): boolean {
    const services = this.services.flatMap((p) => spansOf(words, p));
    if (!services.length) return false;
    const before = this.reaching.flatMap((p) => spansOf(words, p));
    const after = this.reachingAfter.flatMap((p) => spansOf(words, p));
    return services.some(([start, end]) => before.some(([, e]) => e < start && start - e - 1 <= NEAR)
      || after.some(([s]) => s > end && s - end - 1 <= NEAR));
  }
}

/** Where the phrase stands in the words: the first and last word of each occurrence. */
function spansOf(words: readonly string[], phrase: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = 0; start < words.length; start++) {
    const end = phraseEnd(words, phrase, start);
    if (end !== undefined) spans.push([start, end]);
  }
  return spans;
}

/** The phrase's words in order in the message, at most {@link GAP} other words between two of them. */
function phraseIn(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    if (phraseEnd(words, phrase, start) !== undefined) return true;
  }
  return false;
}

/** The index of the phrase's last word when it starts at `start`; undefined when it does not. */
function phraseEnd(words: readonly string[], phrase: readonly string[], start: number): number | undefined {
  if (!wordIs(words[start], phrase[0])) return undefined;
  let at = start;
  for (const next of phrase.slice(1)) {
    const limit = Math.min(words.length, at + GAP + 2);
    let found = -1;
    for (let i = at + 1; i < limit; i++) {
      if (wordIs(words[i], next)) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    at = found;
  }
  return at;
}

/** A word against a phrase word: itself, or its start when the phrase word ends in `*`. */
function wordIs(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) && pattern.length > 1 : word === pattern;
}
