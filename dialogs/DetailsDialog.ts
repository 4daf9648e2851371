import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
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

/**
 * Name, date of birth, phone number and (optional) e-mail, each checked with a specific
 * re-prompt. Three invalid answers to a required question get its help with a person and
 * "later" offered while the question stays open; to the e-mail address, leave it out.
 */
export class DetailsDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(DETAILS_DIALOG, deps);
    this.addDetailPrompts();
    this.addDialog(
      new WaterfallDialog(DETAILS_WATERFALL, [
        this.ask(NAME_PROMPT, 'booking.details.name'),
        this.keep('name', BIRTH_DATE_PROMPT, 'booking.details.birthDate'),
        this.keep('birthDate', PHONE_PROMPT, 'booking.details.phone'),
        this.keep('phone', EMAIL_PROMPT, 'booking.details.email'),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = DETAILS_WATERFALL;
  }

  private ask(prompt: string, key: string) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const locale = await this.locale(step.context);
      return step.prompt(prompt, { prompt: this.promptActivity(this.t(locale, key), locale, step.context.activity.channelId) });
    };
  }

  private keep(field: keyof DetailsResult, nextPrompt: string, nextKey: string) {
    const ask = this.ask(nextPrompt, nextKey);
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      if (step.result === TOO_MANY_TRIES) return step.endDialog({ handoff: true } satisfies DetailsResult);
      (step.values as Record<string, unknown>)[field] = step.result;
      return ask(step);
    };
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === TOO_MANY_TRIES) return step.endDialog({ handoff: true } satisfies DetailsResult);
    const v = step.values as Record<string, string>;
    return step.endDialog({ name: v.name, birthDate: v.birthDate, phone: v.phone, email: step.result || undefined } satisfies DetailsResult);
  }
}
