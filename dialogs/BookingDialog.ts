import { WaterfallDialog, TextPrompt, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Booking, Complaint } from '../src/booking/Booking';
import { calendarEvent } from '../src/booking/CalendarFile';
import { newReferenceCode } from '../src/booking/ReferenceCode';
import type { Locale } from '../src/config/AppConfig';
import { newMemory } from '../src/conversation/ConversationMemory';
import type { DetailsResult } from './DetailsDialog';
import type { DialogDeps } from './DialogDeps';
import { buttonChoices, changeRequested } from './BaseDialog';
import type { ChangeableField, ComplaintHint } from '../src/conversation/AnswerWords';
import { DetailsDialog } from './DetailsDialog';
import {
  BIRTH_DATE_PROMPT, BOOKING_CONFIRM_WATERFALL, BOOKING_DIALOG, BOOKING_WATERFALL, CHOICE_PROMPT, DETAILS_DIALOG, EMAIL_PROMPT, NAME_PROMPT,
  PHONE_PROMPT, SCREENING_DIALOG,
  SINCE_PROMPT, COMPLAINT_PROMPT, SLOT_DIALOG,
  HANDOFF_DIALOG,
} from './dialogIds';
import { HandoffDialog, type HandoffOptions } from './HandoffDialog';
import { InterruptibleDialog } from './InterruptibleDialog';
import { ScreeningDialog, type ScreeningOptions, type ScreeningResult } from './ScreeningDialog';
import { SlotDialog, slotFrom, type SlotOptions, type SlotResult } from './SlotDialog';

/** Options to start a booking. */
export interface BookingOptions {
  locale: Locale;
  /** The joint and side the opening message named; those questions are then not asked. */
  hint?: ComplaintHint;
}

/** What the patient has told so far; kept in dialog state only after consent. */
interface Draft {
  complaint: Complaint;
  hasReferral?: boolean;
  screening: Record<string, boolean>;
  slot?: NonNullable<SlotResult['slot']>;
  details?: DetailsResult;
}

/** What the booking waterfall keeps between its steps. */
interface BookingValues {
  draft?: Draft;
}

const JOINTS = ['hip', 'knee', 'both', 'other'] as const;
const SUMMARY_CHOICES = ['confirm', 'changeTime', 'changeDetails', 'stop'] as const;

/** The prompt that asks for one detail again, changed from the summary. */
const DETAIL_PROMPTS: Record<Exclude<ChangeableField, 'time'>, { id: string; ask: string }> = {
  name: { id: NAME_PROMPT, ask: 'booking.details.name' },
  birthDate: { id: BIRTH_DATE_PROMPT, ask: 'booking.details.birthDate' },
  phone: { id: PHONE_PROMPT, ask: 'booking.details.phone' },
  email: { id: EMAIL_PROMPT, ask: 'booking.details.email' },
};
const SIDES = ['left', 'right', 'both'] as const;

/**
 * A first appointment without a referral: consent, complaint, referral, red-flag screening,
 * a free slot, the patient's details, a summary to confirm or change, and a confirmation with
 * a reference code and a calendar file. The slot is claimed atomically by the repository.
 */
