import type { Locale } from '../config/AppConfig';
import type { CurationRepository } from '../curation/CurationRepository';
import type { HandoffReason } from '../handoff/Ticket';
import { PRACTICE_INFO_TOPIC, type KnowledgeBase } from '../knowledge';
import { scrub } from '../logging/Logger';
import { findReferenceCode } from '../booking/ReferenceCode';
import { stripPersonalDetails } from '../curation/stripPersonalDetails';
import type { RouteDecision } from '../understanding/types';
import type { AnswerWords } from './AnswerWords';
import type { Router } from '../understanding/Router';
import type { Clock } from '../util/Clock';
import type { ConversationMemory, Offer } from './ConversationMemory';
import type { DayQuestion } from './DayQuestion';
import type { EnglishOffer } from './EnglishOffer';
import type { Reply } from './Reply';
import type { ReplyComposer } from './ReplyComposer';
import type { SafetyDesk } from './SafetyDesk';
import type { RedFlag } from '../safety/RedFlagDetector';

/** A flow of several turns that a message starts; the dialogs run them. */
export type Flow = 'booking' | 'cancel-booking' | 'handoff' | 'save-transcript' | 'delete-data';

/**
 * What to do with a message that arrives while no flow is running: answer it in this turn, or
 * start a flow (with the reason, when the flow is a handoff).
 */
export type MessageOutcome =
  | { kind: 'replies'; replies: Reply[] }
  | {
    kind: 'flow'; flow: Flow; reason?: HandoffReason;
    /** What the flow reads the complaint from, when not the message alone: a yes taking an offer adds the offer's button ("for my husband"). */
    said?: string;
  };

/** What the responder needs; built by the composition root. */
export interface MessageResponderDeps {
  router: Router;
  composer: ReplyComposer;
  knowledge: KnowledgeBase;
  curation: CurationRepository;
  clock: Clock;
  safety: SafetyDesk;
  /** Answers a message in English in English, with the practice's language offer. */
  english?: EnglishOffer;
  /** Answers "can I come on Sunday?" from the practice's calendar. */
  days?: DayQuestion;
  /** Reads a button picked by its position ("the second") after a miss's question. */
  answers?: AnswerWords;
  /** How long bookings' details and conversations are kept, told in the answer to a privacy question. */
  retention?: { bookingDays: number; conversationDays: number };
}

/** Where a clause of a message ends: a comma, a full stop, a semicolon, a question or exclamation mark. */
const CLAUSE_END = /[,.;!?]+/;

/** The requests a clause of a message can make on its own ({@link MessageResponder.requestInClauses}). */
type Request = 'booking' | 'cancel-booking' | 'handoff';
const REQUESTS: readonly Request[] = ['booking', 'cancel-booking', 'handoff'];
const isRequest = (intent: string): intent is Request => (REQUESTS as readonly string[]).includes(intent);

/** Requests a privacy question in the same message does not replace (see {@link MessageResponder.decide}). */
const PRIVACY_KEEPS: ReadonlySet<string> = new Set(['booking', 'cancel-booking', 'handoff', 'appointment-lookup', 'save-transcript']);

/** The most words of a message that gives the reference asked for after the lookup's answer ("it is KX7-4PM"). */
const LOOKUP_CODE_WORDS = 5;

/** The most pieces of a question read together: a question typed in more pieces than this is rare. */
const MAX_PIECES = 3;

/**
 * Handles a patient's message when no flow is running: routes it and answers, asks which topic
 * is meant, admits it does not know (offering a person after two misses), or gives the
 * emergency instruction without offering an appointment; or says which flow to start.
 * Framework-free: text and memory in, replies or a flow out. Updates the memory it is given.
 */
export class MessageResponder {
  constructor(private readonly deps: MessageResponderDeps) {}

