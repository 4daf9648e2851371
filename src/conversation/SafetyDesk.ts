import type { Locale } from '../config/AppConfig';
import type { RedFlag, RedFlagDetector } from '../safety/RedFlagDetector';
import { moreUrgent, type Tier } from '../safety/Tier';
import type { ConversationMemory } from './ConversationMemory';
import type { Reply } from './Reply';
import type { ReplyComposer } from './ReplyComposer';

/**
 * Where a red flag meets the conversation: the check that runs before anything else on every
 * message, the tier's instruction, the tier remembered for the rest of the conversation, and
 * what that memory changes later (a reminder with each answer; no booking after 112, crisis or
 * now). Framework-free: text and memory in, replies out.
 */
export class SafetyDesk {
  constructor(private readonly detector: RedFlagDetector, private readonly composer: ReplyComposer) {}

  /** The last text checked and its result: the bot, the responder and a dialog may ask for the same message in one turn. */
  private last?: { text: string; flag: RedFlag | undefined };

  /** The message's most urgent red flag, if any. */
  check(text: string): RedFlag | undefined {
    if (!text) return undefined;
    if (this.last?.text !== text) this.last = { text, flag: this.detector.detect(text) };
    return this.last.flag && { ...this.last.flag };
  }

  /** The topic to answer for `topic`, after the topic guards of emergency.yaml. */
  guardTopic(text: string, topic: string): string {
    return this.detector.guardTopic(text, topic);
  }

  /** The tier of a rule of emergency.yaml (a screening question's red flag). */
  tierOfRule(rule: string): Tier | undefined {
    return this.detector.tierOf(rule);
  }

  /** Remembers the tier and gives its instruction; the topic thread is dropped. */
  alarm(tier: Tier, memory: ConversationMemory, locale: Locale): Reply[] {
    memory.safetyTier = moreUrgent(memory.safetyTier, tier);
    memory.previousTopic = undefined;
    memory.answeredTopic = undefined;
    memory.misses = 0;
    return [this.composer.emergency(locale, tier)];
  }

  /** True unless an earlier red flag of this conversation rules out booking (112, crisis, now). */
  bookingAllowed(memory: ConversationMemory): boolean {
    return this.composer.safety.bookingAllowedAfter(memory.safetyTier);
  }

  /** What a request to book gets while booking is ruled out: not now, and the reminder. */
  bookingBlocked(memory: ConversationMemory, locale: Locale): Reply[] {
    const tier = memory.safetyTier ?? 'now';
    const why = this.composer.say(locale, `emergency.bookingBlocked.${tier === 'crisis' ? 'crisis' : 'doctor'}`).text;
    return [{ text: `${why}\n${this.composer.reminder(locale, tier)}` }];
  }

  /**
   * Replies of a later turn, after a red flag: the reminder added to the first reply (the answer), and no
   * booking offered when the tier rules it out. Unchanged when the conversation had no red flag.
   */
  afterwards(replies: Reply[], memory: ConversationMemory, locale: Locale): Reply[] {
    const tier = memory.safetyTier;
    if (!tier || !replies.length) return replies;
    const book = this.composer.action(locale, 'book').value;
    const allowed = this.bookingAllowed(memory);
    const out = replies.map((r) => (allowed || !r.choices ? r : { ...r, choices: r.choices.filter((c) => c.value !== book) }));
    out[0] = { ...out[0], text: `${out[0].text}\n${this.composer.reminder(locale, tier)}` };
    return out;
  }
}
