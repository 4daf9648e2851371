import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DETAIL_FIELDS, type DetailField } from '../src/conversation/AnswerWords';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { BIRTH_DATE_PROMPT, DETAILS_DIALOG, DETAILS_WATERFALL, EMAIL_PROMPT, NAME_PROMPT, PHONE_PROMPT, TOO_MANY_TRIES } from './dialogIds';

/** The patient's details (`handoff` is only set by conversations saved by an older version). */
export interface DetailsResult {
  name?: string;
  birthDate?: string;
  phone?: string;
  email?: string;
  handoff?: boolean;
}

/** How the details are asked: those given already are not asked again; for someone else, about them. */
export interface DetailsOptions {
  given?: DetailsResult;
  forOther?: boolean;
  /** The word the writer called that person by ("mother"), to ask about them by it. */
  relative?: string;
}

/** The details in the order they are asked, each with its prompt. */
const FIELDS = [
  { field: 'name', prompt: NAME_PROMPT },
  { field: 'birthDate', prompt: BIRTH_DATE_PROMPT },
  { field: 'phone', prompt: PHONE_PROMPT },
  { field: 'email', prompt: EMAIL_PROMPT },
] as const;

/**
 * Name, date of birth, phone number and (optional) e-mail, each checked with a specific
 * re-prompt. Three invalid answers to a required question get its help with a person and
 * "later" offered while the question stays open; to the e-mail address, leave it out.
 * Step i keeps the answer to detail i - 1 and asks detail i.
 */
export class DetailsDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(DETAILS_DIALOG, deps);
    this.addDetailPrompts();
    this.addDialog(new WaterfallDialog(DETAILS_WATERFALL, [...FIELDS.map((_, i) => this.step(i)), this.step(FIELDS.length)]));
    this.initialDialogId = DETAILS_WATERFALL;
  }

  /** A correction of a detail given before is taken before the question on screen sees the message. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.correctGiven(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /**
   * "oops, my number is …" or "my surname is X, not Y" at a later question: the detail named is
   * changed (said so), and the question on screen is asked again; named without a valid value
   * but as a correction ("my phone number is wrong"), that detail is asked again, then the rest
   * on. A message the question on screen takes as its answer is that answer.
   */
  private async correctGiven(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const [waterfall] = innerDc.stack;
    const active = innerDc.activeDialog;
    const asking = FIELDS.find((f) => f.prompt === active?.id)?.field;
    const text = (innerDc.context.activity.text ?? '').trim();
    if (!waterfall || !asking || !text || this.detailChecks()[asking](text).ok) return undefined;
    const state = waterfall.state as { options: DetailsOptions; values: Record<string, unknown> };
    const given: Partial<Record<DetailField, string>> = {};
    for (const f of DETAIL_FIELDS) {
      const v = state.values[f] ?? state.options.given?.[f];
      if (typeof v === 'string' && v && f !== asking) given[f] = v;
    }
    const c = this.detailCorrection(text, given);
    if (!c || c.field === asking || !given[c.field]) return undefined;
    const { answers } = this.deps;
    if (!c.value && !answers.isCorrection(text) && answers.changeOf(text) !== c.field) return undefined;
    const locale = await this.locale(innerDc.context);
    if (c.value) {
      given[c.field] = c.value;
      await this.send(innerDc.context, { text: this.t(locale, `booking.details.corrected.${c.field}`, { value: this.shownDetail(c.field, c.value) }) }, locale);
    } else delete given[c.field];
    // Asked from the start with what is known given: the first detail not given is the one to ask.
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(DETAILS_WATERFALL, { ...state.options, given } satisfies DetailsOptions);
  }

  private step(i: number) {
    return async (step: WaterfallStepContext<DetailsOptions>): Promise<DialogTurnResult> => {
      const values = step.values as Record<string, unknown>;
      if (i > 0) {
        if (step.result === TOO_MANY_TRIES) return step.endDialog({ handoff: true } satisfies DetailsResult);
        values[FIELDS[i - 1].field] = step.result;
      }
      if (i === FIELDS.length) {
        const v = values as Record<string, string>;
        return step.endDialog({ name: v.name, birthDate: v.birthDate, phone: v.phone, email: v.email || undefined } satisfies DetailsResult);
      }
      const { field, prompt } = FIELDS[i];
      const given = step.options.given?.[field];
      if (given) return step.next(given);
      const locale = await this.locale(step.context);
      const key = this.detailPromptKey(field, step.options.forOther);
      const text = this.t(locale, key, { who: this.otherPerson(locale, step.options.relative) });
      return step.prompt(prompt, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
    };
  }
}