  /**
   * Decides and composes the answer to `text`; records answer feedback and unanswered
   * questions. A red flag comes first; after one, answers carry its reminder and booking
   * follows what its tier allows.
   *
   * @param flag the result of this turn's safety check of `text` (the caller runs it once)
   * @param offer what a question of the bot's last reply offered (see {@link ConversationMemory.offer}), which a yes takes
   * @param earlier the patient's messages before this one, oldest first (best effort; see {@link ConversationMemory.pieces})
   */
  async respond(text: string, memory: ConversationMemory, locale: Locale, flag: RedFlag | undefined, offer?: Offer, earlier: readonly string[] = []): Promise<MessageOutcome> {
    const { safety } = this.deps;
    const pieces = memory.pieces ?? 0;
    memory.pieces = undefined;
    if (flag) {
      // What the bot answered before the alarm is no longer on the patient's mind.
      memory.lastReply = undefined;
      await this.recordFeedback(memory, 'emergency', locale);
      return replies(...safety.alarm(flag, memory, locale));
    }
    const outcome = (offer && (await this.answerToOffer(text, offer, memory, locale))) || (await this.decide(text, memory, locale, pieces ? earlier.slice(-pieces) : []));
    if (outcome.kind === 'flow' && outcome.flow === 'booking' && !safety.bookingAllowed(memory)) {
      return replies(...safety.bookingBlocked(memory, locale));
    }
    return outcome.kind === 'replies' ? replies(...safety.afterwards(outcome.replies, memory, locale)) : outcome;
  }

  /**
   * A yes or no to what the bot's last reply offered with a question of its own. A yes takes the
   * offer as its button would (the appointment, the one for the relative); a no is acknowledged.
   * Only a message that is no more than that: a question ("yes, what does it cost?"), or a
   * sentence the router places elsewhere, is read as any message is. After an answer's offer, a
   * word of going on ("ok", "fine") acknowledges the answer rather than saying yes to booking.
   */
  private async answerToOffer(text: string, offer: Offer, memory: ConversationMemory, locale: Locale): Promise<MessageOutcome | undefined> {
    const { answers, composer, router } = this.deps;
    const said = answers?.yesNo(text);
    if (!answers || !said || answers.isQuestion(text)) return undefined;
    if (said === 'yes' && offer.from === 'answer' && answers.isGoOn(text)) return undefined;
    // "No thanks" reads as thanks to the router, and is a no here.
    const d = router.route(text, { locale, safetyChecked: true });
    if (d.intent !== 'none' && d.intent !== (said === 'yes' ? 'booking' : 'thanks')) return undefined;
    memory.misses = 0;
    memory.lastReply = undefined;
    if (said === 'no') return replies(offer.from === 'english' && this.deps.english ? this.deps.english.declined() : composer.say(locale, 'offer.declined', composer.mainActions(locale)));
    const outcome = await this.decide(offer.take, memory, locale);
    return outcome.kind === 'flow' ? { ...outcome, said: `${offer.take}. ${text}` } : outcome;
  }

