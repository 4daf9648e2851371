import { SUPPORTED_LOCALES, type Locale } from '../config/AppConfig';
import { CRISIS_NET_RULE } from '../safety/CrisisNet';
import { joinFlags, type RedFlag, type RedFlagDetector } from '../safety/RedFlagDetector';
import { besideOf, moreUrgent, type Tier } from '../safety/Tier';
import type { AnswerWords } from './AnswerWords';
import type { CareQuestion } from '../safety/CareQuestion';
import type { ConversationMemory } from './ConversationMemory';
import type { Reply } from './Reply';
import type { ReplyComposer } from './ReplyComposer';

/**
 * How much of a message is read for red flags: more than a patient writes in one message on any
 * channel (WhatsApp carries 4,096 characters, the web chat MAX_MESSAGE_CHARS); the bound keeps a
 * forged request from costing more than about 0.1 s.
 */
export const SAFETY_SCAN_CHARS = 16_000;

/**
 * A longer message is read in windows of this size, each starting half a window after the one
 * before: the detector weighs a whole sentence at once, which on one long unpunctuated text
 * costs more than linear time, and signs a story tells within half a window of each other still
 * meet in one window.
 */
const SAFETY_WINDOW_CHARS = 2_000;

/**
 * Messages sent in a row are read together for red flags: this many earlier ones (a WhatsApp
 * burst of five: "my knee" / "very swollen" / "and red" / "feels hot" / "and a fever"), each of them
 * sent at most {@link BURST_WINDOW_MS} before the message and at most {@link BURST_CHARS} long
 * (a burst is short messages; a long story is read whole alone).
 */
const BURST_KEPT = 4;
const BURST_WINDOW_MS = 10 * 60_000;
const BURST_CHARS = 300;

/**
 * How many messages after a crisis text given for an unsure flag may say it misread the patient
 * (refused booking requests not counted): a correction comes right after it, or after asking what
 * was meant; later, "it goes fine" is about something else.
 */
export const MISREAD_MESSAGES = 2;

/**
 * Where a red flag meets the conversation: the check that runs before anything else on every
 * message, the tier's instruction, the tier remembered for the rest of the conversation, and
 * what that memory changes later (a reminder with each answer; no booking after 112, crisis or
 * now). Framework-free: text and memory in, replies out.
 */
export class SafetyDesk {
  /** `answers` takes an answer's closing booking offer off, as it does for an answer given mid-flow. */
  constructor(
    private readonly detector: RedFlagDetector,
    private readonly composer: ReplyComposer,
    private readonly answers: Pick<AnswerWords, 'withoutBookingOffer'>,
    private readonly care?: CareQuestion,
  ) {}

  /**
   * The answer to a question about where to get a doctor now (see {@link CareQuestion}), without
   * the reminder ({@link afterwards} adds it): after 112 or the crisis text that instruction once
   * more (the crisis line, with 112 when in danger now: the doctors' services are no answer to a
   * crisis, round 20's review), otherwise the country's services. "Who do I call?" counts as one
   * only after an instruction (now, 112, crisis): elsewhere it asks for the practice. Undefined
   * when the message asks no such thing.
   */
  careAnswer(text: string, memory: ConversationMemory, locale: Locale): Reply | undefined {
    const tier = memory.safetyTier;
    const afterAlarm = tier === 'now' || tier === '112' || tier === 'crisis';
    if (!this.care?.asks(text, afterAlarm)) return undefined;
    return tier === '112' || tier === 'crisis' ? this.composer.emergency(locale, tier) : this.composer.care(locale);
  }

  /**
   * The message's most urgent red flag, if any. Run once per message, on the whole message as
   * the channel delivered it (up to {@link SAFETY_SCAN_CHARS}), not on the part the router
   * reads: a long story may say what is wrong only at its end. The bot passes the result on to
   * the responder, the dialogs (turn state) and the router (`safetyChecked`).
   */
  check(text: string): RedFlag | undefined {
    if (!text) return undefined;
    let found: RedFlag | undefined;
    // A story's windows are one message: a sign of another tier in a later window is its line.
    for (const part of windowsOf(text.slice(0, SAFETY_SCAN_CHARS), SAFETY_WINDOW_CHARS)) {
      const flag = this.detector.detect(part);
      if (flag) found = found ? joinFlags(found, flag) : flag;
    }
    return found;
  }

