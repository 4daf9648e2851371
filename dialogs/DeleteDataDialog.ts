import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, DELETE_DATA_DIALOG, DELETE_DATA_WATERFALL } from './dialogIds';

/** "verwijder mijn gegevens": asks for confirmation, deletes, and says what it deleted. */
export class DeleteDataDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(DELETE_DATA_DIALOG, deps);
    this.addChoicePrompt();
    this.addDialog(new WaterfallDialog(DELETE_DATA_WATERFALL, [this.ask.bind(this), this.act.bind(this)]));
    this.initialDialogId = DELETE_DATA_WATERFALL;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(this.t(locale, 'privacy.ask'), locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'privacy.kept') }, locale);
      return step.endDialog();
    }
    const { bookings } = await this.deps.forgetUser(step.context);
    await this.send(step.context, { text: this.t(locale, 'privacy.done', { count: bookings }) }, locale);
    return step.endDialog();
  }
}