  /** @param pieces the pieces of a question the patient typed just before this message, if any */
  private async decide(text: string, memory: ConversationMemory, locale: Locale, pieces: readonly string[] = []): Promise<MessageOutcome> {
    const { composer, router } = this.deps;
    // Set again below by the reply that answers from a topic or the calendar.
    const lastReply = memory.lastReply;
    memory.lastReply = undefined;
    const label = this.actionNamed(text, locale);
    const more = label === 'more' && memory.previousTopic ? composer.more(memory.previousTopic, locale) : undefined;
    if (more) {
      memory.misses = 0;
      memory.lastReply = 'more';
      this.noteOffer(more.text, memory, locale);
      return replies({ text: more.text, choices: [...(more.choices ?? []), composer.action(locale, 'book')] });
    }
    // A bare no to "do you want to know more?" after an answer declines it: acknowledged, with what
    // else the bot does (it got "I have no separate answer to that" about the topic, again and
    // again: an eleventh patient-style test).
    if ((lastReply === 'answer' || lastReply === 'more') && router.yesNo(text) === 'no') {
      memory.misses = 0;
      return replies(composer.say(locale, 'faq.noMore', composer.mainActions(locale)));
    }
    // A bare yes or no to the question a miss asked: a no ends the offer (a Flemish "neen" got the
    // person offer again and again in a seventh patient-style test), a yes to the person offer
    // brings one in, and a yes to "rephrase, book or a person?" asks which, with the buttons again
    // (it got a bare "how can I help?").
    const missed = lastReply === 'miss' || lastReply === 'missPerson' ? router.yesNo(text) : undefined;
    if (missed === 'no') {
      memory.misses = 0;
      return replies(composer.say(locale, 'nomatch.declined', composer.mainActions(locale)));
    }
    if (missed === 'yes' && lastReply === 'missPerson') {
      memory.misses = 0;
      return { kind: 'flow', flow: 'handoff', reason: 'requested' };
    }
    const offered = lastReply === 'miss' || lastReply === 'missPerson' ? composer.noMatch(lastReply === 'miss' ? 1 : 2, locale).choices ?? [] : [];
    if (missed === 'yes') {
      memory.lastReply = 'miss';
      return replies(composer.say(locale, 'nomatch.which', offered));
    }
    // "the second": that button, as if tapped.
    const index = offered.length && this.deps.answers?.position(text) !== undefined ? this.deps.answers.choose(text, offered.map((c) => c.label)) : undefined;
    if (index !== undefined) return this.decide(offered[index].value, memory, locale, []);
    // The reference typed right after "have you still got your reference? Tap look up": that
    // lookup, with the code; it got "no good answer" (a fifteenth patient-style test).
    if (lastReply === 'lookup' && findReferenceCode(text) && text.trim().split(/\s+/).length <= LOOKUP_CODE_WORDS) return { kind: 'flow', flow: 'cancel-booking' };
    if (label === 'rephrase' || label === 'other') {
      await this.recordFeedback(memory, 'none', locale);
      return replies(composer.say(locale, 'nomatch.rephrase'));
    }
    // "Never mind" with nothing running to stop: acknowledged, and not read for its words ("forget
    // what I said" got the fee for a forgotten appointment). After an alarm that rules out booking
    // it gets what any unplaced message then gets.
    if (router.exactIntent(text) === 'stop' && this.deps.safety.bookingAllowed(memory)) {
      memory.misses = 0;
      return replies(composer.say(locale, 'neverMind.text', composer.mainActions(locale)));
    }

    // The safety check ran on this message and found nothing: the router does not check again.
    // After a day's answer, a message with a day of its own that says more than a follow-up does
    // ("tomorrow I am going cycling, is that all right?") is read on its own, not against the opening hours.
    const ownDay = lastReply === 'day' && this.deps.days?.namesDay(text) === true && !this.deps.days.isFollowUp(text);
    const decision = router.route(text, { locale, previousTopic: ownDay ? undefined : memory.previousTopic, safetyChecked: true });
    if (this.deps.english?.isEnglish(text)) {
      // It offers booking here in Dutch: a yes takes that.
      memory.offer = { take: this.deps.composer.action(locale, 'book').value, from: 'english' };
      return replies(...this.deps.english.replies());
    }
    // "Who do I call now?" after a doctor's instruction, or the after-hours GP's number at any time,
    // asks where to get a doctor: the country's services, never the practice's callback (a
    // twenty-first patient-style test got the callback offer, then "do you doubt?", then a fallback).
    // Without an alarm, a wish to book or a topic asked about in the same message wins: the
    // service is then named in passing ("the ER sent me here, can I book?", round 20's review).
    const ownRequest = !memory.safetyTier && (decision.intent === 'booking' || (decision.intent === 'faq' && Boolean(decision.topic)));
    const care = ownRequest ? undefined : this.deps.safety.careAnswer(text, memory, locale);
    if (care) {
      memory.misses = 0;
      return replies(care);
    }
    // "Ok, we'll call" after an emergency text is the patient doing what it said, no request for a
    // person: it got the choice of waiting in the chat (a fifteenth patient-style test).
    if (memory.safetyTier && this.deps.answers?.saysWillCall(text)) {
      memory.misses = 0;
      return replies(composer.say(locale, 'safety.willCall'));
    }
    // "What do you do with my details?" is answered, never read as the deletion it sounds like to
    // the router: a yes to being told deleted the data and cancelled the booking (a fifteenth
    // patient-style test). A request of one's own in it (booking, a person) goes first.
    if (this.deps.retention && this.deps.answers?.asksAboutPrivacy(text) && !PRIVACY_KEEPS.has(decision.intent) && router.exactIntent(text) !== 'delete-data') {
      memory.misses = 0;
      return replies(composer.privacy(locale, this.deps.retention));
    }
    // "Can I come on Sunday?": open or closed that day; an open day with a wish to book starts the booking.
    // Right after such an answer or the opening hours, "and Saturday?" asks the same of another day,
    // unless the message is a question about another topic ("may I cycle on Saturday?") or says
    // more than a follow-up does ("tomorrow I am going cycling, is that all right?").
    const onHours = decision.followUp === true && decision.topic === memory.previousTopic && (lastReply === 'day' || decision.topic === PRACTICE_INFO_TOPIC);
    const sameQuestion = (onHours || (lastReply === 'day' && decision.intent !== 'faq')) && this.deps.days?.isFollowUp(text) === true;
    // A question about the practice that names a day ("anything on Saturday?") asks
    // about that day: whether the practice is open then, not all its details.
    const onPractice = decision.intent === 'faq' && decision.topic === PRACTICE_INFO_TOPIC;
    // A reference code with a clause that cancels or moves ("I can't make it on Saturday, my
    // reference is …"): that appointment, not the day's opening hours, which a Flemish sentence got
    // when the words around the code pulled the whole away from a cancellation (a twenty-first
    // patient-style test; the date of birth typed next then got the hours of that date).
    if (findReferenceCode(text) && this.requestInClauses(text, decision, locale) === 'cancel-booking') {
      memory.misses = 0;
      return { kind: 'flow', flow: 'cancel-booking' };
    }
    const day = DAY_INTENTS.has(decision.intent) ? this.deps.days?.answer(text, locale, sameQuestion || onPractice) : undefined;
    if (day && !(day.open && decision.intent === 'booking')) {
      memory.misses = 0;
      memory.lastReply = 'day';
      // The topic the day question was read as (the opening hours), for the follow-ups after it.
      const topic = decision.intent === 'faq' ? decision.topic : decision.candidates[0]?.topic;
      if (topic) memory.previousTopic = topic;
      return replies({ text: day.text, choices: [composer.action(locale, 'book'), composer.action(locale, 'ask')] });
    }
    // A part of a sentence sent on its own says nothing yet about the last answer.
    if (!decision.fragment) await this.recordFeedback(memory, decision.intent, locale);
    switch (decision.intent) {
      case 'save-transcript':
      case 'delete-data':
        return { kind: 'flow', flow: decision.intent };
      case 'handoff':
        memory.misses = 0;
        // "I'll call you myself" is no wish to be called back (it got the callback offer): the number, and the hours.
        if (this.deps.answers?.saysWillCall(text)) return replies(composer.say(locale, 'handoff.willCallSelf', composer.mainActions(locale)));
        return { kind: 'flow', flow: 'handoff', reason: 'requested' };
      case 'booking':
      case 'cancel-booking':
        memory.misses = 0;
        // Right after a red flag ended a booking unmade, cancelling without a code is about that
        // booking: there is none, said so (the code's question asked for one never given).
        if (decision.intent === 'cancel-booking' && lastReply === 'notBooked' && !findReferenceCode(text)) {
          return replies(composer.say(locale, 'booking.noneToCancel', composer.mainActions(locale)));
        }
        return { kind: 'flow', flow: decision.intent };
      case 'appointment-lookup':
        // Where to find the day and time; looked up here only with the code and the date of birth.
        memory.misses = 0;
        // The code typed with the question ("is my appointment XQY-JDX still on Tuesday?"): the
        // lookup starts with it and asks the date of birth. It was passed over for where to find
        // the code, and the date of birth typed next got "no good answer" (a fourteenth patient-style test).
        if (findReferenceCode(text)) return { kind: 'flow', flow: 'cancel-booking' };
        memory.lastReply = 'lookup';
        // "May my appointment stay?": it stands, with the lookup to change it (round 20).
        return replies(composer.say(locale, decision.keeps ? 'lookup.keeps' : 'lookup.text', [composer.action(locale, 'lookup'), composer.action(locale, 'person')]));
      case 'faq':
        if (decision.topic && this.alwaysHuman(decision.topic)) return { kind: 'flow', flow: 'handoff', reason: 'always-human' };
        break;
    }
    const request = this.requestInClauses(text, decision, locale);
    if (request) {
      memory.misses = 0;
      return { kind: 'flow', flow: request };
    }
    const both = this.twoQuestions(text, decision, locale);
    if (both) return replies(...(await this.answerTwo(both, memory, locale)));
    return replies(...(await this.answer(text, decision, memory, locale, lastReply, pieces)));
  }

