import type { Locale } from '../config/AppConfig';
import type { CurationRepository } from '../curation/CurationRepository';
import type { HandoffReason } from '../handoff/Ticket';
import type { KnowledgeBase } from '../knowledge';
import { scrub } from '../logging/Logger';
import type { RouteDecision } from '../understanding/types';
import type { Router } from '../understanding/Router';
import type { Clock } from '../util/Clock';
import type { ConversationMemory } from './ConversationMemory';
import type { DayQuestion } from './DayQuestion';
import type { EnglishOffer } from './EnglishOffer';
import type { Reply } from './Reply';
import type { ReplyComposer } from './ReplyComposer';

/** A flow of several turns that a message starts; the dialogs run them. */
export type Flow = 'booking' | 'cancel-booking' | 'handoff' | 'save-transcript' | 'delete-data';

/**
 * What to do with a message that arrives while no flow is running: answer it in this turn, or
 * start a flow (with the reason, when the flow is a handoff).
 */
export type MessageOutcome =
  | { kind: 'replies'; replies: Reply[] }
  | { kind: 'flow'; flow: Flow; reason?: HandoffReason };

/** What the responder needs; built by the composition root. */
export interface MessageResponderDeps {
  router: Router;
  composer: ReplyComposer;
  knowledge: KnowledgeBase;
  curation: CurationRepository;
  clock: Clock;
  /** Answers a message in English in English, with the practice's language offer. */
  english?: EnglishOffer;
  /** Answers "kan ik zondag komen?" from the practice's calendar. */
  days?: DayQuestion;
}

/**
 * Handles a patient's message when no flow is running: routes it and answers, asks which topic
 * is meant, admits it does not know (offering a person after two misses), or gives the
 * emergency instruction without offering an appointment; or says which flow to start.
 * Framework-free: text and memory in, replies or a flow out. Updates the memory it is given.
 */
export class MessageResponder {
  constructor(private readonly deps: MessageResponderDeps) {}

  /** Decides and composes the answer to `text`; records answer feedback and unanswered questions. */
  async respond(text: string, memory: ConversationMemory, locale: Locale): Promise<MessageOutcome> {
    const { composer, router } = this.deps;
    const label = this.actionNamed(text, locale);
    if (label === 'rephrase' || label === 'other') {
      await this.recordFeedback(memory, 'none', locale);
      return replies(composer.say(locale, 'nomatch.rephrase'));
    }

    const decision = router.route(text, { locale, previousTopic: memory.previousTopic });
    // An emergency the router recognises outranks the language; the English answer names 112 too.
    if (decision.intent !== 'emergency' && this.deps.english?.isEnglish(text)) return replies(...this.deps.english.replies());
    // "Kan ik zondag komen?": open or closed that day; an open day with a wish to book starts the booking.
    const day = DAY_INTENTS.has(decision.intent) ? this.deps.days?.answer(text, locale) : undefined;
    if (day && !(day.open && decision.intent === 'booking')) {
      memory.misses = 0;
      return replies({ text: day.text, choices: [composer.action(locale, 'book'), composer.action(locale, 'ask')] });
    }
    await this.recordFeedback(memory, decision.intent, locale);
    switch (decision.intent) {
      case 'save-transcript':
      case 'delete-data':
        return { kind: 'flow', flow: decision.intent };
      case 'handoff':
        memory.misses = 0;
        return { kind: 'flow', flow: 'handoff', reason: 'requested' };
      case 'booking':
      case 'cancel-booking':
        memory.misses = 0;
        return { kind: 'flow', flow: decision.intent };
      case 'faq':
        if (decision.topic && this.alwaysHuman(decision.topic)) return { kind: 'flow', flow: 'handoff', reason: 'always-human' };
        break;
    }
    return replies(...(await this.answer(text, decision, memory, locale)));
  }

  private async answer(text: string, d: RouteDecision, memory: ConversationMemory, locale: Locale): Promise<Reply[]> {
    const { composer } = this.deps;
    if (d.intent !== 'none') memory.misses = 0;
    switch (d.intent) {
      case 'emergency':
        memory.previousTopic = undefined;
        return [composer.emergency(locale)];
      case 'faq': {
        memory.previousTopic = d.topic ?? undefined;
        memory.answeredTopic = d.topic ?? undefined;
        const reply = composer.answer(d.topic!, locale);
        const choices = [...(reply.choices ?? []), composer.action(locale, 'book')];
        return [{ text: reply.text }, { text: composer.say(locale, 'faq.more').text, choices }];
      }
      case 'clarify':
        return [composer.clarify(d.candidates, locale)];
      case 'greeting':
        return [composer.say(locale, 'greeting.reply', composer.mainActions(locale))];
      case 'thanks':
        return [composer.say(locale, 'thanks.reply')];
      case 'help':
        return [composer.say(locale, 'help.text', composer.mainActions(locale))];
      default:
        memory.misses += 1;
        // Kept for content curation without the conversation id; digits, e-mail addresses and
        // quoted text are removed first.
        await this.deps.curation.addUnanswered({ text: scrub(text).slice(0, 300), locale, at: this.deps.clock.now() });
        return [composer.noMatch(memory.misses, locale)];
    }
  }

  /**
   * Whether the last answer helped, read from the patient's next move: thanks means yes; a
   * message the bot cannot place, or "anders vragen", means no. Stored per topic, without ids.
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
    const t = text.trim().toLowerCase();
    for (const name of ['rephrase', 'other']) {
      if (this.deps.composer.action(locale, name).label.toLowerCase() === t) return name;
    }
    return undefined;
  }
}

/** Intents under which a question about a day is answered from the calendar (never an emergency). */
const DAY_INTENTS: ReadonlySet<string> = new Set(['faq', 'clarify', 'none', 'booking', 'greeting', 'help']);

function replies(...list: Reply[]): MessageOutcome {
  return { kind: 'replies', replies: list };
}
