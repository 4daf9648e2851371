import { WaterfallDialog, type DialogInstance, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import type { ReadsAcknowledgement, ReadsHedges } from './SynonymChoicePrompt';
import { CHOICE_PROMPT, SCREENING_DIALOG, SCREENING_WATERFALL } from './dialogIds';

/** Where the screening starts (the first question to ask), and the answers given before it. */
export interface ScreeningOptions {
  index: number;
  answers: Record<string, boolean>;
  /** The appointment is for someone else: the questions ask about that person. */
  forOther?: boolean;
  /** The word the writer called that person by ("mother"), if any. */
  relative?: string;
}

/** A screening question about the person a booking for someone else is for, `who` naming them. */
export function questionAbout(textOther: string, who: string): string {
  return textOther.split('{{who}}').join(who);
}

/** The outcome: the answers, and the red flag that stopped the booking, if any. */
export interface ScreeningResult {
  answers: Record<string, boolean>;
  redFlag?: string;
}

/**
 * The screening waiting for an answer in a booking's dialog stack (its waterfall's instance),
 * and the question it shows, by its place in the screening file.
 */
export function questionOnScreen(screening: DialogInstance | undefined): { waterfall: DialogInstance<{ options: ScreeningOptions; stepIndex: number }>; index: number } | undefined {
  if (screening?.id !== SCREENING_DIALOG) return undefined;
  const waterfall = (screening.state as { dialogs?: { dialogStack?: DialogInstance[] } }).dialogs?.dialogStack?.[0] as
    DialogInstance<{ options: ScreeningOptions; stepIndex: number }> | undefined;
  if (waterfall?.id !== SCREENING_WATERFALL) return undefined;
  return { waterfall, index: waterfall.state.options.index + waterfall.state.stepIndex };
}

/** What the waterfall keeps between its steps. */
interface ScreeningValues {
  answers?: Record<string, boolean>;
}

/**
 * The red-flag questions of `knowledge/screening.yaml`, one yes/no question a turn, asked about
 * the person the appointment is for. The first yes ends the screening with that red flag; the
 * booking dialog then gives its tier's instruction.
 *
 * One waterfall step per question: step j takes the answer to the question step j - 1 asked
 * and asks the next. (Asking each question in a waterfall of its own, replaced after every
 * answer, made each screening turn end one waterfall and begin another.) The question a step
 * handles is counted from `options.index`, so a conversation saved mid-screening by the version
 * that replaced its waterfall per question, waiting at step 0 with `options.index` = k, goes on
 * with question k.
 */
export class ScreeningDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(SCREENING_DIALOG, deps);
    this.addChoicePrompt();
    const most = Math.max(...Object.values(deps.knowledge.screening).map((s) => s.questions.length));
    const steps = [this.ask.bind(this), ...Array.from({ length: most }, () => this.answer.bind(this))];
    this.addDialog(new WaterfallDialog(SCREENING_WATERFALL, steps));
    this.initialDialogId = SCREENING_WATERFALL;
  }

  private async ask(step: WaterfallStepContext<ScreeningOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const screening = this.deps.knowledge.screening[locale];
    const index = step.options.index + step.index;
    const forOther = step.options.forOther === true;
    if (index === 0) await this.send(step.context, { text: forOther ? screening.introOther : screening.intro }, locale);
    const q = screening.questions[index];
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(forOther ? questionAbout(q.textOther, this.otherPerson(locale, step.options.relative)) : q.text, locale, step.context.activity.channelId),
      ...this.yesNo(locale),
      // A sign that is there a little is there: a partial yes is the yes, and doubt leads to the safe side.
      // The first comes with the intro's "answer yes or no": an "ok" then acknowledges the intro.
      validations: {
        clearAnswerOnly: true, hedgeIsYes: true, unsureKey: 'booking.screeningUnsure', redFlag: q.redFlag,
        ...(index === 0 ? { acknowledgedKey: 'booking.screeningAcknowledged' } : {}),
      } satisfies ReadsHedges & ReadsAcknowledgement & { clearAnswerOnly: boolean },
    });
  }

  private async answer(step: WaterfallStepContext<ScreeningOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const questions = this.deps.knowledge.screening[locale].questions;
    const index = step.options.index + step.index - 1;
    const values = step.values as ScreeningValues;
    const answers = (values.answers ??= { ...step.options.answers });
    const yes = (step.result as FoundChoice).index === 0;
    answers[questions[index].id] = yes;
    if (yes) return step.endDialog({ answers, redFlag: questions[index].redFlag } satisfies ScreeningResult);
    if (index + 1 < questions.length) return this.ask(step);
    return step.endDialog({ answers } satisfies ScreeningResult);
  }
}