  /**
   * A request to book, to cancel or move, or for a person, made in one clause of a message the
   * whole of which the router could not place ("I'd like an appointment for my mother, her hip
   * hurts": the second clause pulls the whole towards a topic). The flow's own questions take the
   * rest (the complaint is read from the whole message).
   */
  private requestInClauses(text: string, whole: RouteDecision, locale: Locale): Request | undefined {
    if (whole.intent !== 'clarify' && whole.intent !== 'none') return undefined;
    const clauses = text.split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
    if (clauses.length < 2) return undefined;
    const found = new Set<Request>();
    for (const clause of clauses) {
      const d = this.deps.router.route(clause, { locale, safetyChecked: true });
      if (isRequest(d.intent)) found.add(d.intent);
    }
    // Two different requests in one message are for the patient to choose between, as before. In a
    // message that refuses a request, no clause starts one ("I still have an appointment, and I
    // don't want to cancel it": its first clause alone reads as a cancellation, or as a booking).
    const [request] = found;
    const refused = REQUESTS.some((r) => this.deps.router.refuses(text, r));
    return found.size === 1 && !refused ? request : undefined;
  }

  /**
   * The two topics of a message that asks two questions, when its parts lead to different
   * topics; each with whether its part could be answered on its own.
   */
  private twoQuestions(text: string, whole: RouteDecision, locale: Locale): TwoQuestions | undefined {
    if (whole.intent !== 'faq' && whole.intent !== 'clarify' && whole.intent !== 'none') return undefined;
    const parts = this.deps.router.questionParts(text);
    if (parts.length < 2) return undefined;
    const found: { topic: string; sure: boolean }[] = [];
    for (const part of parts) {
      const d = this.deps.router.route(part, { locale, safetyChecked: true });
      const topic = d.intent === 'faq' ? d.topic : d.intent === 'clarify' ? d.candidates[0]?.topic : undefined;
      if (topic && !found.some((f) => f.topic === topic)) found.push({ topic, sure: d.intent === 'faq' });
    }
    if (found.length < 2) return undefined;
    // What the whole message was answered with leads, if it is one of the two.
    const lead = whole.intent === 'faq' ? found.findIndex((f) => f.topic === whole.topic) : -1;
    const [first, second] = lead > 0 ? [found[lead], found[0]] : [found[0], found[1]];
    return { first: { ...first, sure: first.sure || lead >= 0 }, second };
  }

