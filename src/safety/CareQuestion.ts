import { foldAndSplit } from '../understanding/TextNormalizer';
import type { EmergencyData } from '../knowledge/types';

/** The phrase lists of `knowledge/emergency.yaml` `careQuestions`. */
export type CareQuestionWords = EmergencyData['careQuestions'];

/** How many other words may stand between two words of a phrase ("who must I *now* call"). */
const GAP = 2;

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
    this.none = read(words.none);
    this.afterAlarm = read(words.afterAlarm);
  }

  /**
   * Whether the message asks where to get a doctor now. A message naming a service asks so when
   * it also asks about reaching it and tells no visit made; one without a service only after an
   * alarm (`afterAlarm`), when "who do I call?" can only mean the instruction just given.
   */
  asks(text: string, afterAlarm: boolean): boolean {
    const words = foldAndSplit(text.replace(/['’]/g, ''));
    if (!words.length) return false;
    const has = (list: readonly string[][]) => list.some((p) => phraseIn(words, p));
    if (has(this.none)) return false;
    if (has(this.services) && (afterAlarm || has(this.reaching))) return true;
    return afterAlarm && has(this.afterAlarm);
  }
}

/** The phrase's words in order in the message, at most {@link GAP} other words between two of them. */
function phraseIn(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    if (!wordIs(words[start], phrase[0])) continue;
    let at = start;
    let ok = true;
    for (const next of phrase.slice(1)) {
      const limit = Math.min(words.length, at + GAP + 2);
      let found = -1;
      for (let i = at + 1; i < limit; i++) {
        if (wordIs(words[i], next)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return true;
  }
  return false;
}

/** A word against a phrase word: itself, or its start when the phrase word ends in `*`. */
function wordIs(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) && pattern.length > 1 : word === pattern;
}
