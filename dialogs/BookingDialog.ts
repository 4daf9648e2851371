import {
  DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogInstance, type DialogState, type DialogTurnResult, type FoundChoice, type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import type { Booking, Complaint } from '../src/booking/Booking';
import { calendarEvent } from '../src/booking/CalendarFile';
import { newReferenceCode } from '../src/booking/ReferenceCode';
import { upcomingOfSamePatient } from '../src/booking/SamePatient';
import type { Locale } from '../src/config/AppConfig';
import { newMemory } from '../src/conversation/ConversationMemory';
import type { Reply } from '../src/conversation/Reply';
import type { DetailsOptions, DetailsResult } from './DetailsDialog';
import type { DialogDeps } from './DialogDeps';
import { buttonChoices, changeRequested, type ReadsComplaint } from './BaseDialog';
import { CHANGEABLE_FIELDS, fold, type ChangeableField, type ComplaintHint, type Correction } from '../src/conversation/AnswerWords';
import { DetailsDialog } from './DetailsDialog';
import {
  BIRTH_DATE_PROMPT, BOOKING_CONFIRM_WATERFALL, BOOKING_DIALOG, BOOKING_WATERFALL, CHOICE_PROMPT, DETAILS_DIALOG, EMAIL_PROMPT, NAME_PROMPT,
  PHONE_PROMPT, SCREENING_DIALOG,
  SINCE_PROMPT, COMPLAINT_PROMPT, SLOT_DIALOG,
  HANDOFF_DIALOG,
} from './dialogIds';
import { HandoffDialog, type HandoffOptions } from './HandoffDialog';
import { InterruptibleDialog, waitingPrompt } from './InterruptibleDialog';
import { questionAbout, questionOnScreen, ScreeningDialog, type ScreeningOptions, type ScreeningResult } from './ScreeningDialog';
import { readDayWish } from './DayWish';
import { SlotDialog, slotFrom, type SlotOptions, type SlotResult } from './SlotDialog';

/** Options to start a booking. */
export interface BookingOptions {
  locale: Locale;
  /** The joint and side the opening message named; those questions are then not asked. */
  hint?: ComplaintHint;
  /** The privacy text was shown already (consent asked again after a correction): asked in short. */
  consentShown?: boolean;
}

/** What the patient has told so far; kept in dialog state only after consent. */
interface Draft {
  complaint: Complaint;
  hasReferral?: boolean;
  screening: Record<string, boolean>;
  slot?: NonNullable<SlotResult['slot']>;
  details?: DetailsResult;
  /** The patient books for someone else (a parent, a partner): the questions are about them. */
  forOther?: boolean;
  /** The word the patient called that person by ("mother"), if any. */
  relative?: string;
  /** A relative who wants an appointment too (ComplaintHint.alsoFor): offered after the confirmation. */
  alsoFor?: string;
}

/** What the booking waterfall keeps between its steps. */
interface BookingValues {
  draft?: Draft;
  /** The patient has been told the questions are about the other person. */
  toldForOther?: boolean;
  /** The patient has been told the relative's appointment is made after this one. */
  toldAlsoFor?: boolean;
  /** A screening question was answered yes (a tier that still allows booking): a next "that was a mistake" is answered. */
  screenedYes?: boolean;
  /** The side was named in the answer to the joint question, so its question was not asked. */
  sideTyped?: boolean;
  /** Which detail the summary is changing, or the complaint. */
  changing?: ChangeableField;
  /** The store holds an appointment to come for the same patient: whether a second one is really wanted is asked. */
  askingSecond?: boolean;
  /** The referral question answered at "since when?": whether there is one (see referralGivenEarly). */
  referralKept?: boolean;
  /** The complaint's new side (or what it is) at the summary, while "since when?" is asked again. */
  newSide?: unknown;
}

/** A waterfall's instance state, as botbuilder keeps it: its options, its values and the step it is at. */
interface WaterfallState<O = unknown> {
  options: O;
  values: BookingValues;
  stepIndex: number;
}

/** The booking waterfall's steps that wait for an answer, by the index botbuilder counts. */
const STEP = { consent: 0, joint: 1, side: 2, since: 3, referral: 4, screening: 5, slot: 6, details: 7 } as const;

const JOINTS = ['hip', 'knee', 'both', 'other'] as const;
const SUMMARY_CHOICES = ['confirm', 'changeTime', 'changeDetails', 'stop'] as const;

/** The prompt that asks for one detail again, changed from the summary. */
const DETAIL_PROMPTS: Record<Exclude<ChangeableField, 'time' | 'complaint'>, string> = {
  name: NAME_PROMPT,
  birthDate: BIRTH_DATE_PROMPT,
  phone: PHONE_PROMPT,
  email: EMAIL_PROMPT,
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
    this.addSincePrompt();
    this.addFreeTextPrompt(COMPLAINT_PROMPT);
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
    this.addDialog(new WaterfallDialog(BOOKING_CONFIRM_WATERFALL, [
      this.summary.bind(this), this.decide.bind(this), this.changeChosen.bind(this), this.complaintSide.bind(this), this.complaintSince.bind(this), this.afterChange.bind(this),
    ]));
    this.initialDialogId = BOOKING_WATERFALL;
  }

  /**
   * Stopped before the writer's own appointment was made, an appointment promised for a relative
   * after it (`alsoFor`) is not made either: said so, with its button to start it now.
   */
  protected override stoppedReply(innerDc: DialogContext, locale: Locale): Reply {
    const alsoFor = relativeAfter(innerDc.stack[0]);
    return alsoFor ? this.relativeNotMade(locale, alsoFor) : super.stoppedReply(innerDc, locale);
  }

  /** The stop's reply when the relative's appointment was promised after the writer's: neither was made; the relative's button first. */
  private relativeNotMade(locale: Locale, alsoFor: string): Reply {
    const button = this.t(locale, 'booking.alsoFor.button', { relative: alsoFor });
    return {
      text: this.t(locale, 'booking.alsoFor.stopped', { who: this.otherPerson(locale, alsoFor) }),
      choices: [{ label: button, value: button }, ...this.deps.composer.mainActions(locale)],
    };
  }

  /** Much may have been filled in: "never mind" asks first whether to stop the booking. */
  protected override asksBeforeStopping(): boolean {
    return true;
  }

  /** At the summary every answer is given: its stop button, or any stop, asks first. */
  protected override stopsFinishedAnswers(innerDc: DialogContext, text: string, locale: Locale): boolean {
    const base = innerDc.stack[0] as DialogInstance<WaterfallState<Draft>> | undefined;
    if (base?.id !== BOOKING_CONFIRM_WATERFALL || base.state.stepIndex !== 0 || waitingPrompt({ dialogStack: innerDc.stack })?.id !== CHOICE_PROMPT) return false;
    return this.deps.router.exactIntent(text) === 'stop' || fold(text) === fold(this.t(locale, 'booking.summary.stop'));
  }

  /**
   * A message that changes an answer given before instead of answering the question on screen:
   * the joint or side ("no wait, the right", "it is the hip after all"), whom the booking is for
   * ("for my father"), or, once a time is chosen, another day or time ("Tuesday after all").
   * The answer is changed and the question on screen asked again; a new day or time offers
   * the free times on it first. A message counts when it says it corrects something, or is
   * nothing but the new answer; what it names must be an answer given already (at the side
   * question, a side is the answer itself).
   */
  protected override async correct(innerDc: DialogContext, text: string, locale: Locale): Promise<DialogTurnResult | undefined> {
    const base = innerDc.stack[0];
    const active = waitingPrompt({ dialogStack: innerDc.stack });
    if (!base || !active || active === base) return undefined;
    const c = this.deps.answers.correctionIn(text);
    // Unmarked, an answer the question on screen understands is its answer ("the left one" is the first time offered).
    const counts = c && (c.marked || (c.bare && !answersScreen(active, text, this.deps.answers))) ? c : undefined;
    if (base.id === BOOKING_WATERFALL) {
      const mistake = await this.screeningMistake(innerDc, base as DialogInstance<WaterfallState<BookingOptions>>, active, text, locale);
      if (mistake) return mistake;
      const early = active.id === SINCE_PROMPT ? await this.detailGivenEarly(innerDc, base as DialogInstance<WaterfallState<BookingOptions>>, active, text, locale) : undefined;
      if (early) return early;
      const referral = active.id === SINCE_PROMPT ? await this.referralGivenEarly(innerDc, base as DialogInstance<WaterfallState<BookingOptions>>, active, text, locale) : undefined;
      if (referral) return referral;
    }
    if (base.id === BOOKING_CONFIRM_WATERFALL) return this.correctSummary(innerDc, base as DialogInstance<WaterfallState<Draft>>, active, text, counts, locale);
    if (base.id !== BOOKING_WATERFALL) return undefined;
    const state = (base as DialogInstance<WaterfallState<BookingOptions>>).state;
    const draft = state.values.draft;
    const self = await this.forSelfAfterAll(innerDc, state, active, text, locale);
    if (self) return self;
    const day = counts || state.stepIndex !== STEP.details || !draft ? undefined : await this.dayWish(innerDc, text, locale);
    if (day && draft) {
      // A new time while the details are asked: the times on that day (or on others than the one
      // refused), then the details on.
      draft.details = detailsSoFar(innerDc.stack[1]);
      state.stepIndex = STEP.slot;
      return innerDc.replaceDialog(SLOT_DIALOG, day);
    }
    if (!counts) return undefined;
    const hint: ComplaintHint = { ...state.options.hint };
    if (state.stepIndex <= STEP.joint || !draft) {
      // Before the complaint is asked: what the opening message said is changed. At the joint
      // question, a joint is its answer ("my right knee"), whatever else the message says.
      if (state.stepIndex === STEP.joint && counts.joint) return undefined;
      const joint = counts.joint;
      const changed = {
        ...hint, ...(joint ? { joint } : {}), ...(counts.side ? { side: counts.side } : {}),
        ...(counts.forOther ? { forOther: true as const, ...(counts.relative ? { relative: counts.relative } : {}) } : {}),
      };
      if (JSON.stringify(changed) === JSON.stringify(hint)) return undefined;
      state.options = { ...state.options, hint: changed };
      if (changed.forOther && !hint.forOther && state.stepIndex === STEP.joint) {
        state.values.toldForOther = true;
        await this.send(innerDc.context, { text: this.aboutOther(locale, 'booking.forOther', changed.relative) }, locale);
      }
      if (state.stepIndex === STEP.consent) {
        // Asked again with the new hint, in the words for someone else when it is for someone else.
        await this.acknowledge(innerDc, locale, changed);
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(BOOKING_WATERFALL, { ...state.options, consentShown: true } satisfies BookingOptions);
      }
      await this.acknowledge(innerDc, locale, changed);
      return this.askAgain(innerDc, active);
    }
    const complaint = { ...draft.complaint };
    const newJoint = counts.joint && counts.joint !== complaint.joint ? counts.joint : undefined;
    // At the side question, a side is its answer, not a correction.
    const newSide = state.stepIndex > STEP.side && counts.side && counts.side !== complaint.side && complaint.joint !== 'other' ? counts.side : undefined;
    const forOther = counts.forOther && !draft.forOther;
    if (!newJoint && !newSide && !forOther) return undefined;
    if (forOther) {
      draft.forOther = true;
      if (counts.relative) draft.relative = counts.relative;
      state.values.toldForOther = true;
      await this.send(innerDc.context, { text: this.aboutOther(locale, 'booking.forOther', draft.relative) }, locale);
    }
    if (newJoint && state.stepIndex === STEP.side) {
      // The joint the side is asked for changed: the side question again, for that joint.
      state.options = { ...state.options, hint: { ...hint, joint: newJoint, ...(counts.side ? { side: counts.side } : {}) } };
      state.stepIndex = STEP.joint;
      return innerDc.endDialog({ value: newJoint, index: JOINTS.indexOf(newJoint), score: 1 } satisfies FoundChoice);
    }
    if (newJoint) {
      complaint.joint = newJoint;
      delete complaint.other;
    }
    if (newSide) complaint.side = newSide;
    draft.complaint = complaint;
    if (newJoint || newSide) await this.send(innerDc.context, { text: this.t(locale, 'booking.corrected', { complaint: this.complaintLabel(complaint, locale) }) }, locale);
    if (forOther && state.stepIndex === STEP.details) {
      // The details asked again in the words for someone else, those given kept.
      return innerDc.replaceDialog(DETAILS_DIALOG, { given: detailsSoFar(innerDc.stack[1]), forOther: true, ...(draft.relative ? { relative: draft.relative } : {}) } satisfies DetailsOptions);
    }
    if (forOther && active.id === SINCE_PROMPT) return this.askAgain(innerDc, active, this.t(locale, 'booking.since.askOther', { who: this.otherPerson(locale, draft.relative) }));
    const screening = forOther ? questionOnScreen(innerDc.stack[1]) : undefined;
    if (screening) {
      // This question and the next ones about the person the appointment is for.
      screening.waterfall.state.options = { ...screening.waterfall.state.options, forOther: true, ...(draft.relative ? { relative: draft.relative } : {}) };
      const q = this.deps.knowledge.screening[locale].questions[screening.index];
      if (q) return this.askAgain(innerDc, active, questionAbout(q.textOther, this.otherPerson(locale, draft.relative)));
    }
    return this.askAgain(innerDc, active);
  }

  /**
   * "No sorry, the appointment is for me" in a booking for someone else, before the details: the
   * booking becomes the writer's own, said so, and the question on screen is asked again about
   * the writer (a joint or side named with it is changed too). It was taken for the answer to
   * "since when?", and the questions went on about the relative (a twenty-first patient-style test).
   * Once "since when" is answered (at the referral or in the screening), the booking goes back to
   * "since when" and asks it, the referral and the whole screening again, about the writer.
   */
  private async forSelfAfterAll(
    innerDc: DialogContext, state: WaterfallState<BookingOptions>, active: DialogInstance, text: string, locale: Locale,
  ): Promise<DialogTurnResult | undefined> {
    const { answers } = this.deps;
    const draft = state.values.draft;
    const forOther = draft ? draft.forOther : state.options.hint?.forOther;
    if (!forOther || state.stepIndex >= STEP.details || !answers.forSelf(text)) return undefined;
    const named = answers.complaintIn(text);
    await this.send(innerDc.context, { text: this.t(locale, 'booking.forSelfAfterAll') }, locale);
    if (!draft || state.stepIndex <= STEP.joint) {
      const { forOther: _o, relative: _r, ...hint } = { ...state.options.hint, ...(named.joint ? { joint: named.joint } : {}), ...(named.side ? { side: named.side } : {}) };
      state.options = { ...state.options, hint };
      return this.askAgain(innerDc, active);
    }
    delete draft.forOther;
    delete draft.relative;
    const complaint = { ...draft.complaint };
    if (named.joint && named.joint !== complaint.joint) {
      complaint.joint = named.joint;
      delete complaint.other;
    }
    if (named.side && state.stepIndex > STEP.side) complaint.side = named.side;
    if (complaint.joint !== draft.complaint.joint || complaint.side !== draft.complaint.side) {
      draft.complaint = complaint;
      await this.send(innerDc.context, { text: this.t(locale, 'booking.corrected', { complaint: this.complaintLabel(complaint, locale) }) }, locale);
    }
    if (active.id === SINCE_PROMPT) return this.askAgain(innerDc, active, this.t(locale, 'booking.since.ask'));
    if (state.stepIndex === STEP.referral || state.stepIndex === STEP.screening) {
      // "Since when" (and the referral) were answered for the relative, and the screening's first
      // questions too: from "since when" on again, about the writer. It went on from the question
      // on screen, and the writer was never asked the first ones (round 20's review).
      delete draft.complaint.since;
      delete draft.hasReferral;
      delete state.values.referralKept;
      draft.screening = {};
      state.stepIndex = STEP.side;
      const side = complaint.joint === 'other' ? (complaint.other ?? '') : complaint.side ? { value: complaint.side, index: SIDES.indexOf(complaint.side), score: 1 } satisfies FoundChoice : undefined;
      return innerDc.endDialog(side);
    }
    return this.askAgain(innerDc, active);
  }

  /**
   * Right after a screening yes whose tier still allows booking (the GP this week), a message
   * saying the yes was a mistake: the advice stands (a chat message cannot show it was one), a
   * person is offered, and the times are shown again. Said once; a day named in the message is
   * left to the slot question.
   */
  private async screeningMistake(
    innerDc: DialogContext, base: DialogInstance<WaterfallState<BookingOptions>>, active: DialogInstance, text: string, locale: Locale,
  ): Promise<DialogTurnResult | undefined> {
    const values = base.state.values;
    if (!values.screenedYes || base.state.stepIndex !== STEP.slot || !this.deps.answers.isMistake(text)) return undefined;
    if (readDayWish(text, this.dayWords())) return undefined;
    values.screenedYes = undefined;
    await this.send(innerDc.context, { text: this.t(locale, 'booking.mistake.goOn') }, locale);
    return this.askAgain(innerDc, active);
  }

  /**
   * A detail of the patient's typed at "since when?" ("my number is 06 …", an e-mail address, a
   * date of birth named as one): no duration. It is kept for its own question, which is then not
   * asked, and "since when?" is asked again. Booking for someone else, the writer's own name or
   * date of birth is not that person's: it is asked later instead.
   */
  private async detailGivenEarly(
    innerDc: DialogContext, base: DialogInstance<WaterfallState<BookingOptions>>, active: DialogInstance, text: string, locale: Locale,
  ): Promise<DialogTurnResult | undefined> {
    const draft = base.state.values.draft;
    if (!draft) return undefined;
    const checks = this.detailChecks();
    const named = this.detailCorrection(text);
    const found = named?.value !== undefined ? { field: named.field, value: named.value }
      : checks.phone(text).ok ? { field: 'phone' as const, value: (checks.phone(text) as { value: string }).value }
        : text.includes('@') && checks.email(text).ok ? { field: 'email' as const, value: (checks.email(text) as { value: string }).value }
          : undefined;
    if (!found?.value) return undefined;
    if (draft.forOther && (found.field === 'name' || found.field === 'birthDate')) {
      await this.send(innerDc.context, { text: this.t(locale, 'booking.since.detailKept.later') }, locale);
      return this.askAgain(innerDc, active);
    }
    draft.details = { ...draft.details, [found.field]: found.value };
    await this.send(innerDc.context, { text: this.t(locale, `booking.since.detailKept.${found.field}`) }, locale);
    return this.askAgain(innerDc, active);
  }

  /**
   * An answer to the referral question typed at "since when?" ("no, no referral", "don't know, I
   * have no referral"): no duration. It was kept as the complaint's start, shown on the summary,
   * and the referral was asked again (a fifteenth patient-style test). It is kept for the referral
   * question, which is then not asked, and "since when?" is asked again. A message with a figure
   * ("3 weeks, no referral") is left to the question: its duration is in it.
   */
  private async referralGivenEarly(
    innerDc: DialogContext, base: DialogInstance<WaterfallState<BookingOptions>>, active: DialogInstance, text: string, locale: Locale,
  ): Promise<DialogTurnResult | undefined> {
    const { answers } = this.deps;
    if (!base.state.values.draft || /\d/.test(text) || text.includes('?') || !answers.namesReferral(text)) return undefined;
    const words = fold(text).split(' ');
    const has = !(words.some((w) => answers.isNegation(w)) || answers.opener(text) === 'no' || answers.saysNotKnown(text));
    (base.state.values as BookingValues).referralKept = has;
    await this.send(innerDc.context, { text: this.t(locale, `booking.since.referralKept.${has ? 'yes' : 'no'}`) }, locale);
    return this.askAgain(innerDc, active);
  }

  /** At the summary: a corrected complaint, or another day or time, shown in a new summary. */
  private async correctSummary(
    innerDc: DialogContext, base: DialogInstance<WaterfallState<Draft>>, active: DialogInstance, text: string, c: Correction | undefined, locale: Locale,
  ): Promise<DialogTurnResult | undefined> {
    // Only the summary's own question; a detail being typed again is that detail.
    if (active.id !== CHOICE_PROMPT || base.state.stepIndex > 1) return undefined;
    const draft = base.state.options;
    // "almost, my date of birth is …" (also at "what would you like to change?"): changed, and the summary shown again.
    const detail = c ? undefined : this.detailCorrection(text, draft.details ?? {});
    if (detail?.value !== undefined) {
      await this.send(innerDc.context, { text: this.t(locale, `booking.details.corrected.${detail.field}`, { value: this.shownDetail(detail.field, detail.value) }) }, locale);
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(BOOKING_CONFIRM_WATERFALL, { ...draft, details: { ...draft.details, [detail.field]: detail.value } } satisfies Draft);
    }
    if (base.state.stepIndex !== 0) return undefined;
    if (c && (c.joint || c.side)) {
      const complaint = { ...draft.complaint };
      if (c.joint && c.joint !== complaint.joint) {
        complaint.joint = c.joint;
        delete complaint.other;
      }
      if (c.side && complaint.joint !== 'other') complaint.side = c.side;
      await this.send(innerDc.context, { text: this.t(locale, 'booking.corrected', { complaint: this.complaintLabel(complaint, locale) }) }, locale);
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(BOOKING_CONFIRM_WATERFALL, { ...draft, complaint } satisfies Draft);
    }
    const day = c ? undefined : await this.dayWish(innerDc, text, locale);
    if (!day) return this.questionAtSummary(innerDc, text, locale);
    // As the other-time button, with the times on that day first; the summary follows.
    base.state.values.changing = 'time';
    base.state.stepIndex = 1;
    return innerDc.replaceDialog(SLOT_DIALOG, day);
  }

  /**
   * A question at the summary that no topic answers ("is it reachable in a wheelchair?"): said
   * honestly, with a person to ask, and the summary again, as at the free times. It got "type yes
   * if all is right" (a thirteenth patient-style test). A question a topic answers is left to the
   * interruption that answers it; a yes or no with a question mark is the summary's answer.
   */
  private async questionAtSummary(innerDc: DialogContext, text: string, locale: Locale): Promise<DialogTurnResult | undefined> {
    const { answers, router } = this.deps;
    const asks = text.includes('?') || (answers.isQuestion(text) && text.trim().split(/\s+/).length >= 3);
    if (!asks || answers.yesNo(text.replace(/\?/g, '')) || answers.changeOf(text)) return undefined;
    const decision = router.route(text, { locale, safetyChecked: true });
    if (decision.intent === 'faq' && decision.topic) return undefined;
    await this.send(innerDc.context, { text: this.t(locale, 'booking.slot.questionUnknown') }, locale);
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * Another day or time asked for instead of the one chosen ("Tuesday after all"), or the day
   * or part of it refused ("I can't make Tuesday after all", "tomorrow I can't": a refusal needs
   * no word of correcting): the slot search for it, the refusal said. A refused day is left out,
   * never searched; a date before today is no wish (a corrected date of birth).
   */
  private async dayWish(innerDc: DialogContext, text: string, locale: Locale): Promise<SlotOptions | undefined> {
    const read = readDayWish(text, this.dayWords());
    if (!read || (!read.refused.length && !this.deps.answers.isCorrection(text))) return undefined;
    if (read.refused.length) await this.sayRefused(innerDc.context, read.refused, locale);
    return { query: read.wish ?? {}, offset: 0, failures: 0, ...(read.refused.length ? { exclude: read.refused } : {}) };
  }

  /** Says what was changed before a question is asked again. */
  private async acknowledge(innerDc: DialogContext, locale: Locale, hint: ComplaintHint): Promise<void> {
    if (!hint.joint) return;
    const complaint: Complaint = { joint: hint.joint, ...(hint.side ? { side: hint.side } : {}) };
    await this.send(innerDc.context, { text: this.t(locale, 'booking.corrected', { complaint: this.complaintLabel(complaint, locale) }) }, locale);
  }

  /**
   * The question on screen asked again. Its last paragraph is the question: what was said
   * before it (what was noted of the complaint) may no longer hold; `text` replaces the question.
   */
  private async askAgain(innerDc: DialogContext, active: DialogInstance, text?: string): Promise<DialogTurnResult> {
    const options = (active.state as { options?: { prompt?: Partial<Activity> } }).options;
    const prompt = options?.prompt;
    if (prompt && typeof prompt === 'object' && typeof prompt.text === 'string') {
      const paragraphs = prompt.text.split('\n\n');
      options!.prompt = { ...prompt, text: text ?? paragraphs[paragraphs.length - 1] };
    }
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /** The joint and side as the summary says them (joint, then side). */
  private complaintLabel(c: Complaint, locale: Locale): string {
    return [this.t(locale, `booking.jointLabels.${c.joint}`), ...(c.side ? [this.t(locale, `booking.sideLabels.${c.side}`)] : [])].join(', ');
  }

  /** The joint question, or the side question: a joint or side the patient writes in a sentence counts too. */
  private async choose(step: WaterfallStepContext, locale: Locale, text: string, question: 'joint' | 'side', joint?: Complaint['joint']): Promise<DialogTurnResult> {
    const values = question === 'joint' ? JOINTS : SIDES;
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(text, locale, step.context.activity.channelId),
      choices: buttonChoices(values.map((v) => this.t(locale, `booking.${question}.${v}`))),
      // A joint the practice does not book for ("my ankle") hears which it does, and of "something else".
      validations: (question === 'joint' ? { joints: JOINTS, retryKey: 'booking.joint.retry' } : { sides: SIDES, ...(joint ? { joint } : {}) }) satisfies ReadsComplaint & { retryKey?: string },
    });
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const options = step.options as BookingOptions;
    const forOther = options.hint?.forOther;
    const key = `booking.consent.${forOther ? 'askOther' : 'ask'}${options.consentShown ? 'Again' : ''}`;
    const vars = { days: this.deps.retentionDays };
    const text = forOther ? this.aboutOther(locale, key, options.hint?.relative, vars) : this.t(locale, key, vars);
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async askJoint(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'booking.consent.declined'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const options = step.options as BookingOptions;
    // "Yes, for the left knee": the yes gives the complaint too, kept as one told before the
    // booking is (a sixteenth patient-style test heard the joint and side asked again).
    const told = options.hint?.joint ? {} : this.deps.answers.complaintIn(step.context.activity.text ?? '');
    if (told.joint) options.hint = { ...options.hint, joint: told.joint, ...(told.side ? { side: told.side } : {}) };
    const hint = options.hint;
    // Booking for a parent or partner: the questions and details are then about them.
    const values = step.values as BookingValues;
    if (hint?.forOther && !values.toldForOther) {
      values.toldForOther = true;
      await this.send(step.context, { text: this.aboutOther(locale, 'booking.forOther', hint.relative) }, locale);
    }
    // "I'd like an appointment, my mother wants one too": this one is the writer's, said once.
    if (hint?.alsoFor && !values.toldAlsoFor) {
      values.toldAlsoFor = true;
      await this.send(step.context, { text: this.t(locale, 'booking.alsoFor.first', { who: this.otherPerson(locale, hint.alsoFor) }) }, locale);
    }
    if (hint?.joint) return step.next({ value: hint.joint, index: JOINTS.indexOf(hint.joint), score: 1 } satisfies FoundChoice);
    return this.choose(step, locale, this.t(locale, 'booking.joint.ask'), 'joint');
  }

  private async askSide(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const joint = JOINTS[(step.result as FoundChoice).index];
    const { forOther, relative, alsoFor } = (step.options as BookingOptions).hint ?? {};
    (step.values as BookingValues).draft = {
      complaint: { joint }, screening: {}, ...(forOther ? { forOther, ...(relative ? { relative } : {}) } : {}), ...(alsoFor ? { alsoFor } : {}),
    } satisfies Draft;
    if (joint === 'other') {
      // The therapist needs to know what to expect; the answer takes the place of the side.
      const text = `${this.t(locale, 'booking.joint.otherNote')}\n\n${this.t(locale, 'booking.joint.otherAsk')}`;
      return step.prompt(COMPLAINT_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
    }
    const hint = (step.options as BookingOptions).hint;
    // The answer to the joint question may name the side too ("my left hip"): not asked again.
    const typed = hint?.joint ? undefined : this.deps.answers.sideIn(step.context.activity.text ?? '').side;
    if (typed) (step.values as BookingValues).sideTyped = true;
    const side = hint?.side ?? typed;
    if (side) return step.next({ value: side, index: SIDES.indexOf(side), score: 1 } satisfies FoundChoice);
    return this.choose(step, locale, this.noted(step, locale, this.t(locale, 'booking.side.ask')), 'side', joint);
  }

  private async askSince(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const draft = (step.values as BookingValues).draft as Draft;
    if (draft.complaint.joint === 'other') draft.complaint.other = freeText(step.result) || undefined;
    else if (step.result) draft.complaint.side = SIDES[(step.result as FoundChoice).index];
    const ask = this.t(locale, draft.forOther ? 'booking.since.askOther' : 'booking.since.ask', { who: this.otherPerson(locale, draft.relative) });
    // "Left, and my right knee a bit too": this booking keeps the joint asked for; the other one
    // is said to be for the talk with the therapist, so the patient knows it was not lost.
    const { elsewhere } = this.deps.answers.sideIn(step.context.activity.text ?? '', draft.complaint.joint);
    const also = elsewhere ? `${this.t(locale, 'booking.side.otherJoint', { complaint: this.complaintLabel(draft.complaint, locale), joint: this.t(locale, `booking.jointLabels.${elsewhere}`) })}\n\n` : '';
    return step.prompt(SINCE_PROMPT, { prompt: this.promptActivity(also + this.noted(step, locale, ask), locale, step.context.activity.channelId) });
  }

  /** The next question, after what was taken from the opening message, so the patient sees it was heard. */
  private noted(step: WaterfallStepContext, locale: Locale, question: string): string {
    const hint = (step.options as BookingOptions).hint;
    const draft = (step.values as BookingValues).draft as Draft;
    // Said once, with the first question asked after it: the side's, or the start's when the side
    // was named too (in the opening message, or with the joint).
    const withJoint = (step.values as BookingValues).sideTyped === true && step.index === STEP.since;
    if (!withJoint && (!hint?.joint || (step.index === STEP.side) === Boolean(hint.side))) return question;
    const c = draft.complaint;
    const complaint = [this.t(locale, `booking.jointLabels.${c.joint}`), ...(c.side ? [this.t(locale, `booking.sideLabels.${c.side}`)] : [])].join(', ');
    return `${this.t(locale, 'booking.joint.noted', { complaint })}\n\n${question}`;
  }

  private async askReferral(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const draft = (step.values as BookingValues).draft as Draft;
    draft.complaint.since = freeText(step.result);
    // Answered already at "since when?" (referralGivenEarly): not asked again.
    const kept = (step.values as BookingValues).referralKept;
    if (kept !== undefined) {
      const labels = this.yesNo(locale).choices.map((c) => c.value);
      const index = kept ? 0 : 1;
      return step.next({ value: labels[index], index, score: 1 } satisfies FoundChoice);
    }
    const ask = `booking.referral.${draft.forOther ? 'askOther' : 'ask'}.${this.deps.knowledge.practice.country}`;
    return step.prompt(CHOICE_PROMPT, {
      prompt: this.promptActivity(this.t(locale, ask, { who: this.otherPerson(locale, draft.relative) }), locale, step.context.activity.channelId),
      ...this.yesNo(locale),
      // None is needed: a patient who does not know has none to bring, and is not held up by the question.
      validations: { unsureIsNo: true },
    });
  }

  private async screen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const draft = (step.values as BookingValues).draft as Draft;
    draft.hasReferral = (step.result as FoundChoice).index === 0;
    // The practice's country decides what a referral means, not the patient's way of speaking.
    // About the person the appointment is for, when it is for someone else ("if he has one, bring it", not "you").
    let info = this.t(locale, `booking.referral.${draft.forOther ? 'infoOther' : 'info'}.${this.deps.knowledge.practice.country}`, { who: this.otherPerson(locale, draft.relative) });
    // Belgium: what a voorschrift means for reimbursement comes from the reimbursement topic.
    if (this.deps.knowledge.practice.country === 'BE') info += '\n\n' + this.deps.composer.answer('reimbursement', locale).text;
    await this.send(step.context, { text: info }, locale);
    const about = draft.forOther ? { forOther: true, ...(draft.relative ? { relative: draft.relative } : {}) } : {};
    return step.beginDialog(SCREENING_DIALOG, { index: 0, answers: {}, ...about } satisfies ScreeningOptions);
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
      const [own] = this.deps.safety.alarm({ tier }, memory, locale);
      // About the person the appointment is for, when it is for someone else.
      const draft = (step.values as BookingValues).draft as Draft;
      const instruction = draft.forOther
        ? { ...own, text: this.t(locale, `booking.screeningOther.${tier}.${this.deps.knowledge.practice.country}`, { ...this.deps.composer.safety.variables(), who: this.otherPerson(locale, draft.relative) }) }
        : own;
      if (!this.deps.safety.bookingAllowed(memory)) {
        (step.values as BookingValues).draft = undefined;
        // The next message may say the yes was a mistake (the bot answers that, see FysioBot).
        memory.screeningYes = true;
        await this.send(step.context, instruction, locale);
        return step.endDialog();
      }
      (step.values as BookingValues).screenedYes = true;
      await this.send(step.context, { text: instruction.text }, locale);
    }
    ((step.values as BookingValues).draft as Draft).screening = result.answers;
    return step.beginDialog(SLOT_DIALOG, { query: {}, offset: 0, failures: 0 } satisfies SlotOptions);
  }

  private async collectDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as SlotResult;
    if (!result.slot) return this.giveUp(step);
    const draft = (step.values as BookingValues).draft as Draft;
    draft.slot = result.slot;
    // Details given before a new time was asked for in between are not asked again.
    return step.beginDialog(DETAILS_DIALOG, { given: draft.details, forOther: draft.forOther, ...(draft.relative ? { relative: draft.relative } : {}) } satisfies DetailsOptions);
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
      // The number as the patient dials it (06 12345678), not as it is stored (+31612345678).
      { label: this.t(locale, 'booking.summary.phone'), value: this.shownDetail('phone', d.details!.phone!) },
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
    if (change) return this.changeField(step, change, locale);
    if (found.index === 1) return this.changeField(step, 'time', locale);
    if (found.index === 2) {
      // The change-details button: which one, the complaint included, so only that one is asked again.
      return step.prompt(CHOICE_PROMPT, {
        prompt: this.promptActivity(this.t(locale, 'booking.summary.askChange'), locale, step.context.activity.channelId),
        choices: buttonChoices(CHANGEABLE_FIELDS.map((f) => this.t(locale, `booking.summary.fields.${f}`))),
        validations: { acceptChange: true },
      });
    }
    if (found.index === 3) {
      const alsoFor = step.options.forOther ? undefined : step.options.alsoFor;
      await this.send(step.context, alsoFor ? this.relativeNotMade(locale, alsoFor) : { text: this.t(locale, 'cancelled.text'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const d = step.options;
    const a = step.context.activity;
    const earlier = await upcomingOfSamePatient(this.deps.bookings, {
      name: d.details!.name!, birthDate: d.details!.birthDate!, phone: d.details!.phone!, userKey: `${a.channelId}:${a.from?.id}`,
    }, this.deps.clock.now());
    if (earlier) {
      // The same patient has an appointment to come: a second one only on a yes.
      (step.values as BookingValues).askingSecond = true;
      const f = this.deps.formatter;
      const text = this.t(locale, 'booking.second.ask', { when: f.when(earlier.start, locale), location: f.locationName(earlier.locationId) });
      return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
    }
    return this.saveAndSay(step, locale);
  }

  /** Stores the booking and confirms it; a time someone else took first is chosen again. */
  private async saveAndSay(step: WaterfallStepContext<Draft>, locale: Locale): Promise<DialogTurnResult> {
    const saved = await this.save(step, locale);
    if (saved === 'slot-taken') {
      await this.send(step.context, { text: this.t(locale, 'booking.slotTaken') }, locale);
      return this.changeField(step, 'time', locale);
    }
    return step.endDialog();
  }

  /** The answer to "you already have one on ..., a second one?": a yes books it, a no keeps only the first. */
  private async second(step: WaterfallStepContext<Draft>, locale: Locale): Promise<DialogTurnResult> {
    (step.values as BookingValues).askingSecond = false;
    if ((step.result as FoundChoice).index === 0) return this.saveAndSay(step, locale);
    await this.send(step.context, { text: this.t(locale, 'booking.second.no'), choices: this.deps.composer.mainActions(locale) }, locale);
    return step.endDialog();
  }

  /** The answer to "what would you like to change?"; a change already under way passes on. */
  private async changeChosen(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const found = step.result as FoundChoice | undefined;
    if ((step.values as BookingValues).askingSecond) return this.second(step, await this.locale(step.context));
    // A time or all details changed in a conversation saved by the version whose summary had three steps passes on too.
    if ((step.values as BookingValues).changing || typeof found?.index !== 'number') return step.next(step.result);
    const locale = await this.locale(step.context);
    return this.changeField(step, changeRequested(found) ?? CHANGEABLE_FIELDS[found.index], locale);
  }

  /** Asks one answer of the summary again: a time, the complaint (its joint first) or one detail. */
  private async changeField(step: WaterfallStepContext<Draft>, field: ChangeableField, locale: Locale): Promise<DialogTurnResult> {
    (step.values as BookingValues).changing = field;
    const channel = step.context.activity.channelId;
    if (field === 'time') return step.beginDialog(SLOT_DIALOG, { query: {}, offset: 0, failures: 0 } satisfies SlotOptions);
    if (field === 'complaint') return this.choose(step, locale, this.t(locale, 'booking.joint.ask'), 'joint');
    const key = this.detailPromptKey(field, step.options.forOther);
    const text = this.t(locale, key, { who: this.otherPerson(locale, step.options.relative) });
    return step.prompt(DETAIL_PROMPTS[field], { prompt: this.promptActivity(text, locale, channel) });
  }

  /** The complaint changed from the summary: after its joint, its side (or what it is, for another joint). */
  private async complaintSide(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const values = step.values as BookingValues & { joint?: Complaint['joint'] };
    if (values.changing !== 'complaint') return step.next(step.result);
    const locale = await this.locale(step.context);
    const joint = JOINTS[(step.result as FoundChoice).index];
    values.joint = joint;
    if (joint === 'other') return step.prompt(COMPLAINT_PROMPT, { prompt: this.promptActivity(this.t(locale, 'booking.joint.otherAsk'), locale, step.context.activity.channelId) });
    return this.choose(step, locale, this.t(locale, 'booking.side.ask'), 'side', joint);
  }

  /**
   * The complaint changed from the summary: "since when?" again after its side, so a wrong start
   * can be put right there too (it could not: a referral answer kept as the start stayed on the
   * summary, a fifteenth patient-style test).
   */
  private async complaintSince(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const values = step.values as BookingValues & { joint?: Complaint['joint'] };
    if (values.changing !== 'complaint' || !values.joint) return step.next(step.result);
    values.newSide = step.result;
    const locale = await this.locale(step.context);
    const ask = this.t(locale, step.options.forOther ? 'booking.since.askOther' : 'booking.since.ask', { who: this.otherPerson(locale, step.options.relative) });
    return step.prompt(SINCE_PROMPT, { prompt: this.promptActivity(ask, locale, step.context.activity.channelId) });
  }

  private async afterChange(step: WaterfallStepContext<Draft>): Promise<DialogTurnResult> {
    const draft = { ...step.options };
    const values = step.values as BookingValues & { joint?: Complaint['joint'] };
    const changing = values.changing;
    if (changing === 'complaint' && values.joint) {
      const joint = values.joint;
      // Asked again after the side (complaintSince); a conversation saved before that step keeps its start.
      const asked = values.newSide !== undefined;
      const since = asked ? freeText(step.result) : draft.complaint.since;
      const side = asked ? values.newSide : step.result;
      draft.complaint = joint === 'other'
        ? { joint, other: freeText(side) || undefined, since }
        : { joint, side: SIDES[(side as FoundChoice).index], since };
      return step.replaceDialog(BOOKING_CONFIRM_WATERFALL, draft);
    }
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
        const memory = await this.deps.memory.get(step.context, { misses: 0 });
        memory.justBooked = true;
        memory.justChanged = booking.reference;
        // Changed into a booking for someone else after all: nothing more to offer.
        const alsoFor = d.forOther ? undefined : d.alsoFor;
        await this.confirm(step, booking, locale, alsoFor, d.forOther ? this.otherPerson(locale, d.relative) : undefined);
        // "Shall we make the one for your husband now?": a typed yes does what its button does.
        if (alsoFor) memory.offer = { take: this.t(locale, 'booking.alsoFor.button', { relative: alsoFor }), from: 'relative' };
        return 'created';
      }
    }
    throw new Error('could not find a free reference code');
  }

  /**
   * The confirmation; with the booking for a relative who wants one too offered as its first
   * button. Made for someone else (`who`), it says whom the practice expects and whose card to bring.
   */
  private async confirm(step: WaterfallStepContext, b: Booking, locale: Locale, alsoFor?: string, who?: string): Promise<void> {
    const f = this.deps.formatter;
    const when = f.when(b.start, locale);
    const mail = this.deps.confirmationMail;
    // Promised only when it will be sent: an address was given and the practice has SMTP set up.
    const text = [
      this.t(locale, who ? 'booking.confirmedOther' : 'booking.confirmed', { reference: b.reference, when, location: f.locationName(b.locationId), address: f.address(b.locationId), who }),
      ...(mail?.willSend(b) ? [this.t(locale, 'booking.confirmedByMail')] : []),
    ].join(' ');
    const next = alsoFor ? this.t(locale, 'booking.alsoFor.button', { relative: alsoFor }) : undefined;
    const choices = [...(next ? [{ label: next, value: next }] : []), ...this.deps.composer.mainActions(locale)];
    const offer = alsoFor ? `\n\n${this.t(locale, 'booking.alsoFor.offer', { who: this.otherPerson(locale, alsoFor) })}` : '';
    const ics = calendarEvent({
      uid: `${b.reference}@fysio-assistent`, start: b.start, end: b.end, now: this.deps.clock.now(),
      summary: this.t(locale, 'booking.calendarSummary'), location: `${f.locationName(b.locationId)}, ${f.address(b.locationId)}`,
      description: b.reference,
    });
    await this.send(step.context, { text: `${text}${offer}`, file: { name: this.t(locale, 'booking.calendarFile'), contentType: 'text/calendar', content: ics }, choices }, locale);
    // After the booking is stored and the patient has the answer; sending goes on in the background.
    mail?.send(b, locale);
  }

  /** The practice's first appointment type is the osteoarthritis intake; the last, the general one. */
  private appointmentType(d: Draft, locale: Locale): { id: string; durationMinutes: number; label: string } {
    const types = this.deps.knowledge.practice.appointmentTypes;
    const t = d.complaint.joint === 'other' ? types[types.length - 1] : types[0];
    return { id: t.id, durationMinutes: t.durationMinutes, label: t.label[locale] };
  }

  /** The complaint as the summary shows it: another joint in the patient's own words ("shoulder"), not the internal "other". */
  private complaintText(c: Complaint, locale: Locale): string {
    const parts = [c.joint === 'other' && c.other ? this.deps.answers.withoutPossessive(c.other) : this.t(locale, `booking.jointLabels.${c.joint}`)];
    if (c.side) parts.push(this.t(locale, `booking.sideLabels.${c.side}`));
    if (c.since) parts.push(c.since);
    return parts.join(', ');
  }
}

/** Whether `text` picks one of the choices (or suggested actions) the waiting prompt shows. */
function answersScreen(active: DialogInstance, text: string, answers: DialogDeps['answers']): boolean {
  const options = (active.state as { options?: { choices?: ({ value: string } | string)[]; prompt?: Partial<Activity> } } | undefined)?.options;
  const labels = [
    ...(options?.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value)),
    ...(options?.prompt?.suggestedActions?.actions ?? []).map((a) => String(a.value)),
  ];
  return labels.length > 0 && answers.choose(text, labels) !== undefined;
}