  /**
   * Both answers when both questions are clear; the clear one's answer and the other topic as a
   * choice when one is; otherwise a choice between the two. Never one of them silently dropped.
   */
  private async answerTwo(two: TwoQuestions, memory: ConversationMemory, locale: Locale): Promise<Reply[]> {
    const { composer } = this.deps;
    memory.misses = 0;
    const { first, second } = two;
    const choice = (topic: string) => composer.clarify([{ topic, score: 1 }], locale).choices!.slice(0, 1);
    if (first.sure && second.sure) {
      this.answered(memory, second.topic);
      const a = composer.answer(first.topic, locale);
      const b = composer.answer(second.topic, locale);
      this.noteOffer(b.text, memory, locale);
      return [{ text: a.text }, { text: b.text }, { text: composer.say(locale, 'faq.more').text, choices: [...(b.choices ?? []), composer.action(locale, 'book')] }];
    }
    if (first.sure) {
      this.answered(memory, first.topic);
      return [{ text: composer.answer(first.topic, locale).text }, { text: composer.say(locale, 'clarify.also').text, choices: [...choice(second.topic), composer.action(locale, 'book')] }];
    }
    return [{ text: composer.say(locale, 'clarify.two').text, choices: [...choice(first.topic), ...choice(second.topic), composer.action(locale, 'other')] }];
  }

