import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { ConversationMemory } from '../src/conversation/ConversationMemory';
import type { Reply } from '../src/conversation/Reply';
import type { Locale } from '../src/config/AppConfig';
import type { RouteDecision } from '../src/understanding/types';
import { BookingDialog } from './BookingDialog';
import { CancelBookingDialog } from './CancelBookingDialog';
import { deleteDataDialog, saveTranscriptDialog } from './ConfirmedActionDialog';
import { HandoffDialog, type HandoffOptions } from './HandoffDialog';
import { scrub } from '../src/logging/Logger';
import type { DialogDeps } from './DialogDeps';
import { BOOKING_DIALOG, CANCEL_BOOKING_DIALOG, DELETE_DATA_DIALOG, HANDOFF_DIALOG, MAIN_DIALOG, MAIN_WATERFALL, SAVE_TRANSCRIPT_DIALOG } from './dialogIds';

/** Options the bot passes when it starts the main dialog for a message. */
export interface MainDialogOptions {
  locale: Locale;
}

/**
 * Handles one patient message when no other dialog is active: routes it and answers, asks
 * which topic is meant, admits it does not know (offering a person after two misses), or gives
 * the emergency instruction without offering an appointment.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new BookingDialog(deps));
    this.addDialog(new CancelBookingDialog(deps));
    this.addDialog(deleteDataDialog(DELETE_DATA_DIALOG, deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(saveTranscriptDialog(SAVE_TRANSCRIPT_DIALOG, deps));
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async routeStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const { locale } = step.options;
    const memory = await this.deps.memory.get(step.context, { misses: 0 });
    const text = step.context.activity.text ?? '';
    const { composer, router } = this.deps;

    const label = this.actionNamed(text, locale);
    if (label === 'rephrase' || label === 'other') {
      await this.recordFeedback(memory, 'none', locale);
      await this.send(step.context, composer.say(locale, 'nomatch.rephrase'), locale);
      return step.endDialog();
    }

    const decision = router.route(text, { locale, previousTopic: memory.previousTopic });
    await this.recordFeedback(memory, decision.intent, locale);
    if (decision.intent === 'save-transcript') return step.beginDialog(SAVE_TRANSCRIPT_DIALOG);
    if (decision.intent === 'delete-data') return step.beginDialog(DELETE_DATA_DIALOG);
    if (decision.intent === 'handoff') {
      memory.misses = 0;
      return step.beginDialog(HANDOFF_DIALOG, { reason: 'requested' } satisfies HandoffOptions);
    }
    if (decision.intent === 'faq' && decision.topic && this.alwaysHuman(decision.topic)) {
      return step.beginDialog(HANDOFF_DIALOG, { reason: 'always-human' } satisfies HandoffOptions);
    }
    if (decision.intent === 'booking' || decision.intent === 'cancel-booking') {
      memory.misses = 0;
      return step.beginDialog(decision.intent === 'booking' ? BOOKING_DIALOG : CANCEL_BOOKING_DIALOG, { locale });
    }
    await this.respond(step.context, decision, memory, locale);
    return step.endDialog();
  }

  private async doneStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    return step.endDialog();
  }

  private async respond(context: TurnContext, d: RouteDecision, memory: ConversationMemory, locale: Locale): Promise<void> {
    const { composer } = this.deps;
    if (d.intent !== 'none') memory.misses = 0;
    switch (d.intent) {
      case 'emergency':
        memory.previousTopic = undefined;
        return this.send(context, composer.emergency(locale), locale);
      case 'faq':
        memory.previousTopic = d.topic ?? undefined;
        memory.answeredTopic = d.topic ?? undefined;
        {
          const reply = composer.answer(d.topic!, locale);
          await this.send(context, { text: reply.text }, locale);
          const choices = [...(reply.choices ?? []), composer.action(locale, 'book')];
          await this.send(context, { text: composer.say(locale, 'faq.more').text, choices }, locale);
        }
        return;
      case 'clarify':
        return this.send(context, composer.clarify(d.candidates, locale), locale);
      case 'greeting':
        return this.send(context, composer.say(locale, 'greeting.reply', composer.mainActions(locale)), locale);
      case 'thanks':
        return this.send(context, composer.say(locale, 'thanks.reply'), locale);
      case 'help':
        return this.send(context, composer.say(locale, 'help.text', composer.mainActions(locale)), locale);
      default:
        memory.misses += 1;
        // Kept for content curation without the conversation id; digits, e-mail addresses and
        // quoted text are removed first.
        await this.deps.curation.addUnanswered({ text: scrub(context.activity.text ?? '').slice(0, 300), locale, at: this.deps.clock.now() });
        return this.send(context, composer.noMatch(memory.misses, locale), locale);
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

  private async send(context: TurnContext, reply: Reply, locale: Locale): Promise<void> {
    await context.sendActivity(this.deps.renderer.render(reply, locale, context.activity.channelId));
  }
}