  /**
   * {@link check} of a message in its conversation: when the message alone has no red flag, it
   * is read once more together with the patient's messages just before it (WhatsApp style: who
   * in one message, the sign in the next). What they say together counts only where it is more
   * urgent than the message alone and its instruction is not one the conversation was given
   * already, so the messages that gave an alarm do not give it again.
   *
   * @param earlier the patient's earlier messages of this conversation, oldest first (the
   * handoff's recent lines: nothing is stored for this)
   */
  checkInConversation(text: string, earlier: readonly SaidBefore[], memory: ConversationMemory, now: Date): RedFlag | undefined {
    // Messages read together are short (BURST_CHARS each): one window is enough.
    return checkInConversation((t) => this.check(t), (t) => this.detector.everyTierByRules(t), text, earlier, memory.safetyTier, now, memory.safetyAlso);
  }

  /** The topic to answer for `topic`, after the topic guards of emergency.yaml. */
  guardTopic(text: string, topic: string): string {
    return this.detector.guardTopic(text, topic);
  }

  /** The tier of a rule of emergency.yaml (a screening question's red flag). */
  tierOfRule(rule: string): Tier | undefined {
    return this.detector.tierOf(rule);
  }

  /**
   * True when the flag is the learned net's alone, or a rule's whose wording is also everyday
   * speech (emergency.yaml `ask`), in a conversation without an alarm so far: the rules know no
   * such wording, and the net also reads everyday replies in a booking ("wait, it is 06…", "I'll
   * see") as a farewell. In a running booking the bot then gives the crisis line
   * as a question and sets the booking aside, instead of ending it and refusing to book; once
   * per conversation. Never for a message in which the rules also find a sign of another tier
   * ("… with the exercises, and my knee is red and hot with a fever"): the question would hold it
   * back, and a no would answer it as if nothing were wrong.
   */
  unsure(flag: RedFlag, memory: ConversationMemory, text: string): boolean {
    // A story longer than one window is not asked about: its crisis text is given.
    if (!this.unsureKind(flag) || memory.safetyTier || memory.crisisQuestioned || text.length > SAFETY_WINDOW_CHARS) return false;
    return this.detector.everyTierByRules(text).every((f) => f.tier === 'crisis');
  }

  /** A crisis flag of the net alone or of an `ask` rule: the kind {@link unsure} asks about. */
  private unsureKind(flag: RedFlag): boolean {
    return flag.tier === 'crisis' && (flag.rule === CRISIS_NET_RULE || this.detector.asks(flag.rule));
  }

  /**
   * Remembers the tier and gives its instruction; a less urgent tier the message also told, that
   * the instruction does not say ({@link RedFlag.beside}: the crisis line after 112, a doctor after
   * the crisis text), gets its one line after it in the same reply: one turn later the patient may
   * be gone. `misreadable`: the flag was unsure ({@link unsure}) and its crisis text given all the
   * same; the patient may then say it misread them ({@link mayCorrect}).
   */
  alarm(flag: Pick<RedFlag, 'tier' | 'beside'>, memory: ConversationMemory, locale: Locale, misreadable = false): Reply[] {
    const { tier, beside } = flag;
    this.remember(tier, memory, beside);
    if (misreadable && tier === 'crisis' && memory.safetyTier === 'crisis') memory.crisisMisreadable = MISREAD_MESSAGES;
    const instruction = this.composer.emergency(locale, tier);
    return [beside ? { ...instruction, text: `${instruction.text}\n${this.composer.besideLine(locale, beside)}` } : instruction];
  }