  /**
   * @param lastReply what the previous reply answered from; a follow-up that lands on the topic
   *   just answered goes on from there instead of repeating it
   */
  private async answer(text: string, d: RouteDecision, memory: ConversationMemory, locale: Locale, lastReply?: ConversationMemory['lastReply'], pieces: readonly string[] = []): Promise<Reply[]> {
    const { composer } = this.deps;
    // "my knee" / "hurts" / "on the stairs" (an eighth patient-style test got "how can I help?"
    // three times): a message the bot cannot place, after pieces naming the joint that it asked to
    // hear the question of, is read together with them. Pieces that set a scene ("I'm on the
    // couch" / "and suddenly") are not read together: joined, they read as nothing in particular.
    if (pieces.some((p) => this.deps.answers?.complaintIn(p).joint) && (d.intent === 'none' || d.intent === 'clarify') && this.deps.router.yesNo(text) === undefined) {
      const joined = [...pieces, text].join(' ');
      const together = this.deps.router.route(joined, { locale, safetyChecked: true });
      if (together.intent === 'faq' || (together.intent === 'clarify' && d.intent === 'none')) return this.answer(joined, together, memory, locale, lastReply);
    }
    // "in the bathroom", "and suddenly": the patient is still typing their question; ask for it,
    // without counting a miss or keeping it as a question the bot could not answer. After an
    // alarm that rules out booking, "ok" gets what any unplaced message then gets: that the bot
    // is still there, a person and the line.
    // A bare no that answers nothing (the Flemish "neen" is no small word to the router) is no miss either.
    const bare = d.intent === 'none' && (d.fragment || this.deps.router.yesNo(text) !== undefined);
    if (bare && this.deps.safety.bookingAllowed(memory)) {
      if (!this.deps.router.yesNo(text)) memory.pieces = Math.min(pieces.length + 1, MAX_PIECES);
      // A bare yes or no answers nothing: the bare question once, and the next bare message gets
      // the help with the buttons (a person among them); a seventeenth patient-style test got the
      // bare question nine times. Parts of a sentence typed one by one still get the short
      // question each: the patient is still typing.
      const yesNo = this.deps.router.yesNo(text) ?? this.deps.answers?.yesNo(text);
      if (lastReply === 'prompt' || (lastReply === 'piece' && yesNo)) return [composer.say(locale, 'help.text', composer.mainActions(locale))];
      memory.lastReply = yesNo ? 'prompt' : 'piece';
      return [composer.say(locale, 'welcome.prompt')];
    }
    if (d.intent !== 'none') memory.misses = 0;
    switch (d.intent) {
      case 'faq': {
        const topic = this.deps.safety.guardTopic(text, d.topic!);
        // A bare no read as a follow-up of the topic is no question about it (a second "no" got the whole answer again).
        if (d.followUp && topic === memory.previousTopic && this.deps.router.yesNo(text) === 'no') {
          return [composer.say(locale, 'faq.noMore', composer.mainActions(locale))];
        }
        const again = d.followUp && !d.answerLocale && topic === memory.previousTopic && (lastReply === 'answer' || lastReply === 'more');
        memory.previousTopic = topic;
        memory.answeredTopic = topic;
        if (again) return this.answerAgain(topic, locale, memory, lastReply === 'answer', text);
        memory.lastReply = 'answer';
        // A follow-up about the other country ("and in Belgium?") gets that country's answer.
        // The router names the country by its locale; the answer stays in the patient's words.
        const reply = d.answerLocale ? composer.answerFor(topic, locale, d.answerLocale === 'nl-BE' ? 'BE' : 'NL') : composer.answer(topic, locale);
        this.noteOffer(reply.text, memory, locale);
        const choices = [...(reply.choices ?? []), composer.action(locale, 'book')];
        // Sadness told with the question ("so sad, nobody helps me with this pain") is heard first,
        // with a person offered: a twenty-first patient-style test got sleeping tips alone.
        if (this.deps.answers?.saysDistress(text)) {
          const person = composer.action(locale, 'person');
          return [composer.say(locale, 'faq.empathy'), { text: reply.text }, { text: composer.say(locale, 'faq.more').text, choices: [person, ...choices] }];
        }
        return [{ text: reply.text }, { text: composer.say(locale, 'faq.more').text, choices }];
      }
      case 'clarify':
        return [composer.clarify(d.candidates, locale)];
      case 'greeting':
        // "Fine then" after a reply acknowledges it: no fresh "hello" (a twenty-first patient-style test).
        // After an alarm, no "glad to hear": the alarm was about someone in danger; a neutral line
        // (the reminder follows it), round 20's review.
        if (this.deps.answers?.isAcknowledgement(text)) return [composer.say(locale, memory.safetyTier ? 'greeting.acknowledgedAfterAlarm' : 'greeting.acknowledged')];
        return [composer.say(locale, 'greeting.reply', composer.mainActions(locale))];
      case 'thanks':
        return [composer.say(locale, 'thanks.reply')];
      case 'help':
        // "What should I do?" after an instruction that rules out booking asks for that instruction,
        // not for what the bot can do (a seventh patient-style test got the examples of questions).
        if (memory.safetyTier && !this.deps.safety.bookingAllowed(memory)) return [composer.emergency(locale, memory.safetyTier)];
        return [composer.say(locale, 'help.text', composer.mainActions(locale))];
      default:
        memory.misses += 1;
        // Kept for content curation without the conversation id; e-mail addresses, dates, phone
        // numbers and quoted text are removed first.
        await this.deps.curation.addUnanswered({ text: scrub(stripPersonalDetails(text)).slice(0, 300), locale, at: this.deps.clock.now() });
        // The question it asks (not the one after an alarm, which offers a person only), for a bare yes or no next.
        if (this.deps.safety.bookingAllowed(memory)) memory.lastReply = memory.misses >= 2 ? 'missPerson' : 'miss';
        return [composer.noMatch(memory.misses, locale, memory.safetyTier)];
    }
  }

