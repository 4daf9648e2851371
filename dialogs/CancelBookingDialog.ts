import type { TurnContext } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type DialogContext, type PromptOptions, type DialogInstance, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { fold } from '../src/conversation/AnswerWords';
import { calendarEvent } from '../src/booking/CalendarFile';
import { findReferenceCode, normalizeReferenceCode, spacedReferenceCodeAfter, spelledReferenceCode, withoutReferenceCode } from '../src/booking/ReferenceCode';
import { SUPPORTED_LOCALES, type Locale } from '../src/config/AppConfig';
import { CLIENT_IP_KEY } from '../src/server/clientAddress';
import { newMemory } from '../src/conversation/ConversationMemory';
import type { Reply } from '../src/conversation/Reply';
import type { DialogDeps } from './DialogDeps';
import {
  BIRTH_DATE_PROMPT, BOOKING_DIALOG, CANCEL_BOOKING_DIALOG, CANCEL_BOOKING_WATERFALL, CHOICE_PROMPT, REFERENCE_PROMPT, SLOT_DIALOG, SLOT_PROMPT, TOO_MANY_TRIES,
  CONTACT_FIX_DIALOG, HANDOFF_DIALOG, NOT_AT_HAND,
} from './dialogIds';
import type { BookingOptions } from './BookingDialog';
import { HandoffDialog, type HandoffOptions } from './HandoffDialog';
import { ContactFixDialog, type ContactFix, type ContactFixOptions } from './ContactFixDialog';
import { changeRequested, type BaseDialog } from './BaseDialog';
import { InterruptibleDialog, waitingPrompt } from './InterruptibleDialog';

/** What the waterfall keeps between its steps. */
interface CancelValues {
  reference?: string;
  slot?: SlotResult['slot'];
  /** The opening message asked to move the appointment ("move it"), not to cancel it. */
  move?: boolean;
  /** The day or time the opening message asked for ("move it to Thursday"), and those it refused. */
  query?: Pick<SlotOptions, 'query' | 'exclude'>;
  /** A cancellation said in a sentence is being confirmed ("is that right?"). */
  confirmingCancel?: boolean;
  /** The date of birth is asked a second time: no booking matched the first. */
  secondTry?: boolean;
  /** Another code was typed at the date of birth's question: that question is asked plainly. */
  newCode?: boolean;
  /** The relative whose appointment it is ("my father's"), as the opening named them. */
  relative?: string;
  /** The appointment was booked or moved in this conversation a moment ago: not looked up by code and date of birth. */
  justMade?: boolean;
}

/** Stands for the date of birth of an appointment this conversation just made (CancelOptions.justMade): none is asked. */
const JUST_MADE = '\u0000justMade';

/** Marks a date of birth's answer that holds a code (another than the one given): the code, then the date if one came with it. */
const NEW_CODE = '\u0000code:';

/** How the waterfall starts: afresh, or for the second try of the date of birth with what the first knew. */
export interface CancelOptions {
  again?: Pick<CancelValues, 'reference' | 'move' | 'query' | 'secondTry' | 'newCode' | 'relative'>;
  /**
   * The appointment this conversation booked or moved a moment ago (its reference): asked about
   * right after ("sorry, I said yes by mistake"), it needs no code or date of birth (see {@link CancelBookingDialog.changeOfJustMade}).
   */
  justMade?: string;
  /** A contact detail of that appointment said to be wrong ("sorry, wrong phone number"): it is corrected, nothing else asked. */
  contact?: ContactFix;
}

/** An hour in milliseconds, for the practice's notice of cancellation. */
const HOUR_MS = 3_600_000;

/** The waterfall's steps that wait for an answer, by the index botbuilder counts. */
const STEP = { verify: 2, act: 3, confirmMove: 4 } as const;
/** The most words a message that only refuses to cancel or move has ("no, I really don't want to cancel it"). */
const REFUSAL_WORDS = 8;
import { askedTime, readDayWish } from './DayWish';
import { SlotDialog, slotFrom, type SlotOptions, type SlotResult } from './SlotDialog';
import { ownChoiceIn, refusedChoices, type ReadsDenial } from './SynonymChoicePrompt';

/**
 * Cancels or moves a booking. The patient proves it is theirs with the reference code and the
 * date of birth; a wrong date of birth is refused without saying which of the two was wrong.
 */
