import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { escapeMarkdown } from '../src/channels/escapeMarkdown';
import { DialogReason, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogContext, type DialogInstance, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnSafetyOf } from '../src/bot/TurnSafety';
import { checkPhone, phoneForStaff } from '../src/booking/PatientDetails';
import type { HandoffReason } from '../src/handoff/Ticket';
import { isPracticeOpen } from '../src/handoff/OpeningHours';
import { formatOpeningHours } from '../src/conversation/PracticeInfo';
import { fold, hasPhrase } from '../src/conversation/AnswerWords';
import type { Reply } from '../src/conversation/Reply';
import { BaseDialog, buttonChoices } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, HANDOFF_DIALOG, HANDOFF_MESSAGE_PROMPT, HANDOFF_MESSAGE_WATERFALL, HANDOFF_PHONE_PROMPT, HANDOFF_REASON_PROMPT, HANDOFF_WATERFALL, TOO_MANY_TRIES } from './dialogIds';

/** Why a person is brought in. */
export interface HandoffOptions {
  reason: HandoffReason;
}

/**
 * Brings in a person: during opening hours with a receptionist signed in, the patient chooses
 * between waiting in the chat (the bot then falls silent and forwards) and being called back;
 * otherwise the bot says when the practice responds and offers the callback (number asked,
 * with what it is used for, then in a few words what it is about: the answer reaches the
 * receptionist with the ticket's recent lines, and a "none" leaves it for the call). Emits Bot
 * Framework's handoff.initiate event for contact centres.
 */
