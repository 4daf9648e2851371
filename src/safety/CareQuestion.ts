import { foldAndSplit } from '../understanding/TextNormalizer';
import type { EmergencyData } from '../knowledge/types';
import { PhrasePatterns, type PhraseMatch } from './PhrasePatterns';

/** The phrase lists of `knowledge/emergency.yaml` `careQuestions`. */
export type CareQuestionWords = EmergencyData['careQuestions'];

/** How many other words may stand between an ask and the service it asks about ("the number *of the* GP post"). */
const NEAR = 3;

/** The lists, as the concepts the shared phrase matcher reports. */
type List = 'services' | 'asks' | 'asksAfter' | 'none' | 'afterAlarm';

/**
 * A question about where to get a doctor now: the number of the after-hours GP service, whether
 * to go to the emergency department, or, after a doctor's instruction, who to call or what to do
 * ("the GP is closed, what now?"). Such questions got the practice's callback offer, a doubt
 * prompt or a fallback (a twenty-first patient-style test), while the instruction they ask about
 * is one the bot gave. Its phrases are read by the red-flag check's matcher ({@link PhrasePatterns}:
 * alternatives, `*` prefixes, two words between a phrase's words). Framework-free and pure after
 * construction.
 */
export class CareQuestion {
  private readonly patterns: PhrasePatterns;

  constructor(words: CareQuestionWords) {
    const lists: [List, readonly string[]][] = [['services', words.services], ['asks', words.asks], ['asksAfter', words.asksAfter], ['none', words.none], ['afterAlarm', words.afterAlarm]];
    const read = (token: string) => (token.endsWith('*') ? [`${foldAndSplit(token.slice(0, -1))[0] ?? ''}*`] : foldAndSplit(token));
    this.patterns = new PhrasePatterns(lists, read, { negations: new Set(), afterNegation: new Set() });
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
    const found = this.patterns.matchesIn(words);
    const has = (list: List) => found.some((m) => m.concept === list);
    if (has('none')) return false;
    if (afterAlarm && has('services')) return true;
    if (asksAboutService(found)) return true;
    return afterAlarm && has('afterAlarm');
  }
}

/**
 * Without an alarm, the ask must be about the service itself: right before it ("the number of
 * the GP post", "should I go to the ER") or right after it ("the GP post, is it open"). An ask
 * elsewhere in the message is about something else: "the ER sent me to you, can I book next
 * week?" got the whole after-hours text (round 20's review).
 */
function asksAboutService(found: readonly PhraseMatch[]): boolean {
  const of = (list: List) => found.filter((m) => m.concept === list);
  const before = of('asks');
  const after = of('asksAfter');
  return of('services').some(({ start, end }) => before.some((b) => b.end < start && start - b.end - 1 <= NEAR) || after.some((a) => a.start > end && a.start - end - 1 <= NEAR));
}
