import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checkEmail } from '../src/booking/PatientDetails';
import { fold, hasPhrase } from '../src/conversation/AnswerWords';
import type { Locale } from '../src/config/AppConfig';
import type { DetailField } from '../src/conversation/AnswerWords';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { BIRTH_DATE_PROMPT, CONTACT_FIX_DIALOG, CONTACT_FIX_WATERFALL, EMAIL_PROMPT, HANDOFF_DIALOG, NAME_PROMPT, PHONE_PROMPT, TOO_MANY_TRIES } from './dialogIds';
import { HandoffDialog, openTicket, type HandoffOptions } from './HandoffDialog';

/** The answer to the question for the right e-mail address: one, or the patient's word that there is none. */
type EmailAnswer = { kind: 'address'; value: string } | { kind: 'none' };

/**
 * The detail of a booking just made (or looked up) that the patient says is wrong, and its new
 * value when the message gave it: a contact detail, or the name or date of birth (a name spelled
 * wrong was lost, a tester18 report).
 */
export interface ContactFix {
  field: DetailField;
  value?: string;
}

/** Which booking's detail is corrected, and how. */
export interface ContactFixOptions extends ContactFix {
  reference: string;
}

/**
 * "Sorry, I gave the wrong phone number" right after a booking was confirmed, or at a booking
 * looked up: the right number (or e-mail address, name, date of birth) is asked and checked as the booking checks it, and goes to the practice
 * with the booking's reference, in a callback ticket (a line of its own in the transcript). The
 * bookings' storage has no way to change a detail of a booking, and a receptionist also has to
 * resend a confirmation that went to a wrong address. The patient hears in one line what was
 * passed on. Before this the correction got the cancel, move or keep question and was lost.
 */
export class ContactFixDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(CONTACT_FIX_DIALOG, deps);
    this.addDialog(new HandoffDialog(deps));
    // The whole name as it should be (a first name or surname alone was said when the message
    // had no valid value): the booking's name may be someone else's, so the question asks both.
    this.addCheckedTextPrompt(NAME_PROMPT, this.detailOrNamed('name'), {
      format: 'booking.details.nameInvalid', empty: 'booking.details.nameInvalid', incomplete: 'booking.contactFix.nameIncomplete',
      notName: 'booking.contactFix.nameIncomplete', why: 'booking.details.why.name',
    }, 'giveUp');
    this.addCheckedTextPrompt(BIRTH_DATE_PROMPT, this.detailOrNamed('birthDate'), {
      format: 'booking.details.birthDateInvalid', empty: 'booking.details.birthDateInvalid', nonexistent: 'booking.details.birthDateNonexistent',
      future: 'booking.details.birthDateFuture', implausible: 'booking.details.birthDateImplausible', why: 'booking.details.why.birthDate',
    }, 'giveUp');
    this.addCheckedTextPrompt(PHONE_PROMPT, this.detailOrNamed('phone'), {
      format: 'booking.details.phoneInvalid', empty: 'booking.details.phoneInvalid', country: 'booking.details.phoneCountry', why: 'booking.details.why.phone',
    }, 'giveUp');
    // An address is taken, or the patient's word that they have none ("I have no e-mail,
    // actually"): the e-mail is optional, so the wrong one is to go. That got the invalid-address
    // text three times (a review of round 18).
    this.addCheckedTextPrompt(EMAIL_PROMPT, (t, locale) => {
      // The patient's words pass on as they are; passOn reads them again (emailAnswer).
      if (this.saysNoEmail(t, locale)) return { ok: true, value: t };
      const r = checkEmail(t);
      const c = r.ok ? undefined : this.detailCorrection(t);
      return c?.field === 'email' && c.value ? { ok: true, value: c.value } : r;
    }, { format: 'booking.contactFix.emailInvalid', empty: 'booking.contactFix.emailInvalid', why: 'booking.details.why.email' }, 'giveUp');
    this.addDialog(new WaterfallDialog(CONTACT_FIX_WATERFALL, [this.ask.bind(this), this.passOn.bind(this)]));
    this.initialDialogId = CONTACT_FIX_WATERFALL;
  }

  /**
   * The answer says the patient has no e-mail address: "none", a whole answer such as "I don't
   * have one" (`booking.words.noEmailWhole`), or a word of none with a word for e-mail and no "@"
   * ("I have no e-mail"). A bare no, and "I don't know it by heart" or "not at hand" (a "not",
   * no "none"), are no such word: the wrong address went to the practice as "to be deleted".
   */
  private saysNoEmail(text: string, locale: Locale): boolean {
    if (text.includes('@')) return false;
    const { answers, translator } = this.deps;
    // The booking's skip words hold "no" (a no to its optional e-mail question); here a bare no
    // may say the address shown is wrong, so it is asked again.
    if (answers.isSkip(text) && !answers.isPlainNo(text)) return true;
    const folded = fold(text);
    const list = (key: string) => translator.list(locale, `booking.words.${key}`).map(fold);
    if (list('noEmailWhole').includes(folded)) return true;
    const listed = (key: string) => hasPhrase(folded, list(key));
    // "I got no e-mail" says the confirmation did not arrive: the address is wrong, not absent.
    return listed('noEmailNouns') && listed('noEmailNone') && !listed('noEmailNotThat');
  }

  /** What the prompt passed on, read: an address, or the patient's word that there is none. */
  private emailAnswer(result: string, locale: Locale): EmailAnswer {
    return this.saysNoEmail(result, locale) ? { kind: 'none' } : { kind: 'address', value: result };
  }

  private async ask(step: WaterfallStepContext<ContactFixOptions>): Promise<DialogTurnResult> {
    const { field, value } = step.options;
    if (value) return step.next(value);
    const locale = await this.locale(step.context);
    const text = this.t(locale, `booking.contactFix.ask.${field}`);
    const prompt = { name: NAME_PROMPT, birthDate: BIRTH_DATE_PROMPT, phone: PHONE_PROMPT, email: EMAIL_PROMPT }[field];
    return step.prompt(prompt, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
  }

  private async passOn(step: WaterfallStepContext<ContactFixOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const { field, reference } = step.options;
    if (step.result === TOO_MANY_TRIES) {
      // Still not lost: a person takes it (wait in the chat, or a callback on a number that works).
      await this.send(step.context, { text: this.t(locale, 'booking.details.tooManyTries') }, locale);
      return step.replaceDialog(HANDOFF_DIALOG, { reason: 'detail-correction' } satisfies HandoffOptions);
    }
    const booking = await this.deps.bookings.findByReference(reference);
    const answer = field === 'email' ? this.emailAnswer(String(step.result), locale) : undefined;
    if (answer?.kind === 'none') {
      const when = booking ? this.deps.formatter.when(booking.start, locale) : '';
      const note = this.t(locale, 'booking.contactFix.ticketNote.noEmail', { reference, when });
      await openTicket(this.deps, step.context, locale, { reason: 'detail-correction', callbackPhone: booking?.phone, note });
      await this.send(step.context, { text: this.t(locale, 'booking.contactFix.passedOn.noEmail', { reference }), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const value = answer?.kind === 'address' ? answer.value : String(step.result);
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