export class HandoffDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(HANDOFF_DIALOG, deps);
    this.addChoicePrompt();
    this.addCheckedTextPrompt(HANDOFF_PHONE_PROMPT, (t) => checkPhone(t, deps.knowledge.practice.country), {
      format: 'booking.details.phoneInvalid', empty: 'booking.details.phoneInvalid', country: 'booking.details.phoneCountry',
    }, 'giveUp');
    this.addDialog(new TextPrompt(HANDOFF_REASON_PROMPT));
    // askReason takes the phone number where callback used to: a conversation saved while the
    // number was asked goes on with the question what the call is about.
    this.addDialog(new WaterfallDialog(HANDOFF_WATERFALL, [this.offer.bind(this), this.route.bind(this), this.askReason.bind(this), this.callback.bind(this)]));
    this.addDialog(new TextPrompt(HANDOFF_MESSAGE_PROMPT));
    this.addDialog(new WaterfallDialog(HANDOFF_MESSAGE_WATERFALL, [this.offerMessage.bind(this), this.askMessage.bind(this), this.leaveMessage.bind(this)]));
    this.initialDialogId = HANDOFF_WATERFALL;
  }

  /** What the call is about typed where the number is asked is taken first (see {@link reasonFirst}). */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.leftOrBooked(innerDc)) ?? (await this.reasonFirst(innerDc)) ?? (await this.numberAtChoice(innerDc)) ?? (await this.callbackRefused(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /**
   * A refusal of the call back at the choice ("CHAT! not call back, you never do"): the other
   * choice, waiting in the chat. The choice read the callback's word in it and asked for a number
   * (a seventeenth patient-style test), and the angry no to that was a number that is no good.
   */
  private async callbackRefused(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const values = (innerDc.stack[0]?.state as { values?: { live?: boolean } } | undefined)?.values;
    if (innerDc.activeDialog?.id !== CHOICE_PROMPT || !values?.live) return undefined;
    if (!this.deps.answers.refusesCallback(innerDc.context.activity.text ?? '')) return undefined;
    const locale = await this.locale(innerDc.context);
    return innerDc.endDialog({ value: this.t(locale, 'handoff.wait'), index: 0, score: 1 } satisfies FoundChoice);
  }

  /**
   * A phone number typed at the choice between waiting in the chat and a call back: the call back,
   * on that number, and what it is about is asked next. It was not understood (a fifteenth
   * patient-style test, after the handoff's timeout had said to ask for a call).
   */
  private async numberAtChoice(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const values = (innerDc.stack[0]?.state as { values?: { live?: boolean; typedPhone?: string } } | undefined)?.values;
    if (innerDc.activeDialog?.id !== CHOICE_PROMPT || !values?.live) return undefined;
    const text = (innerDc.context.activity.text ?? '').trim();
    if (!/\d/.test(text)) return undefined;
    const checked = checkPhone(text, this.deps.knowledge.practice.country);
    if (!checked.ok) return undefined;
    values.typedPhone = checked.value;
    const locale = await this.locale(innerDc.context);
    return innerDc.endDialog({ value: this.t(locale, 'handoff.callback'), index: 1, score: 1 } satisfies FoundChoice);
  }

  /**
   * At the number question, the words that end every other question ("stop", "cancel") end the
   * callback, and a request for an appointment ("no, I want an appointment") starts the booking,
   * as at the yes or no before it. The bot runs this dialog on its own, not inside a flow whose
   * interruptions would catch them, and the number's check read every such word as a number
   * that is no good (a fourteenth patient-style test: only the third slip got out).
   */
  private async leftOrBooked(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (innerDc.activeDialog?.id !== HANDOFF_PHONE_PROMPT) return undefined;
    const text = (innerDc.context.activity.text ?? '').trim();
    if (!text || /\d/.test(text)) return undefined;
    const locale = await this.locale(innerDc.context);
    const exact = this.deps.router.exactIntent(text);
    if (exact === 'stop' || exact === 'cancel-booking' || exact === 'restart') {
      await this.send(innerDc.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return innerDc.cancelAllDialogs();
    }
    if (this.statements.hasOneAlready(text, locale)) return this.alreadyBooked(innerDc.context, locale, () => innerDc.cancelAllDialogs());
    const wanted = exact === 'booking' ? text : this.bookingIn(text, locale);
    if (wanted === undefined && this.deps.answers.yesNo(text) === 'no') {
      // "No, not after all": no call back, and how to reach the practice (it got the invalid-number text).
      await this.send(innerDc.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return innerDc.cancelAllDialogs();
    }
    if (wanted === undefined) return undefined;
    innerDc.context.turnState.set(BOOKING_INSTEAD, wanted);
    return innerDc.cancelAllDialogs();
  }

  /**
   * At the number question, a few words without a digit that name no detail ("about my bill"):
   * what the call is about, told before the number. It goes to the receptionist with the recent
   * lines, the number is asked again, and the question what it is about is then not asked.
   * Said once: after that, such a message is a number that is no good.
   */
  private async reasonFirst(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (innerDc.activeDialog?.id !== HANDOFF_PHONE_PROMPT) return undefined;
    const values = (innerDc.stack[0]?.state as { values?: { reasonGiven?: boolean } } | undefined)?.values;
    const text = (innerDc.context.activity.text ?? '').trim();
    const { answers } = this.deps;
    const words = fold(text).split(' ').filter(Boolean);
    if (!values || values.reasonGiven || words.length < 2 || /\d/.test(text) || text.includes('?')) return undefined;
    if (answers.yesNo(text) || answers.isSkip(text) || answers.saysNotKnown(text) || answers.detailNamed(text.split(/\s+/))) return undefined;
    values.reasonGiven = true;
    const locale = await this.locale(innerDc.context);
    await this.send(innerDc.context, { text: this.t(locale, 'booking.callbackReasonFirst') }, locale);
    return { status: DialogTurnStatus.waiting };
  }

  private hours(locale: 'nl-NL' | 'nl-BE'): string {
    const loc = this.deps.knowledge.practice.locations[0];
    return this.t(locale, 'practice.hours', { hours: formatOpeningHours(loc.openingHours, locale, this.deps.translator) });
  }

  private async offer(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const channel = step.context.activity.channelId;
    const open = isPracticeOpen(this.deps.knowledge.practice, this.deps.clock.now());
    const live = open && (await this.deps.staffOnline());
    (step.values as { live?: boolean }).live = live;
    // "Yes please, call me back" (after the timeout's "type call me back"): the call back, not the choice again.
    if (live && this.deps.answers.asksCallback(step.context.activity.text ?? '')) return step.next({ value: this.t(locale, 'handoff.callback'), index: 1, score: 1 } satisfies FoundChoice);
    if (live) {
      const choices = ['handoff.wait', 'handoff.callback'].map((k) => this.t(locale, k));
      return step.prompt(CHOICE_PROMPT, {
        prompt: this.promptActivity(this.t(locale, 'handoff.choose'), locale, channel),
        choices: buttonChoices(choices),
      });
    }
    // Open, but nobody with the console open (also right after a fresh start): said as it is, with
    // the phone to call now; the opening hours read as if the practice were closed (a thirteenth
    // patient-style test).
    const text = step.options.reason === 'agenda-unavailable'
      ? this.t(locale, 'handoff.agendaCallback')
      : open ? this.t(locale, 'handoff.nobodyInChat') : this.t(locale, 'handoff.outOfHours', { hours: this.hours(locale) });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, channel), ...this.yesNo(locale), validations: { requestIsYes: true } });
  }

  private async route(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const live = (step.values as { live?: boolean }).live;
    const offeredCallbackOnly = !live;
    const index = (step.result as FoundChoice).index;
    if (live && index === 0) {
      await this.openTicket(step.context, step.options.reason, undefined);
      await this.send(step.context, { text: this.t(locale, 'handoff.waiting') }, locale);
      return step.endDialog();
    }
    if (offeredCallbackOnly && index !== 0) {
      // "No thanks, I already have an appointment" names one but asks for none: said so, with the
      // lookup of the one the patient has (a patient-style test got the booking's first question).
      if (this.statements.hasOneAlready(step.context.activity.text ?? '', locale)) return this.alreadyBooked(step.context, locale, () => step.endDialog());
      // "No need, I want to make an appointment": the request after the no is what the patient
      // wants (a thirteenth patient-style test's was dropped, and every booking answer after it got
      // "how can I help you"). The bot starts it when this dialog has ended (bookingAskedInstead).
      const wanted = this.bookingAfterNo(step.context.activity.text ?? '', locale);
      if (wanted !== undefined) {
        step.context.turnState.set(BOOKING_INSTEAD, wanted);
        return step.endDialog();
      }
      // "CHAT! not call back": nobody reads the chat now, and a plain "call us yourself" let an
      // angry complaint vanish (an eighteenth patient-style test). A message for the practice is offered.
      if (step.options.reason !== 'agenda-unavailable' && this.wantsChatNotCall(step.context.activity.text ?? '', locale)) {
        return step.replaceDialog(HANDOFF_MESSAGE_WATERFALL, step.options);
      }
      await this.send(step.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    // The number typed at the choice (numberAtChoice): what the call is about is asked next.
    const typed = (step.values as { typedPhone?: string }).typedPhone;
    if (typed) return step.next(typed);
    return step.prompt(HANDOFF_PHONE_PROMPT, {
      prompt: this.promptActivity(this.t(locale, 'handoff.askPhone', { days: this.deps.conversationRetentionDays }), locale, step.context.activity.channelId),
    });
  }

  /** A no to the call back that refuses the call or asks for the chat ("no, I want to chat"), not a plain no. */
  private wantsChatNotCall(text: string, locale: 'nl-NL' | 'nl-BE'): boolean {
    const { answers, translator } = this.deps;
    return answers.refusesCallback(text) || hasPhrase(fold(text), translator.list(locale, 'booking.words.chatChoice').map(fold));
  }

  /** When the practice opens (or that it is open), and whether the patient leaves a message for it, kept as long as a call back's number. */
  private async offerMessage(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const open = isPracticeOpen(this.deps.knowledge.practice, this.deps.clock.now());
    const text = this.t(locale, open ? 'handoff.offerMessageOpen' : 'handoff.offerMessage', { hours: this.hours(locale), days: this.deps.conversationRetentionDays });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId), ...this.yesNo(locale) });
  }

  private async askMessage(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    return step.prompt(HANDOFF_MESSAGE_PROMPT, { prompt: this.promptActivity(this.t(locale, 'handoff.askMessage'), locale, step.context.activity.channelId) });
  }

  private async leaveMessage(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    // "No", "stop", "never mind, not after all" typed as the message takes the yes back: nothing is
    // kept (round 19's tester got "your message has been passed on" and a ticket for "no").
    const text = step.context.activity.text ?? '';
    const exact = this.deps.router.exactIntent(text);
    if (exact === 'stop' || exact === 'cancel-booking' || exact === 'restart' || this.deps.answers.onlyWithdraws(text)) {
      await this.send(step.context, { text: this.t(locale, 'handoff.messageNotLeft', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    await this.keepMessage(step.context, step.options.reason, locale);
    await this.send(step.context, { text: this.t(locale, 'handoff.messageLeft') }, locale);
    return step.endDialog();
  }

  /**
   * The message left for the practice: a ticket to be dealt with like a call back (it waits for
   * the practice to open and never times out, and the bot goes on answering meanwhile), without a
   * number, with a line that says so for the receptionist.
   */
  private async keepMessage(context: TurnContext, reason: HandoffReason, locale: 'nl-NL' | 'nl-BE'): Promise<void> {
    await openTicket(this.deps, context, locale, { reason, leftMessage: true, note: this.t(locale, 'handoff.messageNote') });
  }

  /** No new appointment, with the lookup (to check, move or cancel it) of the one the patient has. */
  alreadyBookedReply(locale: 'nl-NL' | 'nl-BE'): Reply {
    const { composer } = this.deps;
    return composer.say(locale, 'handoff.alreadyBooked', [composer.action(locale, 'lookup'), composer.action(locale, 'ask')]);
  }

  /** No new appointment, and the lookup of the one the patient has offered (or nothing more). */
  private async alreadyBooked(context: TurnContext, locale: 'nl-NL' | 'nl-BE', end: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    await this.send(context, this.alreadyBookedReply(locale), locale);
    return end();
  }

  /** The part of a no to the callback that asks for an appointment ("no need, I want to book"), if one does. */
  private bookingAfterNo(text: string, locale: 'nl-NL' | 'nl-BE'): string | undefined {
    const { answers, router } = this.deps;
    const clauses = answers.clauses(text).slice(1);
    // Without a comma the words after the no are the request ("no I'd rather make an appointment").
    const tail = text.trim().split(/\s+/).slice(1).join(' ');
    return [clauses.join(' '), tail].find((rest) => rest.trim() && router.route(rest, { locale, safetyChecked: true }).intent === 'booking');
  }

  /**
   * A request for an appointment typed where the number is asked: the whole message ("make an
   * appointment"), or what follows a no ("no, I want an appointment"); undefined otherwise.
   */
  private bookingIn(text: string, locale: 'nl-NL' | 'nl-BE'): string | undefined {
    if (this.deps.router.route(text, { locale, safetyChecked: true }).intent === 'booking') return text;
    return this.deps.answers.opener(text) === 'no' ? this.bookingAfterNo(text, locale) : undefined;
  }

  private async askReason(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if (step.result === TOO_MANY_TRIES) {
      await this.send(step.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    (step.values as { phone?: string }).phone = String(step.result);
    if ((step.values as { reasonGiven?: boolean }).reasonGiven) return step.next();
    return step.prompt(HANDOFF_REASON_PROMPT, { prompt: this.promptActivity(this.t(locale, 'handoff.askReason'), locale, step.context.activity.channelId) });
  }

  private async callback(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const phone = String((step.values as { phone?: string }).phone);
    await this.openTicket(step.context, step.options.reason, phone);
    // Shown as the patient would write it in the practice's country (06 12345678), not as stored (+316…).
    await this.send(step.context, { text: this.t(locale, 'handoff.callbackPlanned', { phone: this.shown(phone) }) }, locale);
    return step.endDialog();
  }

  /**
   * A red flag typed as what the call is about ends the dialog, as anywhere, after its
   * instruction; the callback asked for, its number given, still stands (the receptionist sees
   * the message and the tier) and the patient hears so; a request ended before that is said to
   * have not gone through. Not after 112, which says nothing else.
   */
  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    const flag = reason === DialogReason.cancelCalled ? turnSafetyOf(context)?.flag : undefined;
    const pending = flag ? pendingCallback(instance) : undefined;
    const choosing = flag ? pendingLiveChoice(instance) : undefined;
    const leaving = flag ? pendingMessage(instance) : undefined;
    await super.endDialog(context, instance, reason);
    if (!flag) return;
    const locale = await this.locale(context);
    if (choosing) {
      // Asked for a person with a receptionist in the chat, and a red flag typed before choosing:
      // the request stands as waiting in the chat, with the tier, so the console puts the patient
      // first (an eighteenth patient-style test heard it had not gone through; nobody saw the sign).
      await this.openTicket(context, choosing, undefined);
      if (flag.tier !== '112') await this.send(context, { text: this.t(locale, 'handoff.requestKept') }, locale);
      return;
    }
    if (leaving) {
      // The message itself holds the red flag: it is kept with its tier, after the instruction.
      await this.keepMessage(context, leaving, locale);
      if (flag.tier !== '112') await this.send(context, { text: this.t(locale, 'handoff.messageLeft') }, locale);
      return;
    }
    if (pending) await this.openTicket(context, pending.reason, pending.phone);
    // Before a number was given there is nothing to call back on: the patient hears that the
    // request did not go through, instead of waiting for a call that never comes.
    if (flag.tier !== '112') {
      const text = pending ? this.t(locale, 'handoff.callbackKept', { phone: this.shown(pending.phone) }) : this.t(locale, 'handoff.requestNotPassed');
      await this.send(context, { text }, locale);
    }
  }

  /** A stored number in the practice country's usual format. */
  private shown(phone: string): string {
    return phoneForStaff(phone, this.deps.knowledge.practice.country);
  }

  private async openTicket(context: TurnContext, reason: HandoffReason, callbackPhone: string | undefined): Promise<void> {
    await openTicket(this.deps, context, await this.locale(context), { reason, callbackPhone });
  }
}

/**
 * Opens the conversation's ticket with its recent lines, and a line of the bot's own for the
 * receptionist (`note`, what the patient asked to change) after them. Without a number to call
 * back or a message left (`leftMessage`) the patient waits in the chat, and contact centres hear
 * Bot Framework's handoff.initiate.
 */
export async function openTicket(
  deps: Pick<DialogDeps, 'recent' | 'memory' | 'handoff' | 'clock'>, context: TurnContext, locale: 'nl-NL' | 'nl-BE',
  ticket: { reason: HandoffReason; callbackPhone?: string; note?: string; leftMessage?: boolean },
): Promise<void> {
  const { reason, callbackPhone, note, leftMessage } = ticket;
  const recent = await deps.recent.of(context.activity.conversation.id);
  const transcript = note ? [...recent, { from: 'system' as const, text: note, at: deps.clock.now().toISOString() }] : recent;
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
  const memory = await deps.memory.get(context, { misses: 0 });
  await deps.handoff.open({
    reason, channel: context.activity.channelId, locale, conversationId: context.activity.conversation.id,
    reference, transcript, callbackPhone, safetyTier: memory.safetyTier, ...(leftMessage ? { leftMessage } : {}),
  });
  memory.ticketOpened = true;
  if (!callbackPhone && !leftMessage && context.activity.channelId !== 'whatsapp') {
    // The agent's view renders Markdown: what the patient typed must stay text, never a link.
    const activities = recent.map((m) => ({ type: 'message', text: m.from === 'patient' ? escapeMarkdown(m.text) : m.text, timestamp: new Date(m.at) }) as Partial<Activity>);
    await context.sendActivity(EventFactory.createHandoffInitiation(context, { reason }, { activities: activities as Activity[] }));
  }
}

const BOOKING_INSTEAD = Symbol('fysio-assistent booking asked for instead of a callback');

/**
 * The request for an appointment a no to the callback went on with in this turn ("no need, I want
 * to make an appointment"), for the bot to start once the handoff has ended; undefined without one.
 */
export function bookingAskedInstead(context: TurnContext): string | undefined {
  return context.turnState.get(BOOKING_INSTEAD) as string | undefined;
}

/**
 * The state of a handoff waterfall (`waterfall`) in a dialog instance's stack, when the active
 * dialog (the last of the stack) is the prompt `prompt`; undefined otherwise or without options.
 */
function waitingAt<V>(instance: DialogInstance, waterfall: string, prompt: string): { options: HandoffOptions; values?: V } | undefined {
  const stack = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } } | undefined)?.dialogs?.dialogStack ?? [];
  const state = stack.find((d) => d.id === waterfall)?.state as { options?: HandoffOptions; values?: V } | undefined;
  if (stack[stack.length - 1]?.id !== prompt || !state?.options) return undefined;
  return { options: state.options, values: state.values };
}

/** Why the person was asked for, when a dialog instance waits at the live choice between the chat and a call back. */
function pendingLiveChoice(instance: DialogInstance): HandoffReason | undefined {
  const waiting = waitingAt<{ live?: boolean }>(instance, HANDOFF_WATERFALL, CHOICE_PROMPT);
  return waiting?.values?.live ? waiting.options.reason : undefined;
}

/** Why the person was asked for, when a dialog instance waits for the message the patient agreed to leave. */
function pendingMessage(instance: DialogInstance): HandoffReason | undefined {
  return waitingAt(instance, HANDOFF_MESSAGE_WATERFALL, HANDOFF_MESSAGE_PROMPT)?.options.reason;
}

/** The callback a dialog instance waits to hear the reason of: its number was given. */
function pendingCallback(instance: DialogInstance): { reason: HandoffReason; phone: string } | undefined {
  const waiting = waitingAt<{ phone?: string }>(instance, HANDOFF_WATERFALL, HANDOFF_REASON_PROMPT);
  const phone = waiting?.values?.phone;
  return waiting && phone ? { reason: waiting.options.reason, phone } : undefined;
}
