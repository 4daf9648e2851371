import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, SCREENING_DIALOG, SCREENING_WATERFALL } from './dialogIds';

/** Where the screening is: which question, and the answers so far. */
export interface ScreeningOptions {
  index: number;
  answers: Record<string, boolean>;
}

/** The outcome: the answers, and the red flag that stopped the booking, if any. */
export interface ScreeningResult {
  answers: Record<string, boolean>;
  redFlag?: string;
}

/**
 * The red-flag questions of `knowledge/screening.yaml`, one yes/no question a turn. The first
 * "ja" ends the screening with that red flag; the booking dialog then stops.
 */
export class ScreeningDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(SCREENING_DIALOG, deps);
    this.addChoicePrompt();
    this.addDialog(new WaterfallDialog(SCREENING_WATERFALL, [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = SCREENING_WATERFALL;
  }

  private async ask(step: WaterfallStepContext<ScreeningOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const screening = this.deps.knowledge.screening[locale];
    const { index } = step.options;
    if (index === 0) await this.send(step.context, { text: screening.intro }, locale);
    const q = screening.questions[index];
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(q.text, locale, step.context.activity.channelId),
      ...this.yesNo(locale),
    });
  }

  private async answer(step: WaterfallStepContext<ScreeningOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const questions = this.deps.knowledge.screening[locale].questions;
    const { index, answers } = step.options;
    const yes = (step.result as FoundChoice).index === 0;
    const next = { ...answers, [questions[index].id]: yes };
    if (yes) return step.endDialog({ answers: next, redFlag: questions[index].redFlag } satisfies ScreeningResult);
    if (index + 1 < questions.length) return step.replaceDialog(SCREENING_WATERFALL, { index: index + 1, answers: next } satisfies ScreeningOptions);
    return step.endDialog({ answers: next } satisfies ScreeningResult);
  }
}