  /**
   * True when a message may take back a crisis text given for an unsure flag: the conversation's
   * only alarm was that one, given at most {@link MISREAD_MESSAGES} messages ago (FysioBot counts
   * them and asks only then), and the message itself carries no red flag but, at most, one of the
   * unsure kind again ("I'm not suicidal" reads to the net as its word). Whether it says so is the
   * caller's (AnswerWords.saysMisread). A sure rule's crisis, 112 or a doctor today is never taken
   * back by a typed message.
   *
   * @param rest the message without its words of correction (AnswerWords.withoutMisread)
   */
  mayCorrect(flag: RedFlag | undefined, memory: ConversationMemory, rest: string): boolean {
    // The rest of the message, without the words of the correction, is read once more: a new sign
    // told with them ("I didn't mean it like that, I bought a rope") is no correction.
    return memory.safetyTier === 'crisis' && (!flag || this.unsureKind(flag)) && !this.check(rest);
  }

  /**
   * Takes back a crisis text the patient says misread them: booking is allowed again and later
   * answers carry no reminder. The crisis line is not asked about again in this conversation: a
   * later unsure flag gets the crisis text, and that one stands.
   */
  correct(memory: ConversationMemory, at: number): void {
    // A doctor's tier given beside the crisis text stands: it was read from other words.
    memory.safetyTier = (memory.safetyAlso ?? []).reduce<Tier | undefined>(moreUrgent, undefined);
    memory.safetyAlso = undefined;
    memory.crisisMisreadable = undefined;
    memory.crisisQuestioned = true;
    // The message misread is not read again with the ones after it (checkInConversation).
    memory.crisisQuestionedAt = at;
  }

