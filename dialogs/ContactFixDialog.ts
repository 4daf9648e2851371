import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checkEmail } from '../src/booking/PatientDetails';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CONTACT_FIX_DIALOG, CONTACT_FIX_WATERFALL, EMAIL_PROMPT, HANDOFF_DIALOG, PHONE_PROMPT, TOO_MANY_TRIES } from './dialogIds';
import { HandoffDialog, openTicket, type HandoffOptions } from './HandoffDialog';

/** The contact detail of a booking just made that the patient says is wrong, and its new value when the message gave it. */
export interface ContactFix {
  field: 'phone' | 'email';
  value?: string;
}

/** Which booking's detail is corrected, and how. */
export interface ContactFixOptions extends ContactFix {
  reference: string;
}

/**
 * "Sorry, I gave the wrong phone number" right after a booking was confirmed: the right number
 * (or e-mail address) is asked and checked as the booking checks it, and goes to the practice
 * with the booking's reference, in a callback ticket (a line of its own in the transcript). The
 * bookings' storage has no way to change a detail of a booking, and a receptionist also has to
 * resend a confirmation that went to a wrong address. The patient hears in one line what was
 * passed on. Before this the correction got the cancel, move or keep question and was lost.
 */
export class ContactFixDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(CONTACT_FIX_DIALOG, deps);
    this.addDialog(new HandoffDialog(deps));
    this.addCheckedTextPrompt(PHONE_PROMPT, this.detailOrNamed('phone'), {
      format: 'booking.details.phoneInvalid', empty: 'booking.details.phoneInvalid', country: 'booking.details.phoneCountry', why: 'booking.details.why.phone',
    }, 'giveUp');
    // A skip is no new address here ("none" at the booking's own question is): only an address is taken.
    this.addCheckedTextPrompt(EMAIL_PROMPT, (t) => {
      const r = checkEmail(t);
      const c = r.ok ? undefined : this.detailCorrection(t);
      return c?.field === 'email' && c.value ? { ok: true, value: c.value } : r;
    }, { format: 'booking.contactFix.emailInvalid', empty: 'booking.contactFix.emailInvalid', why: 'booking.details.why.email' }, 'giveUp');
    this.addDialog(new WaterfallDialog(CONTACT_FIX_WATERFALL, [this.ask.bind(this), this.passOn.bind(this)]));
    this.initialDialogId = CONTACT_FIX_WATERFALL;
  }

  private async ask(step: WaterfallStepContext<ContactFixOptions>): Promise<DialogTurnResult> {
    const { field, value } = step.options;
    if (value) return step.next(value);
    const locale = await this.locale(step.context);
    const text = this.t(locale, `booking.contactFix.ask.${field}`);
    return step.prompt(field === 'phone' ? PHONE_PROMPT : EMAIL_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
  }

  private async passOn(step: WaterfallStepContext<ContactFixOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const { field, reference } = step.options;
    if (step.result === TOO_MANY_TRIES) {
      // Still not lost: a person takes it (wait in the chat, or a callback on a number that works).
      await this.send(step.context, { text: this.t(locale, 'booking.details.tooManyTries') }, locale);
      return step.replaceDialog(HANDOFF_DIALOG, { reason: 'detail-correction' } satisfies HandoffOptions);
    }
    const value = String(step.result);
    const booking = await this.deps.bookings.findByReference(reference);
    const shown = this.shownDetail(field, value);
    const when = booking ? this.deps.formatter.when(booking.start, locale) : '';
    const note = this.t(locale, `booking.contactFix.ticketNote.${field}`, { reference, when, value: shown });
    // A callback on the right number; an e-mail address is corrected by calling the number the booking has.
    await openTicket(this.deps, step.context, locale, { reason: 'detail-correction', callbackPhone: field === 'phone' ? value : booking?.phone, note });
    await this.send(step.context, {
      text: this.t(locale, `booking.contactFix.passedOn.${field}`, { reference, value: shown }), choices: this.deps.composer.mainActions(locale),
    }, locale);
    return step.endDialog();
  }
}