export class BookingDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(BOOKING_DIALOG, deps);
    this.addChoicePrompt();
    this.addDetailPrompts();
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new TextPrompt(SINCE_PROMPT));
    this.addDialog(new TextPrompt(COMPLAINT_PROMPT));
    this.addDialog(new ScreeningDialog(deps));
    this.addDialog(new SlotDialog(deps));
    this.addDialog(new DetailsDialog(deps));
    this.addDialog(
      new WaterfallDialog(BOOKING_WATERFALL, [
        this.askConsent.bind(this), this.askJoint.bind(this), this.askSide.bind(this), this.askSince.bind(this),
        this.askReferral.bind(this), this.screen.bind(this), this.chooseSlot.bind(this), this.collectDetails.bind(this),
        this.toSummary.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(BOOKING_CONFIRM_WATERFALL, [this.summary.bind(this), this.decide.bind(this), this.afterChange.bind(this)]));
    this.initialDialogId = BOOKING_WATERFALL;
  }

  private async choose(step: WaterfallStepContext, locale: Locale, text: string, keys: string[]): Promise<DialogTurnResult> {
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(text, locale, step.context.activity.channelId),
      choices: buttonChoices(keys.map((k) => this.t(locale, k))),
    });
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const text = this.t(locale, 'booking.consent.ask', { days: this.deps.retentionDays });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async askJoint(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'booking.consent.declined'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const hint = (step.options as BookingOptions).hint;
    // Booking for a parent or partner: the questions and details are then about them.
    if (hint?.forOther) await this.send(step.context, { text: this.t(locale, 'booking.forOther') }, locale);
    if (hint?.joint) return step.next({ value: hint.joint, index: JOINTS.indexOf(hint.joint), score: 1 } satisfies FoundChoice);
    return this.choose(step, locale, this.t(locale, 'booking.joint.ask'), JOINTS.map((j) => `booking.joint.${j}`));
  }

  private async askSide(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const joint = JOINTS[(step.result as FoundChoice).index];
    (step.values as BookingValues).draft = { complaint: { joint }, screening: {} } satisfies Draft;
    if (joint === 'other') {
      // The therapist needs to know what to expect; the answer takes the place of the side.
      const text = `${this.t(locale, 'booking.joint.otherNote')}\n\n${this.t(locale, 'booking.joint.otherAsk')}`;
      return step.prompt(COMPLAINT_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
    }
    const hint = (step.options as BookingOptions).hint;
    if (hint?.side) return step.next({ value: hint.side, index: SIDES.indexOf(hint.side), score: 1 } satisfies FoundChoice);
    return this.choose(step, locale, this.noted(step, locale, this.t(locale, 'booking.side.ask')), SIDES.map((s) => `booking.side.${s}`));
  }

  private async askSince(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const draft = (step.values as BookingValues).draft as Draft;
    if (draft.complaint.joint === 'other') draft.complaint.other = freeText(step.result) || undefined;
    else if (step.result) draft.complaint.side = SIDES[(step.result as FoundChoice).index];
    return step.prompt(SINCE_PROMPT, { prompt: this.promptActivity(this.noted(step, locale, this.t(locale, 'booking.since.ask')), locale, step.context.activity.channelId) });
  }

  /** The next question, after what was taken from the opening message, so the patient sees it was heard. */
  private noted(step: WaterfallStepContext, locale: Locale, question: string): string {
    const hint = (step.options as BookingOptions).hint;
    const draft = (step.values as BookingValues).draft as Draft;
    // Said once, with the first question asked after it: the side's, or the start's when the side was named too.
    if (!hint?.joint || (step.index === 2) === Boolean(hint.side)) return question;
    const c = draft.complaint;
    const complaint = [this.t(locale, `booking.jointLabels.${c.joint}`), ...(c.side ? [this.t(locale, `booking.sideLabels.${c.side}`)] : [])].join(', ');
    return `${this.t(locale, 'booking.joint.noted', { complaint })}\n\n${question}`;
  }

  private async askReferral(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    ((step.values as BookingValues).draft as Draft).complaint.since = freeText(step.result);
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(this.t(locale, `booking.referral.ask.${this.deps.knowledge.practice.country}`), locale, step.context.activity.channelId),
      ...this.yesNo(locale),
    });
  }

  private async screen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const draft = (step.values as BookingValues).draft as Draft;
    draft.hasReferral = (step.result as FoundChoice).index === 0;
    // The practice's country decides what a referral means, not the patient's way of speaking.
    let info = this.t(locale, `booking.referral.info.${this.deps.knowledge.practice.country}`);
    // Belgium: what a voorschrift means for reimbursement comes from the reimbursement topic.
    if (this.deps.knowledge.practice.country === 'BE') info += '\n\n' + this.deps.composer.answer('reimbursement', locale).text;
    await this.send(step.context, { text: info }, locale);
    return step.beginDialog(SCREENING_DIALOG, { index: 0, answers: {} } satisfies ScreeningOptions);
  }

  private async chooseSlot(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const result = step.result as ScreeningResult;
    // A red flag whose rule is unknown (content changed under a running screening) fails safe.
    const tier = result.redFlag ? (this.deps.safety.tierOfRule(result.redFlag) ?? 'now') : undefined;
    if (tier) {
      // The tier's instruction, not a callback instead of it. A tier that rules out booking ends
      // the booking (the screening answers are not kept); `soon` sends to the GP and goes on.
      const memory = await this.deps.memory.get(step.context, newMemory());
      const [instruction] = this.deps.safety.alarm(tier, memory, locale);
      if (!this.deps.safety.bookingAllowed(memory)) {
        (step.values as BookingValues).draft = undefined;
        await this.send(step.context, instruction, locale);
        return step.endDialog();
      }
      await this.send(step.context, { text: instruction.text }, locale);
    }
    ((step.values as BookingValues).draft as Draft).screening = result.answers;
    return step.beginDialog(SLOT_DIALOG, { query: {}, offset: 0, failures: 0 } satisfies SlotOptions);
  }

  private async collectDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as SlotResult;
    if (!result.slot) return this.giveUp(step);
    ((step.values as BookingValues).draft as Draft).slot = result.slot;
    return step.beginDialog(DETAILS_DIALOG);
  }

  private async toSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const details = step.result as DetailsResult;
    if (details.handoff) return this.giveUp(step);
    const draft = (step.values as BookingValues).draft as Draft;
    draft.details = details;
    return step.replaceDialog(BOOKING_CONFIRM_WATERFALL, draft);
  }

  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    await this.send(step.context, { text: this.t(locale, 'booking.details.tooManyTries') }, locale);
    return step.replaceDialog(HANDOFF_DIALOG, { reason: 'failed-input' } satisfies HandoffOptions);
  }

  private async summary(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const d = step.options;
    const f = this.deps.formatter;
    const slot = slotFrom(d.slot!);
    const facts = [
      { label: this.t(locale, 'booking.summary.when'), value: f.when(slot.start, locale) },
      { label: this.t(locale, 'booking.summary.where'), value: `${f.locationName(slot.locationId)}, ${f.address(slot.locationId)}` },
      { label: this.t(locale, 'booking.summary.type'), value: this.appointmentType(d, locale).label },
      { label: this.t(locale, 'booking.summary.complaint'), value: this.complaintText(d.complaint, locale) },
      { label: this.t(locale, 'booking.summary.name'), value: d.details!.name! },
      { label: this.t(locale, 'booking.summary.birthDate'), value: d.details!.birthDate!.split('-').reverse().join('-') },
      { label: this.t(locale, 'booking.summary.phone'), value: d.details!.phone! },
      ...(d.details!.email ? [{ label: this.t(locale, 'booking.summary.email'), value: d.details!.email }] : []),
    ];
    const channel = step.context.activity.channelId;
    // One message: the question, the facts (a card, or lines where the channel has no cards) and the buttons.
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(this.t(locale, 'booking.summary.intro'), locale, channel, undefined, facts),
      retryPrompt: this.promptActivity(this.t(locale, 'booking.summary.retry'), locale, channel),
      choices: buttonChoices(SUMMARY_CHOICES.map((k) => this.t(locale, `booking.summary.${k}`))),
      validations: { acceptChange: true },
    });
  }

  private async decide(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const found = step.result as FoundChoice;
    const change = changeRequested(found);
    if (change === 'time' || found.index === 1) return step.beginDialog(SLOT_DIALOG, { query: {}, offset: 0, failures: 0 } satisfies SlotOptions);
    if (change) {
      (step.values as { changing?: ChangeableField }).changing = change;
      const prompt = DETAIL_PROMPTS[change];
      return step.prompt(prompt.id, { prompt: this.promptActivity(this.t(locale, prompt.ask), locale, step.context.activity.channelId) });
    }
    if (found.index === 2) return step.beginDialog(DETAILS_DIALOG);
    if (found.index === 3) {
      await this.send(step.context, { text: this.t(locale, 'cancelled.text'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const saved = await this.save(step, locale);
    if (saved === 'slot-taken') {
      await this.send(step.context, { text: this.t(locale, 'booking.slotTaken') }, locale);
      return step.beginDialog(SLOT_DIALOG, { query: {}, offset: 0, failures: 0 } satisfies SlotOptions);
    }
    return step.endDialog();
  }

  private async afterChange(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const draft = { ...step.options };
    const changing = (step.values as { changing?: ChangeableField }).changing;
    if (changing && changing !== 'time' && typeof step.result === 'string') {
      draft.details = { ...draft.details, [changing]: step.result || undefined };
      return step.replaceDialog(BOOKING_CONFIRM_WATERFALL, draft);
    }
    const r = step.result as SlotResult & DetailsResult;
    if (r.handoff) return this.giveUp(step);
    if (r.slot) draft.slot = r.slot;
    if (r.name) draft.details = { name: r.name, birthDate: r.birthDate, phone: r.phone, email: r.email };
    return step.replaceDialog(BOOKING_CONFIRM_WATERFALL, draft);
  }

  /** Stores the booking; the database refuses a slot that someone else claimed first. */
  private async save(step: WaterfallStepContext<Draft>, locale: Locale): Promise<'created' | 'slot-taken'> {
    const d = step.options;
    const a = step.context.activity;
    const now = this.deps.clock.now();
    const slot = slotFrom(d.slot!);
    const type = this.appointmentType(d, locale);
    for (let attempt = 0; attempt < 5; attempt++) {
      const booking: Booking = {
        reference: newReferenceCode(this.deps.random), status: 'confirmed', locationId: slot.locationId, appointmentTypeId: type.id,
        start: slot.start, end: new Date(slot.start.getTime() + type.durationMinutes * 60000),
        name: d.details!.name!, birthDate: d.details!.birthDate!, phone: d.details!.phone!, email: d.details!.email || undefined,
        complaint: d.complaint, hasReferral: d.hasReferral, screening: d.screening,
        userKey: `${a.channelId}:${a.from?.id}`, channel: a.channelId, locale, createdAt: now, updatedAt: now, lastEvent: 'new',
      };
      const outcome = await this.deps.bookings.create(booking);
      if (outcome === 'slot-taken') return 'slot-taken';
      if (outcome === 'created') {
        (await this.deps.memory.get(step.context, { misses: 0 })).justBooked = true;
        await this.confirm(step, booking, locale);
        return 'created';
      }
    }
    throw new Error('could not find a free reference code');
  }

  private async confirm(step: WaterfallStepContext, b: Booking, locale: Locale): Promise<void> {
    const f = this.deps.formatter;
    const when = f.when(b.start, locale);
    const mail = this.deps.confirmationMail;
    // Promised only when it will be sent: an address was given and the practice has SMTP set up.
    const text = [
      this.t(locale, 'booking.confirmed', { reference: b.reference, when, location: f.locationName(b.locationId), address: f.address(b.locationId) }),
      ...(mail?.willSend(b) ? [this.t(locale, 'booking.confirmedByMail')] : []),
    ].join(' ');
    const ics = calendarEvent({
      uid: `${b.reference}@fysio-assistent`, start: b.start, end: b.end, now: this.deps.clock.now(),
      summary: this.t(locale, 'booking.calendarSummary'), location: `${f.locationName(b.locationId)}, ${f.address(b.locationId)}`,
      description: b.reference,
    });
    await this.send(step.context, { text, file: { name: this.t(locale, 'booking.calendarFile'), contentType: 'text/calendar', content: ics }, choices: this.deps.composer.mainActions(locale) }, locale);
    // After the booking is stored and the patient has the answer; sending goes on in the background.
    mail?.send(b, locale);
  }

  /** The practice's first appointment type is the osteoarthritis intake; the last, the general one. */
  private appointmentType(d: Draft, locale: Locale): { id: string; durationMinutes: number; label: string } {
    const types = this.deps.knowledge.practice.appointmentTypes;
    const t = d.complaint.joint === 'other' ? types[types.length - 1] : types[0];
    return { id: t.id, durationMinutes: t.durationMinutes, label: t.label[locale] };
  }

  private complaintText(c: Complaint, locale: Locale): string {
    const parts = [this.t(locale, `booking.jointLabels.${c.joint}`)];
    if (c.other) parts.push(c.other);
    if (c.side) parts.push(this.t(locale, `booking.sideLabels.${c.side}`));
    if (c.since) parts.push(c.since);
    return parts.join(', ');
  }
}

/** A free-text answer as kept with the booking: no markup characters, at most 200 characters. */
function freeText(result: unknown): string {
  return String(result ?? '').replace(/[<>]/g, '').trim().slice(0, 200);
}
