import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Locale } from '../src/config/AppConfig';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT } from './dialogIds';

/** What a confirmed action asks, does, and says. */
export interface ConfirmedAction {
  /** The yes/no question. */
  ask(locale: Locale): string;
  /** Carries the action out after a yes; returns what to tell the patient. */
  act(context: TurnContext, locale: Locale): Promise<string>;
  /** Locale key of the reply to a no. */
  declinedKey: string;
  /**
   * When set, a typed yes counts only when this says it is a clear one; anything else is told
   * `unclearKey` and asked again. For an action that cannot be undone.
   */
  clearYes?: (text: string) => boolean;
  /** Locale key of the line before the question is asked again after an unclear yes. */
  unclearKey?: string;
}

/**
 * Asks a yes/no question and acts only on a yes: the pattern of "delete my data" and
 * "keep this conversation", where nothing may happen to a patient's data without their word.
 */
export class ConfirmedActionDialog extends BaseDialog {
  constructor(id: string, deps: DialogDeps, private readonly action: ConfirmedAction) {
    super(id, deps);
    this.addChoicePrompt();
    this.addDialog(new WaterfallDialog(`${id}Waterfall`, [this.ask.bind(this), this.act.bind(this)]));
    this.initialDialogId = `${id}Waterfall`;
  }

  /** A stop word at the question is its no: nothing is done (it was asked again as not understood). */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (this.deps.router.exactIntent(innerDc.context.activity.text ?? '') !== 'stop') return super.onContinueDialog(innerDc);
    const locale = await this.locale(innerDc.context);
    await this.send(innerDc.context, { text: this.t(locale, this.action.declinedKey) }, locale);
    return innerDc.cancelAllDialogs();
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(this.action.ask(locale), locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const yes = (step.result as FoundChoice).index === 0;
    if (yes && this.action.clearYes && !this.action.clearYes(step.context.activity.text ?? '')) {
      if (this.action.unclearKey) await this.send(step.context, { text: this.t(locale, this.action.unclearKey) }, locale);
      return step.replaceDialog(`${this.id}Waterfall`);
    }
    const text = yes ? await this.action.act(step.context, locale) : this.t(locale, this.action.declinedKey);
    await this.send(step.context, { text }, locale);
    return step.endDialog();
  }
}

/**
 * "Delete my data": deletes what the bot holds about the patient and says what went, kind by
 * kind, and what did not: appointments are found by the chat they were made in, so one made in
 * another chat or by phone stays, also when it was moved or looked up in this one (its reference
 * lives only in that dialog's state).
 */
export function deleteDataDialog(id: string, deps: DialogDeps): ConfirmedActionDialog {
  const t = (locale: Locale, key: string, vars?: Record<string, unknown>) => deps.translator.t(locale, key, vars);
  return new ConfirmedActionDialog(id, deps, {
    ask: (locale) => t(locale, 'privacy.ask'),
    declinedKey: 'privacy.kept',
    // A yes with more to it ("yes please, tell me") may be a yes to being told, not to deleting:
    // it deleted the data and cancelled a booking (a fifteenth patient-style test). Only the
    // button, a bare yes, or a yes with a word of removing ("yes, delete") deletes.
    clearYes: (text) => deps.answers.isYesOrNo(text) || (deps.answers.yesNo(text) === 'yes' && deps.answers.asksRemoval(text)),
    unclearKey: 'privacy.unclear',
    act: async (context, locale) => {
      const gone = await deps.forgetUser(context);
      // What went, counted and in words ("1 appointment", "2 callback requests"); kinds with none left out.
      const appointments = [
        ...(gone.bookings ? [t(locale, 'privacy.bookings', { count: gone.bookings })] : []),
        ...(gone.pastBookings ? [t(locale, 'privacy.pastBookings', { count: gone.pastBookings })] : []),
      ];
      const items = [
        t(locale, 'privacy.conversation'),
        ...(appointments.length ? appointments : [t(locale, 'privacy.noBookings')]),
        ...(gone.callbacks ? [t(locale, 'privacy.callbacks', { count: gone.callbacks })] : []),
        ...(gone.transcripts ? [t(locale, 'privacy.transcripts', { count: gone.transcripts })] : []),
      ];
      const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} ${t(locale, 'privacy.and')} ${items[items.length - 1]}` : items[0];
      return `${t(locale, 'privacy.done', { items: list })}\n${t(locale, 'privacy.notDeleted', { days: deps.retentionDays })}`;
    },
  });
}

/** "Keep this conversation": stores the recent conversation for the practice, with the patient's yes. */
export function saveTranscriptDialog(id: string, deps: DialogDeps): ConfirmedActionDialog {
  const t = (locale: Locale, key: string, vars?: Record<string, unknown>) => deps.translator.t(locale, key, vars);
  return new ConfirmedActionDialog(id, deps, {
    ask: (locale) => t(locale, 'transcript.ask', { days: deps.conversationRetentionDays }),
    declinedKey: 'transcript.notSaved',
    act: async (context, locale) => {
      const conversationId = context.activity.conversation.id;
      await deps.curation.saveTranscript({ conversationId, lines: await deps.recent.of(conversationId), at: deps.clock.now() });
      return t(locale, 'transcript.saved');
    },
  });
}
