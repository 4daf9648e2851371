import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, SAVE_TRANSCRIPT_DIALOG, SAVE_TRANSCRIPT_WATERFALL } from './dialogIds';

/** "bewaar dit gesprek": with the patient's yes, the recent conversation is stored for the practice. */
export class SaveTranscriptDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(SAVE_TRANSCRIPT_DIALOG, deps);
    this.addChoicePrompt();
    this.addDialog(new WaterfallDialog(SAVE_TRANSCRIPT_WATERFALL, [this.ask.bind(this), this.act.bind(this)]));
    this.initialDialogId = SAVE_TRANSCRIPT_WATERFALL;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const text = this.t(locale, 'transcript.ask', { days: this.deps.conversationRetentionDays });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'transcript.notSaved') }, locale);
      return step.endDialog();
    }
    const id = step.context.activity.conversation.id;
    await this.deps.curation.saveTranscript({ conversationId: id, lines: this.deps.recent.of(id), at: this.deps.clock.now() });
    await this.send(step.context, { text: this.t(locale, 'transcript.saved') }, locale);
    return step.endDialog();
  }
}