  /**
   * Keeps the tier for the rest of the conversation, and the less urgent ones given with or before
   * it (`beside`: its line in the same reply); the topic thread is dropped.
   */
  remember(tier: Tier, memory: ConversationMemory, beside?: Tier): void {
    // Any alarm after an unsure crisis text ends the chance to take that one back.
    memory.crisisMisreadable = undefined;
    const before = memory.safetyTier;
    memory.safetyTier = moreUrgent(before, tier);
    const also = new Set([...(memory.safetyAlso ?? []), ...[before, tier, beside].filter((t): t is Tier => Boolean(t))]);
    also.delete(memory.safetyTier!);
    memory.safetyAlso = also.size ? [...also] : undefined;
    memory.previousTopic = undefined;
    memory.answeredTopic = undefined;
    memory.misses = 0;
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
   * The choices that may be offered in this conversation: without "Afspraak maken" (in any
   * locale) once a tier that rules out booking was given. The bot applies it to everything it
   * sends, whichever part of it composed the reply.
   */
  offerable<T extends { value?: unknown }>(choices: T[], memory: ConversationMemory): T[] {
    if (this.bookingAllowed(memory)) return choices;
    return choices.filter((c) => !this.bookValues.has(String(c.value ?? '')));
  }

  /** The values of the booking button in every locale (a patient may switch language after an alarm). */
  private get bookValues(): ReadonlySet<string> {
    return (this.bookValuesCache ??= new Set(SUPPORTED_LOCALES.map((l) => this.composer.action(l, 'book').value)));
  }
  private bookValuesCache?: ReadonlySet<string>;

  /**
   * Replies of a later turn, after a red flag: the reminder added to the first reply (the answer), and no
   * booking offered when the tier rules it out. Unchanged when the conversation had no red flag.
   */
  afterwards(replies: Reply[], memory: ConversationMemory, locale: Locale): Reply[] {
    const tier = memory.safetyTier;
    if (!tier || !replies.length) return replies;
    const out = replies.map((r) => (r.choices ? { ...r, choices: this.offerable(r.choices, memory) } : r));
    // The instruction itself, asked for again, needs no reminder of it.
    if (out[0].text === this.composer.emergency(locale, tier).text) return out;
    // The buttons are not all: answers written in knowledge/ end with the offer in words too.
    if (!this.bookingAllowed(memory)) out[0] = { ...out[0], text: this.answers.withoutBookingOffer(out[0].text) };
    out[0] = { ...out[0], text: `${out[0].text}\n${this.composer.reminder(locale, tier)}` };
    return out;
  }
}

/** A message the patient sent before, with its time in ms. */
export interface SaidBefore {
  text: string;
  at: number;
}

/**
 * {@link SafetyDesk.checkInConversation} with the checks to run (the evaluation runs the detector
 * itself) and the tier the conversation was given so far. Messages read together are read by the
 * rules alone, for every tier they find: the crisis net judges one message's wording, and short
 * replies strung together ("tomorrow" / "1" / "no, not after all") are a text it was never made for.
 */
export function checkInConversation(
  check: (text: string) => RedFlag | undefined,
  checkTogether: (text: string) => RedFlag[],
  text: string,
  earlier: readonly SaidBefore[],
  given: Tier | undefined,
  now: Date,
  alsoGiven: readonly Tier[] = [],
): RedFlag | undefined {
  const alone = check(text);
  // Nothing read together can be more urgent than 112. A long message is a story, read whole on
  // its own (in windows): only short ones are read together, which also bounds that reading.
  if (alone?.tier === '112' || !text.trim() || text.length > BURST_CHARS) return alone;
  const at = now.getTime();
  const burst = earlier.filter((s) => at - s.at >= 0 && at - s.at <= BURST_WINDOW_MS).slice(-BURST_KEPT).filter((s) => s.text.length <= BURST_CHARS);
  if (!burst.length) return alone;
  // Every tier they say together: a sign told after an alarm must not hide behind it. Joined as
  // clauses of one sentence, not as sentences: a burst is often one sentence typed in pieces
  // ("pain" / "on my chest"), and a negation or a past marker still reaches no further than its clause.
  const together = checkTogether([...burst.map((s) => s.text), text].join(', '));
  const said = (tier: Tier) => [given, ...alsoGiven].some((g) => covers(g, tier));
  const flag = together.find((f) => moreUrgentThan(alone?.tier, f.tier) && !said(f.tier)) ?? alone;
  if (!flag) return undefined;
  // The burst's other tiers, and the message's own, that neither this instruction nor the
  // conversation's said: the most urgent gets its line beside it ("I don't want to live any
  // more" / "and my knee is red and hot, I feel ill").
  const beside = besideOf(flag.tier, [flag.beside, ...together.map((f) => f.tier)].filter((t): t is Tier => Boolean(t) && !said(t!)));
  return { tier: flag.tier, rule: flag.rule, ...(beside ? { beside } : {}) };
}

/**
 * Whether the instruction of the tier given already says what `tier` would: its own, 112's
 * (everything), or a doctor today's for the GP this week. A crisis line says nothing of a doctor.
 */
function covers(given: Tier | undefined, tier: Tier): boolean {
  return given === tier || given === '112' || (given === 'now' && tier === 'soon');
}

/** True when `b` is more urgent than `a` (any tier is more urgent than none). */
function moreUrgentThan(a: Tier | undefined, b: Tier): boolean {
  return a !== b && moreUrgent(a, b) === b;
}

/**
 * The text in overlapping windows of at most `size` characters. A window starts after a
 * sentence's end where one lies in its first quarter, else after a space, and ends likewise in
 * its last quarter, so that it neither opens with "fever" of "no | fever" nor closes with
 * "fever I have" of "fever I have | not".
 */
export function windowsOf(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const quarter = Math.floor(size / 4);
  const out: string[] = [];
  for (let start = 0; ; ) {
    if (start + size >= text.length) {
      out.push(text.slice(start));
      return out;
    }
    const end = boundaryBefore(text, start + size, quarter);
    out.push(text.slice(start, end));
    start = boundaryAfter(text, start + 2 * quarter, quarter);
  }
}

/** The first place in [at, at + reach) just after a sentence's end, else after a space, else `at`. */
function boundaryAfter(text: string, at: number, reach: number): number {
  const part = text.slice(at, at + reach);
  const sentence = /[.!?\n]\s*/.exec(part);
  if (sentence) return at + sentence.index + sentence[0].length;
  const space = part.indexOf(' ');
  return space >= 0 ? at + space + 1 : at;
}

/** The last place in (at - reach, at] just after a sentence's end, else at a space, else `at`. */
function boundaryBefore(text: string, at: number, reach: number): number {
  const part = text.slice(at - reach, at);
  const marks = [...part.matchAll(/[.!?\n]/g)];
  if (marks.length) return at - reach + marks[marks.length - 1].index + 1;
  const space = part.lastIndexOf(' ');
  return space >= 0 ? at - reach + space : at;
}