  /**
   * A follow-up read against the topic just answered that lands on that same topic ("and for the
   * knee?" after how long a treatment takes; "how long does that take?" after the rules after a new
   * hip): the patient has just read its answer, so it is not repeated. The answer's second part
   * goes on where it stopped, if there is one not yet given; otherwise the bot says it has no
   * separate answer and offers a person.
   */
  private answerAgain(topic: string, locale: Locale, memory: ConversationMemory, moreLeft: boolean, text: string): Reply[] {
    const { composer } = this.deps;
    memory.lastReply = 'more';
    const book = composer.action(locale, 'book');
    const person = composer.action(locale, 'person');
    const moreAction = composer.action(locale, 'more');
    const followUps = (composer.answer(topic, locale).choices ?? []).filter((c) => c.value !== moreAction.value && c.value !== person.value);
    // "And how long does that take?" after the first visit asks the length of that visit, which
    // its answer does not give and the practice's appointment types do (a patient-style test got
    // the length of a whole course of treatment): the question read alone is how long something
    // takes. Which topic's follow-up that is, and what it reads as, the content says (visitLengthFollowUp).
    const lengthTopic = this.deps.knowledge.topics.get(topic)?.visitLengthFollowUp;
    if (lengthTopic && this.deps.router.route(text, { locale, safetyChecked: true }).topic === lengthTopic) {
      const length = composer.visitLength(locale, [...followUps, book]);
      if (length) return [length];
    }
    const more = moreLeft ? composer.more(topic, locale) : undefined;
    if (more) {
      this.noteOffer(more.text, memory, locale);
      return [{ text: more.text, choices: [...(more.choices ?? []), book] }];
    }
    // A follow-up that alone could also mean a topic this answer lists as its own next step
    // ("even without the supplementary insurance?" after what is reimbursed: what it costs then):
    // that topic says something the answer just read did not, where "no separate answer" says nothing.
    const listed = this.listedNext(topic, text, locale);
    if (listed) {
      // The topic guard holds here as for any answer: no "a new hip is not the first step" to someone who has one.
      const next = this.deps.safety.guardTopic(text, listed);
      this.answered(memory, next);
      const reply = composer.answer(next, locale);
      this.noteOffer(reply.text, memory, locale);
      return [{ text: reply.text }, { text: composer.say(locale, 'faq.more').text, choices: [...(reply.choices ?? []), book] }];
    }
    return [composer.sayAbout(locale, 'faq.same', topic, [person, ...followUps, book])];
  }

  /** Remembers that the topic was just answered: follow-ups read against it. */
  private answered(memory: ConversationMemory, topic: string): void {
    memory.previousTopic = topic;
    memory.answeredTopic = topic;
    memory.lastReply = 'answer';
  }