/**
 * Whether a booking waits at its summary ("is this right?") in the bot's dialog state: every
 * answer given, one tap from being made. A red flag there ends it unmade, which the bot then says
 * (a twenty-first patient-style test asked how to cancel an appointment that did not exist).
 */
export function bookingAtSummary(state: Partial<DialogState> | undefined): boolean {
  const booking = state?.dialogStack?.[0];
  if (booking?.id !== BOOKING_DIALOG) return false;
  return (booking.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs?.dialogStack?.[0]?.id === BOOKING_CONFIRM_WATERFALL;
}

/**
 * The relative whose appointment is promised after the writer's own (`alsoFor`), from the booking's
 * base dialog: none once the booking became one for someone else (nothing more is offered then).
 */
function relativeAfter(base: DialogInstance | undefined): string | undefined {
  if (base?.id === BOOKING_WATERFALL) {
    const { options, values } = (base as DialogInstance<WaterfallState<BookingOptions>>).state;
    const forOther = values.draft ? values.draft.forOther : options.hint?.forOther;
    return forOther ? undefined : options.hint?.alsoFor;
  }
  if (base?.id === BOOKING_CONFIRM_WATERFALL) {
    const draft = (base as DialogInstance<WaterfallState<Draft>>).state.options;
    return draft.forOther ? undefined : draft.alsoFor;
  }
  return undefined;
}

/** The details a details dialog has been given so far (its waterfall's values), from its instance. */
function detailsSoFar(details: DialogInstance | undefined): DetailsResult {
  const inner = (details?.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack?.[0];
  const v = ((inner?.state as { values?: Record<string, unknown> } | undefined)?.values ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' && v[k] ? { [k]: v[k] as string } : {});
  return { ...str('name'), ...str('birthDate'), ...str('phone') };
}

/** A free-text answer as kept with the booking: no markup characters, at most 200 characters. */
function freeText(result: unknown): string {
  return String(result ?? '').replace(/[<>]/g, '').trim().slice(0, 200);
}