export class CancelBookingDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(CANCEL_BOOKING_DIALOG, deps);
    this.addChoicePrompt();
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new ContactFixDialog(deps));
    this.addDialog(new SlotDialog(deps));
    // The code, or a person: a patient who says they do not have it, or whose second answer is
    // no code either, is offered the receptionist instead of the same question a third time.
    this.addDialog(new TextPrompt(REFERENCE_PROMPT, async (pc) => {
      const text = pc.recognized.value ?? '';
      // A sentence saying the code is lost can hold six letters that would pass for one.
      const withoutCode = deps.answers.isWithoutCode(text) && !findReferenceCode(text);
      // The code in a sentence, or the code alone however it is written ("kx7 4pm"); not six
      // letters of any sentence (a Flemish "I don't know" run together).
      const alone = text.replace(/[^A-Za-z0-9]/g, '').length === 6;
      // Or spelled aloud in the Dutch names of letters and digits, as a patient reads it out, alone
      // or in a sentence ("my code is B X four R B eight"); the lookup guard is the same.
      const reference = withoutCode ? undefined
        : findReferenceCode(text) ?? (alone ? normalizeReferenceCode(text) : undefined) ?? spelledReferenceCode(text, deps.knowledge.language);
      if (reference) {
        pc.recognized.value = reference;
        return true;
      }
      if (withoutCode || pc.attemptCount >= 2) {
        pc.recognized.value = withoutCode ? NOT_AT_HAND : TOO_MANY_TRIES;
        return true;
      }
      const locale = await this.locale(pc.context);
      await this.send(pc.context, { text: this.t(locale, 'cancelBooking.referenceInvalid') }, locale);
      return false;
    }));
    this.addCheckedTextPrompt(BIRTH_DATE_PROMPT, (t) => this.birthDateOrCode(t), {
      format: 'booking.details.birthDateInvalid', empty: 'booking.details.birthDateInvalid', nonexistent: 'booking.details.birthDateNonexistent',
      future: 'booking.details.birthDateFuture', implausible: 'booking.details.birthDateImplausible', help: 'booking.details.birthDateHelp',
    });
    this.addDialog(
      new WaterfallDialog(CANCEL_BOOKING_WATERFALL, [
        this.askReference.bind(this), this.askBirthDate.bind(this), this.verify.bind(this), this.act.bind(this), this.confirmMove.bind(this),
        this.moved.bind(this),
      ]),
    );
    this.initialDialogId = CANCEL_BOOKING_WATERFALL;
  }

  private async askReference(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { justMade, contact } = (step.options as CancelOptions | undefined) ?? {};
    if (justMade && contact) return step.replaceDialog(CONTACT_FIX_DIALOG, { reference: justMade, ...contact } satisfies ContactFixOptions);
    if (justMade) {
      // A day or time named ("can I put it back to Tuesday half past nine after all") is a move to it.
      const query = this.dayQuery(step.context.activity.text ?? '');
      Object.assign(step.values, { justMade: true, ...(query ? { move: true, query } : {}) } satisfies CancelValues);
      return step.next(justMade);
    }
    const again = (step.options as CancelOptions | undefined)?.again;
    if (again) {
      Object.assign(step.values, { secondTry: true, ...again } satisfies CancelValues);
      return step.next(again.reference);
    }
    const locale = await this.locale(step.context);
    // The command with the code, as the confirmation says to type it: the code is given already.
    const opening = step.context.activity.text ?? '';
    const values = step.values as CancelValues;
    // "I want to move my appointment (to Thursday)": not asked again what to do, and that day looked for.
    if (this.says(opening, 'move') && !this.says(opening, 'cancel')) {
      values.move = true;
      const query = this.dayQuery(opening);
      if (query) values.query = query;
      if (query?.exclude) await this.sayRefused(step.context, query.exclude, locale);
    }
    // Spaced after a word naming it ("cancel it, code M G D W N C"), as patients read it out: the
    // code prompt took it alone, the opening did not (an eleventh patient-style test).
    // "My father's appointment": his date of birth is asked for, not the writer's.
    const relative = this.deps.answers.appointmentOf(opening);
    if (relative) values.relative = relative;
    const given = findReferenceCode(opening) ?? spacedReferenceCodeAfter(opening, this.deps.translator.list(locale, 'booking.words.codeWords'));
    if (given) return step.next(given);
    return step.prompt(REFERENCE_PROMPT, { prompt: this.promptActivity(this.t(locale, 'cancelBooking.askReference'), locale, step.context.activity.channelId) });
  }

  private async askBirthDate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if (step.result === TOO_MANY_TRIES || step.result === NOT_AT_HAND) return this.withoutCode(step, locale, step.result === NOT_AT_HAND);
    (step.values as { reference?: string }).reference = step.result;
    const values = step.values as CancelValues;
    if (values.justMade) return step.next(JUST_MADE);
    const key = values.newCode ? 'cancelBooking.askBirthDateNewCode' : values.secondTry ? 'cancelBooking.notFoundTryAgain' : 'cancelBooking.askBirthDate';
    const text = key === 'cancelBooking.askBirthDate' ? this.aboutOther(locale, key, values.relative) : this.t(locale, key);
    return step.prompt(BIRTH_DATE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId) });
  }

  private async verify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if (step.result === TOO_MANY_TRIES) return this.giveUp(step, locale);
    const values = step.values as CancelValues;
    let birthDate = step.result as string;
    if (birthDate.startsWith(NEW_CODE)) {
      // Another code, typed where the date of birth was asked: the lookup is with that one; its
      // date of birth is asked when it came alone.
      const [code, date] = birthDate.slice(NEW_CODE.length).split('|');
      if (!date) {
        return step.replaceDialog(CANCEL_BOOKING_WATERFALL, { again: { reference: code, move: values.move, query: values.query, secondTry: values.secondTry ?? false, newCode: true, relative: values.relative } } satisfies CancelOptions);
      }
      values.reference = code;
      birthDate = date;
    }
    const reference = String(values.reference);
    const a = step.context.activity;
    const ip = step.context.turnState.get(CLIENT_IP_KEY) as string | undefined;
    if (!values.justMade && this.deps.lookupGuard && !this.deps.lookupGuard.allow(reference, [`user:${a.channelId}:${a.from?.id}`, ...(ip ? [`ip:${ip}`] : [])])) {
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.tooManyLookups'), choices: [this.deps.composer.action(locale, 'person')] }, locale);
      return step.endDialog();
    }
    const booking = await this.deps.bookings.findByReference(reference);
    if (!booking || booking.status !== 'confirmed' || (birthDate !== JUST_MADE && booking.birthDate !== birthDate)) {
      // One typo must not end it: the date of birth, or the code, is asked once more (the lookup
      // guard still counts every try). Still without which of the two was wrong: that the two do
      // not go together, so a wrong code is looked at too (a ninth patient-style test was only
      // told to check the date of birth), without telling whether the code exists.
      if (!values.secondTry) {
        return step.replaceDialog(CANCEL_BOOKING_WATERFALL, { again: { reference, move: values.move, query: values.query, relative: values.relative } } satisfies CancelOptions);
      }
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.notFound'), choices: [this.deps.composer.action(locale, 'person')] }, locale);
      return step.endDialog();
    }
    const f = this.deps.formatter;
    if ((step.values as CancelValues).move) {
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.foundMove', { when: f.when(booking.start, locale), location: f.locationName(booking.locationId) }) }, locale);
      return step.next({ value: this.t(locale, 'cancelBooking.move'), index: 1, score: 1 } satisfies FoundChoice);
    }
    const text = this.t(locale, values.justMade ? 'cancelBooking.foundJustMade' : 'cancelBooking.found', { when: f.when(booking.start, locale), location: f.locationName(booking.locationId) });
    const choices = (['cancel', 'move', 'keep'] as const).map((k) => ({
      value: this.t(locale, `cancelBooking.${k}`),
      synonyms: this.wordsOfChoice(k),
    }));
    // "I don't want to cancel (it)" refuses a choice by name: the appointment is kept.
    // A detail of it said to be wrong ("my name is spelled wrong") is passed on (acceptChange),
    // as right after a booking: it got "I did not quite understand" and was lost.
    const validations = { deniedIs: 2, acceptChange: true } satisfies ReadsDenial & { acceptChange: boolean };
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), choices, validations });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const reference = String((step.values as { reference?: string }).reference);
    const choice = (step.result as FoundChoice).index;
    const field = changeRequested(step.result as FoundChoice);
    // The complaint of a booked appointment is changed by a person (the chat has no way to).
    if (field === 'complaint') return step.replaceDialog(HANDOFF_DIALOG, { reason: 'detail-correction' } satisfies HandoffOptions);
    if (field && field !== 'time') {
      const fix = (await this.contactFixOf(step.context.activity.text ?? '', reference)) ?? { field };
      return step.replaceDialog(CONTACT_FIX_DIALOG, { reference, ...fix } satisfies ContactFixOptions);
    }
    if (choice === 1 || field === 'time') {
      // "move it to Friday" at the question, or the day the opening message named.
      const values = step.values as CancelValues;
      const asked = values.move ? values.query : this.dayQuery(step.context.activity.text ?? '');
      if (!values.move && asked?.exclude) await this.sayRefused(step.context, asked.exclude, locale);
      return step.beginDialog(SLOT_DIALOG, { query: {}, ...asked, offset: 0, failures: 0 } satisfies SlotOptions);
    }
    if (choice === 2) {
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.kept') }, locale);
      return step.endDialog();
    }
    // Said in a sentence, a cancellation is asked once more, as a move is: "what does it cost if
    // I cancel?" or "my wife wants to cancel but I don't" hold the word and mean something else (a review).
    if (!this.saysOnly(step.context.activity.text ?? '', 'cancel')) {
      (step.values as CancelValues).confirmingCancel = true;
      return step.prompt(CHOICE_PROMPT, await this.cancelQuestion(step.context, reference, locale));
    }
    return this.cancelNow(step, reference, locale);
  }

  /**
   * "Cancel your appointment of …, is that right?": its yes carries the words of cancelling and its
   * no those of keeping: "cancel it" confirms and "leave it" keeps, where the cancel word read as a
   * command stopped the flow instead.
   */
  private async cancelQuestion(context: TurnContext, reference: string, locale: Locale): Promise<PromptOptions & { validations: ReadsDenial }> {
    const found = await this.deps.bookings.findByReference(reference);
    const text = this.t(locale, 'cancelBooking.confirmCancel', { when: found ? this.deps.formatter.when(found.start, locale) : '' });
    const [yes, no] = this.yesNo(locale).choices;
    return {
      prompt: this.promptActivity(text, locale, context.activity.channelId),
      choices: [{ ...yes, synonyms: this.wordsOfChoice('cancel') }, { ...no, synonyms: this.wordsOfChoice('keep') }],
      validations: { deniedIs: 1 },
    };
  }

  /**
   * Cancels the appointment and says so; within the practice's notice (cancellationHours), also
   * that its late-cancellation fee may apply and to call for something unforeseen, as its FAQ says
   * (a patient cancelling the same morning heard nothing of it). A yes next takes up the closing
   * offer to book again.
   */
  private async cancelNow(step: WaterfallStepContext, reference: string, locale: Locale): Promise<DialogTurnResult> {
    const booking = await this.deps.bookings.findByReference(reference);
    const now = this.deps.clock.now();
    await this.deps.bookings.cancel(reference, now);
    const when = booking ? this.deps.formatter.when(booking.start, locale) : '';
    const { practice } = this.deps.knowledge;
    const hours = practice.cancellationHours;
    const late = booking && hours && booking.start.getTime() - now.getTime() < hours * HOUR_MS;
    const fee = practice.fees.missedAppointment;
    const key = !late ? 'cancelBooking.cancelled' : fee === undefined ? 'cancelBooking.cancelledLateNoAmount' : 'cancelBooking.cancelledLate';
    const text = this.t(locale, key, {
      when, hours, phone: practice.phone, fee: fee === undefined ? '' : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(fee),
    });
    await this.send(step.context, { text, choices: this.deps.composer.mainActions(locale) }, locale);
    (await this.deps.memory.get(step.context, newMemory())).offer = { take: this.deps.composer.action(locale, 'book').value, from: 'answer' };
    return step.endDialog();
  }

  /** A move is asked once more, as a new booking is ("is this right?"): a typed day may be read otherwise than meant. */
  private async confirmMove(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const values = step.values as CancelValues;
    if (values.confirmingCancel) {
      // The answer to "cancel it, is that right?": only a yes cancels.
      if ((step.result as FoundChoice).index === 0) return this.cancelNow(step, String(values.reference), locale);
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.kept'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const r = step.result as SlotResult;
    if (!r.slot) return this.giveUp(step, locale);
    (step.values as { slot?: SlotResult['slot'] }).slot = r.slot;
    const reference = String((step.values as { reference?: string }).reference);
    const booking = await this.deps.bookings.findByReference(reference);
    const f = this.deps.formatter;
    const text = this.t(locale, 'cancelBooking.confirmMove', {
      oldWhen: booking ? f.when(booking.start, locale) : '', when: f.when(new Date(r.slot.start), locale), location: f.locationName(r.slot.locationId),
    });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async moved(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'cancelBooking.kept'), choices: this.deps.composer.mainActions(locale) }, locale);
      return step.endDialog();
    }
    const slot = slotFrom((step.values as { slot?: SlotResult['slot'] }).slot!);
    const reference = String((step.values as { reference?: string }).reference);
    const booking = await this.deps.bookings.findByReference(reference);
    const duration = booking ? booking.end.getTime() - booking.start.getTime() : slot.end.getTime() - slot.start.getTime();
    const outcome = await this.deps.bookings.move(reference, slot.start, new Date(slot.start.getTime() + duration), slot.locationId, this.deps.clock.now());
    if (outcome !== 'moved') {
      await this.send(step.context, { text: this.t(locale, 'booking.slotTaken') }, locale);
      return step.replaceDialog(CANCEL_BOOKING_WATERFALL);
    }
    (await this.deps.memory.get(step.context, newMemory())).justChanged = reference;
    const f = this.deps.formatter;
    const end = new Date(slot.start.getTime() + duration);
    const place = `${f.locationName(slot.locationId)}, ${f.address(slot.locationId)}`;
    // The new time, the address and the old appointment's end in one message, with a calendar
    // file that replaces the old event (same UID, later sequence).
    const ics = calendarEvent({
      uid: `${reference}@fysio-assistent`, start: slot.start, end, now: this.deps.clock.now(), sequence: Math.floor(this.deps.clock.now().getTime() / 1000),
      summary: this.t(locale, 'booking.calendarSummary'), location: place, description: reference,
    });
    await this.send(step.context, {
      text: this.t(locale, 'cancelBooking.moved', {
        oldWhen: booking ? f.when(booking.start, locale) : '', when: f.when(slot.start, locale), location: f.locationName(slot.locationId),
        address: f.address(slot.locationId), reference,
      }),
      file: { name: this.t(locale, 'booking.calendarFile'), contentType: 'text/calendar', content: ics },
      choices: this.deps.composer.mainActions(locale),
    }, locale);
    return step.endDialog();
  }

  /**
   * The answer to the date of birth's question: the date (also after a sentence), or another code
   * with or without the date ("sorry, it is KX7-4PM"), marked with {@link NEW_CODE}.
   */
  private birthDateOrCode(text: string): ReturnType<BaseDialog['birthDateIn']> {
    const code = findReferenceCode(text);
    if (!code) return this.birthDateIn(text);
    const rest = withoutReferenceCode(text);
    const date = /\d/.test(rest) ? this.birthDateIn(rest) : undefined;
    if (date && !date.ok) return date;
    return { ok: true, value: `${NEW_CODE}${code}${date?.ok ? `|${date.value}` : ''}` };
  }

  /**
   * In this flow "I don't want to cancel (it)" keeps the appointment ({@link onlyRefuses}), and at
   * the code's question "that one I don't have any more" is no code (AnswerWords.plainlyWithoutCode),
   * however the learned crisis net reads the negation and the "any more".
   */
  override answersPlainly(text: string, instance: DialogInstance): boolean {
    if (instance.id !== CANCEL_BOOKING_DIALOG) return false;
    const active = waitingPrompt({ dialogStack: [instance] });
    return (active?.id === REFERENCE_PROMPT && this.deps.answers.plainlyWithoutCode(text)) || this.onlyRefuses(text);
  }

  /**
   * Whether the message only refuses what this flow does ("I don't want to cancel it", "not move
   * it after all, leave it"): at most {@link REFUSAL_WORDS} words, each clause names a choice
   * (cancel, move, keep) or is a plain yes or no, every negation outside the words of keeping stands
   * right before a word of cancelling or moving, nothing but keeping is asked for, and every other
   * word is a stop word (language.yaml: "I", "want", "it", "really"). Anything more ("don't cancel,
   * I want to die", "I don't want to cancel any more") is more than a refusal.
   */
  private onlyRefuses(text: string): boolean {
    const { answers, router } = this.deps;
    const words = fold(text).split(' ').filter(Boolean);
    if (!words.length || words.length > REFUSAL_WORDS) return false;
    const kinds = ['cancel', 'move', 'keep'] as const;
    const choices = kinds.map((k) => ({ value: k, synonyms: this.wordsOfChoice(k) }));
    if (!answers.clauses(text).every((c) => ownChoiceIn(c, choices) || answers.isYesOrNo(c))) return false;
    const own = ownChoiceIn(text, choices);
    if (!own) return false;
    const { denied, affirmed } = refusedChoices(text, choices, own, answers);
    if (!denied.size || denied.has(2) || affirmed.some((i) => i !== 2)) return false;
    // Where each choice's words stand; the words of keeping may hold a negation of their own ("niks").
    const at = (phrase: string[], i: number) => phrase.every((x, j) => words[i + j] === x);
    const spans = (k: (typeof kinds)[number]) => this.wordsOfChoice(k).map((w) => fold(w).split(' ')).filter((p) => p[0]);
    const keeping = spans('keep');
    const changing = [...spans('cancel'), ...spans('move')];
    const inChoice = new Set<number>();
    const inKeeping = new Set<number>();
    words.forEach((_, i) => {
      for (const p of [...keeping, ...changing]) if (at(p, i)) p.forEach((_x, j) => inChoice.add(i + j));
      for (const p of keeping) if (at(p, i)) p.forEach((_x, j) => inKeeping.add(i + j));
    });
    return words.every((w, i) => {
      if (answers.isNegation(w)) return inKeeping.has(i) || changing.some((p) => at(p, i + 1));
      return inChoice.has(i) || answers.isYesOrNo(w) || router.normalizer.isStopword(w);
    });
  }

  /**
   * At "move it to … . Is that right?", another day or time ("no, Friday morning after all")
   * is no refusal of the move: the free times on that day are offered, and asked again. A day
   * refused ("no, tomorrow I can't") is no wish for it: the free times on other days are.
   */
  protected override async correct(innerDc: DialogContext, text: string, locale: Locale): Promise<DialogTurnResult | undefined> {
    const base = innerDc.stack[0];
    const active = waitingPrompt({ dialogStack: innerDc.stack });
    // "Never mind, cancel the appointment" at the contact fix, in words no command is made of.
    const cancelled = /[\d@]/.test(text) ? undefined : await this.cancelInstead(innerDc, text);
    if (cancelled) return cancelled;
    // Asked for the code of an appointment one does not have ("I have none yet, I want to make
    // one", or the booking command itself): the wish is a new booking, not a wrong code.
    if (active?.id === REFERENCE_PROMPT && this.asksNewBooking(text, locale)) return this.toBooking(innerDc, locale);
    // At the new time of a move, keeping the old appointment ("no, I'll keep the old one") and
    // refusing the change ("I don't want to move it after all", "I don't want to cancel it") are
    // one answer: the move ends and the appointment stays as it was, in the same words for both
    // (they got two different replies, by which of the two readings came first).
    if (active?.id === SLOT_PROMPT && (this.keepsOld(text) || this.onlyRefuses(text))) {
      await this.send(innerDc.context, { text: this.t(locale, 'cancelBooking.kept'), choices: this.deps.composer.mainActions(locale) }, locale);
      return innerDc.cancelAllDialogs();
    }
    // "I don't want to cancel after all" at a question for a code or a date: the flow stops and
    // the appointment stays (a choice's question reads it as keeping it).
    if (active?.id !== CHOICE_PROMPT && this.onlyRefuses(text)) {
      // The patient spoke of their appointment: it stays, whether or not its code was given.
      await this.send(innerDc.context, super.stoppedReply(innerDc, locale), locale);
      return innerDc.cancelAllDialogs();
    }
    if (base?.id !== CANCEL_BOOKING_WATERFALL || active?.id !== CHOICE_PROMPT) return undefined;
    const state = base.state as { stepIndex: number };
    // "The phone number must become 06-…" at "what would you like to do?" after the lookup: the
    // contact fix for that booking, as right after booking (a nineteenth patient-style test got
    // "tap a button, for example 'the first'").
    const reference = (base.state as { values?: CancelValues }).values?.reference;
    const contact = state.stepIndex === STEP.verify && reference ? await this.contactFixOf(text, reference) : undefined;
    if (contact && reference) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(CONTACT_FIX_DIALOG, { reference, ...contact } satisfies ContactFixOptions);
    }
    if (state.stepIndex !== STEP.confirmMove || this.deps.answers.yesNo(text) === 'yes') return undefined;
    const asked = this.dayQuery(text);
    if (!asked) return undefined;
    if (asked.exclude) await this.sayRefused(innerDc.context, asked.exclude, locale);
    state.stepIndex = STEP.act;
    return innerDc.replaceDialog(SLOT_DIALOG, { ...asked, offset: 0, failures: 0 } satisfies SlotOptions);
  }

  /**
   * The message keeps the appointment as it is, in a clause that says so: words of keeping (the
   * keep choice's words, `cancelBooking.keepOld`: "the old one") with no negation left beside any
   * of them, or a word of moving with one ("not move it after all"). A leading no is the answer to
   * the times shown, not a negation. Keeping words that refuse another ("the old one, not after
   * all", whose "not after all" keeps when alone) refuse the old one. A message naming a day or
   * time is about the new time.
   */
  private keepsOld(text: string): boolean {
    const { answers, translator } = this.deps;
    if (readDayWish(text, this.dayWords())) return false;
    const keep = [...this.wordsOfChoice('keep'), ...SUPPORTED_LOCALES.flatMap((l) => translator.list(l, 'cancelBooking.keepOld'))].map(fold).sort((a, b) => b.length - a.length);
    const move = this.wordsOfChoice('move').map(fold);
    return answers.clauses(text).some((clause) => {
      const words = fold(clause).split(' ');
      while (words.length > 1 && answers.opensWithYesOrNo(words[0]) && answers.isPlainNo(words[0])) words.shift();
      const t = ` ${words.join(' ')} `;
      const negated = (s: string) => s.split(' ').some((w) => w && answers.isNegation(w));
      const kept = keep.filter((w) => t.includes(` ${w} `));
      if (kept.length) return kept.every((w) => !negated(t.replace(` ${w} `, ' ')));
      return move.some((w) => t.includes(` ${w} `)) && negated(t);
    });
  }

  /**
   * Whether the message asks for a new appointment: the booking command, or a sentence the
   * router reads as a booking. A code in it is a code (the router leaves codes out).
   */
  private asksNewBooking(text: string, locale: Locale): boolean {
    const { router, answers, knowledge } = this.deps;
    if (findReferenceCode(text)) return false;
    const exact = router.exactIntent(text);
    if (exact) return exact === 'booking';
    const routed = (t: string) => router.route(t, { locale, safetyChecked: true }).intent === 'booking';
    if (routed(text) || answers.clauses(text).some((c) => c.trim() && c.trim() !== text.trim() && routed(c))) return true;
    // The booking command of more than one word inside a sentence ("sorry, I meant make a new
    // appointment"), with no negation anywhere ("I don't want to make an appointment").
    const words = fold(text).split(' ').filter(Boolean);
    if (words.some((w) => answers.isNegation(w))) return false;
    const commands = (knowledge.intents.booking?.exact ?? []).map((c) => fold(c).split(' ')).filter((c) => c.length > 1);
    return commands.some((c) => words.some((_, i) => c.every((w, j) => words[i + j] === w)));
  }

  /**
   * Ends this flow and starts a booking in its place, at the root of the bot's stack (the flow
   * runs there), so that "later" and "back" treat it as any booking; where a red flag rules
   * booking out, its reason instead.
   */
  private async toBooking(innerDc: DialogContext, locale: Locale): Promise<DialogTurnResult> {
    const { safety, memory } = this.deps;
    const kept = await memory.get(innerDc.context, newMemory());
    if (!safety.bookingAllowed(kept)) {
      for (const reply of safety.bookingBlocked(kept, locale)) await this.send(innerDc.context, reply, locale);
      return innerDc.cancelAllDialogs();
    }
    await this.send(innerDc.context, { text: this.t(locale, 'cancelBooking.toBooking') }, locale);
    const outer = innerDc.parent;
    if (!outer) return innerDc.cancelAllDialogs();
    return outer.replaceDialog(BOOKING_DIALOG, { locale } satisfies BookingOptions);
  }

  /**
   * Stopped before any code was given, nothing is known of an appointment (the patient may have
   * none): the plain "stopped", not that the appointment stays.
   */
  protected override stoppedReply(innerDc: DialogContext, locale: Locale): Reply {
    const base = innerDc.stack[0];
    const reference = base?.id === CANCEL_BOOKING_WATERFALL ? (base.state as { values?: CancelValues }).values?.reference : undefined;
    if (!reference) return { text: this.t(locale, 'cancelBooking.stoppedNoCode'), choices: this.deps.composer.mainActions(locale) };
    return super.stoppedReply(innerDc, locale);
  }

  /**
   * "I want to cancel the appointment after all" where the right phone number or e-mail address
   * of the appointment just made is asked: that appointment's cancel, move or keep question, not
   * a stop (a review of round 18 found the wish to cancel dropped with "stopped").
   */
  protected override async cancelInstead(innerDc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
    const base = innerDc.stack[0];
    const switched = await this.cancelDuringMove(innerDc, text);
    if (switched) return switched;
    if (base?.id !== CONTACT_FIX_DIALOG || !this.says(text, 'cancel')) return undefined;
    if (fold(text).split(' ').some((w) => this.deps.answers.isNegation(w))) return undefined;
    const inner = (base.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack?.[0];
    const reference = (inner?.state as { options?: Partial<ContactFixOptions> } | undefined)?.options?.reference;
    if (!reference) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(CANCEL_BOOKING_WATERFALL, { justMade: reference } satisfies CancelOptions);
  }

  /**
   * "Cancel it after all" during a move (at its free times, or at "move it to …, is that right?"):
   * the appointment's own cancellation, asked once more, not the move stopped with the appointment
   * kept (a twenty-first patient-style test was told it stays, and would have believed it
   * cancelled). A word of moving or a negation in it ("cancel the move", "don't cancel") is no
   * such wish: the move stops as before.
   */
  private async cancelDuringMove(innerDc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
    const base = innerDc.stack[0];
    if (base?.id !== CANCEL_BOOKING_WATERFALL || !this.says(text, 'cancel') || this.says(text, 'move')) return undefined;
    if (fold(text).split(' ').some((w) => this.deps.answers.isNegation(w))) return undefined;
    const state = base.state as { stepIndex: number; values?: CancelValues };
    const values = state.values;
    const moving = (state.stepIndex === STEP.act && innerDc.stack[1]?.id === SLOT_DIALOG) || (state.stepIndex === STEP.confirmMove && !values?.confirmingCancel);
    if (!moving || !values?.reference) return undefined;
    const locale = await this.locale(innerDc.context);
    values.confirmingCancel = true;
    // The answer goes to the step after the act, which reads the confirmation of a cancel.
    state.stepIndex = STEP.act;
    return innerDc.replaceDialog(CHOICE_PROMPT, await this.cancelQuestion(innerDc.context, values.reference, locale));
  }

  /**
   * At the free times of a move (or its question for a day), the move command again ("move",
   * "yes, move it") is the move going on: the times are asked again and the appointment stays
   * as it is. A word of cancelling or a negation in it is no such repeat.
   */
  protected override alreadyDoing(innerDc: DialogContext, text: string): string | undefined {
    const base = innerDc.stack[0];
    const active = waitingPrompt({ dialogStack: innerDc.stack });
    if (base?.id !== CANCEL_BOOKING_WATERFALL || active?.id !== SLOT_PROMPT) return undefined;
    if (!this.says(text, 'move') || this.says(text, 'cancel')) return undefined;
    if (fold(text).split(' ').some((w) => this.deps.answers.isNegation(w))) return undefined;
    // Without its move words, a way of giving up or a no ("laat dat verzetten maar", "verzetten?
    // nee") wants the move stopped: a review of round 15 found it told that the move goes on.
    let rest = ` ${fold(text)} `;
    for (const w of this.wordsOfChoice('move')) rest = rest.split(` ${fold(w)} `).join(' ');
    if (this.deps.answers.isSoftStop(rest) || this.deps.answers.isPlainNo(rest)) return undefined;
    return 'cancelBooking.stillMoving';
  }

  /** The day or time the message asks for, and those it refuses ("but not on Monday"), if any. */
  private dayQuery(text: string): Pick<SlotOptions, 'query' | 'exclude'> | undefined {
    const read = readDayWish(text, this.dayWords());
    if (!read) return undefined;
    return { query: read.wish ?? {}, ...(read.refused.length ? { exclude: read.refused } : {}) };
  }

  /**
   * Stopping here changes nothing about the appointment, and the patient hears so: a plain "I
   * stopped" after typing a word of cancelling was read as a cancellation (a seventh patient-style test).
   */
  protected override stoppedKey(): string {
    return 'cancelBooking.stopped';
  }

  /** No question of this flow says why it is asked (its date of birth only checks the one given): each is asked again. */
  protected override explainsItself(): boolean {
    return false;
  }

  /** A choice's button and its other words ("move" for the button's "reschedule"), of every locale. */
  private wordsOfChoice(choice: 'cancel' | 'move' | 'keep'): string[] {
    return SUPPORTED_LOCALES.flatMap((l) => [this.t(l, `cancelBooking.${choice}`), ...this.deps.translator.list(l, `cancelBooking.synonyms.${choice}`)]);
  }

  /** Whether the whole message is the choice's button or one of its words, in any locale ("Cancel", "call off"). */
  private saysOnly(text: string, choice: 'cancel' | 'move'): boolean {
    const t = fold(text);
    return this.wordsOfChoice(choice).some((w) => fold(w) === t);
  }

  /**
   * What a message right after a booking or a move was confirmed asks of that appointment: a day
   * or time with a word of correcting or of moving ("can I put it back to Tuesday after all") is a
   * move to it; a word of a mistake ("sorry, I said yes by accident") asks what to do with it
   * (cancel, move or keep: never cancelled without asking). A thirteenth patient-style test got
   * "no good answer" for both.
   */
  changeOfJustMade(text: string): boolean {
    const { answers } = this.deps;
    if (answers.isMistake(text)) return true;
    const asked = this.dayQuery(text);
    return Boolean(asked && askedTime(asked.query) && (answers.isCorrection(text) || this.says(text, 'move')));
  }

  /**
   * The detail of a booked appointment (its reference) said to be wrong: the phone number or
   * e-mail address ("sorry, wrong phone number given", "a typo in my e-mail"), the name ("my
   * first name is Jozef", "his surname should be ...") or the date of birth, with the new value
   * when the message has one; undefined for any other message (a question about the e-mail names
   * the address but corrects nothing; "my name is X" with the name the booking has corrects
   * nothing either). A first name or surname alone is put in the booking's name.
   */
  async contactFixOf(text: string, reference: string): Promise<ContactFix | undefined> {
    const booking = await this.deps.bookings.findByReference(reference);
    const c = this.detailCorrection(text, booking ? { name: booking.name } : {});
    if (!c) return undefined;
    const { answers } = this.deps;
    if (!c.value && !answers.isMistake(text) && !answers.isCorrection(text) && answers.changeOf(text) !== c.field) return undefined;
    const kept = booking ? { name: booking.name, birthDate: booking.birthDate, phone: booking.phone, email: booking.email }[c.field] : undefined;
    if (c.value && kept !== undefined && fold(c.value) === fold(kept)) return undefined;
    return { field: c.field, ...(c.value ? { value: c.value } : {}) };
  }

  /** Whether the message says one of the choices' words ("move", "cancel") in any locale. */
  private says(text: string, choice: 'cancel' | 'move'): boolean {
    const t = ` ${fold(text)} `;
    return this.wordsOfChoice(choice).some((w) => t.includes(` ${fold(w)} `));
  }

  /**
   * No code: the appointment cannot be looked up in the chat, but the receptionist can find it
   * and cancel or move it. Said plainly, then the handoff's own offer (wait in the chat, or a
   * callback).
   */
  private async withoutCode(step: WaterfallStepContext, locale: Locale, saidSo: boolean): Promise<DialogTurnResult> {
    await this.send(step.context, { text: this.t(locale, saidSo ? 'cancelBooking.noCode' : 'cancelBooking.codeNotRecognized') }, locale);
    return step.replaceDialog(HANDOFF_DIALOG, { reason: 'failed-input' } satisfies HandoffOptions);
  }

  private async giveUp(step: WaterfallStepContext, locale: Locale): Promise<DialogTurnResult> {
    await this.send(step.context, { text: this.t(locale, 'booking.details.tooManyTries') }, locale);
    return step.replaceDialog(HANDOFF_DIALOG, { reason: 'failed-input' } satisfies HandoffOptions);
  }
}