  /**
   * The topic's follow-up (its content's `followUps`) the message alone reads as, or leads a choice
   * with. Only the choice's lead: a joint alone ("and for the knee?") offers several topics, and one
   * further down says nothing the message asked.
   */
  private listedNext(topic: string, text: string, locale: Locale): string | undefined {
    const listed = this.deps.knowledge.topics.get(topic)?.followUps ?? [];
    const alone = this.deps.router.route(text, { locale, safetyChecked: true });
    const read = alone.intent === 'faq' ? [alone.topic] : alone.intent === 'clarify' ? alone.candidates.slice(0, 1).map((c) => c.topic) : [];
    return read.find((t): t is string => t !== null && t !== topic && listed.includes(t));
  }

  /**
   * The offer the last of the replies just sent makes with a question of its own, kept for the
   * next message when no other is: the opening hours of a day closing with "do you want an
   * appointment?" and its button, or "do you want to check, move or cancel it?" with the lookup
   * as its first button. A yes to them got "how can I help you?" or the address page (a
   * nineteenth patient-style test).
   *
   * @param sent the replies as they were sent, the last one the patient answers
   */
  noteOfferIn(sent: readonly Reply[], memory: ConversationMemory, locale: Locale): void {
    const last = sent[sent.length - 1];
    // A miss's "rephrase, book or a person?" has a yes of its own: it asks which (see decide).
    if (memory.offer || !last?.choices?.length || memory.lastReply === 'miss' || memory.lastReply === 'missPerson') return;
    const { composer, answers } = this.deps;
    const [book, lookup] = [composer.action(locale, 'book').value, composer.action(locale, 'lookup').value];
    const has = (value: string) => last.choices!.some((c) => c.value === value);
    if (has(book) && answers?.closesWithBookingOffer(last.text)) memory.offer = { take: book, from: 'answer' };
    else if (last.choices[0].value === lookup && last.text.includes('?')) memory.offer = { take: lookup, from: 'answer' };
  }

  /** An answer that closes with an offer to book ("do you want an appointment? You can make one here"): a yes next takes it. */
  private noteOffer(answer: string, memory: ConversationMemory, locale: Locale): void {
    if (this.deps.answers?.closesWithBookingOffer(answer)) memory.offer = { take: this.deps.composer.action(locale, 'book').value, from: 'answer' };
  }

  /**
   * Whether the last answer helped, read from the patient's next move: thanks means yes; a
   * message the bot cannot place, or the ask-otherwise button, means no. Stored per topic, without ids.
   */
  private async recordFeedback(memory: ConversationMemory, next: string, locale: Locale): Promise<void> {
    const topic = memory.answeredTopic;
    memory.answeredTopic = undefined;
    if (!topic || (next !== 'thanks' && next !== 'none')) return;
    await this.deps.curation.addFeedback({ topic, locale, helpful: next === 'thanks', at: this.deps.clock.now() });
  }

  /** Topics the practice wants a person to answer (in the topic file or practice.yaml). */
  private alwaysHuman(topicId: string): boolean {
    const kb = this.deps.knowledge;
    return Boolean(kb.topics.get(topicId)?.alwaysHuman) || kb.practice.alwaysHumanTopics.includes(topicId);
  }

  private actionNamed(text: string, locale: Locale): string | undefined {
    // Typed as well as clicked: the more button's words without the question mark are the same button.
    const bare = (s: string) => s.trim().toLowerCase().replace(/[\s?!.]+$/, '');
    const t = bare(text);
    for (const name of ['rephrase', 'other', 'more']) {
      if (bare(this.deps.composer.action(locale, name).label) === t) return name;
    }
    return undefined;
  }
}

/** The two topics of a message asking two questions, the one to answer first leading. */
interface TwoQuestions {
  first: { topic: string; sure: boolean };
  second: { topic: string; sure: boolean };
}
/** Intents under which a question about a day is answered from the calendar (never an emergency). */
const DAY_INTENTS: ReadonlySet<string> = new Set(['faq', 'clarify', 'none', 'booking', 'greeting', 'help']);

function replies(...list: Reply[]): MessageOutcome {
  return { kind: 'replies', replies: list };
}
