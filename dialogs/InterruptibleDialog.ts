import type { TurnContext } from 'botbuilder';
import { DialogContextError, DialogTurnStatus, type Choice, type DialogContext, type DialogInstance, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import { AgendaUnavailableError } from '../src/agenda/Agenda';
import { LocationNames } from '../src/booking/LocationNames';
import { newMemory } from '../src/conversation/ConversationMemory';
import { turnSafetyOf } from '../src/bot/TurnSafety';
import type { HandoffOptions } from './HandoffDialog';
import { fold } from '../src/conversation/AnswerWords';
import { BaseDialog } from './BaseDialog';
import { ownChoiceIn } from './SynonymChoicePrompt';
import type { Locale } from '../src/config/AppConfig';
import type { Reply } from '../src/conversation/Reply';
import { BIRTH_DATE_PROMPT, DELETE_DATA_DIALOG, EMAIL_PROMPT, FREE_TEXT_PROMPTS, HANDOFF_DIALOG, HANDOFF_PHONE_PROMPT, HANDOFF_REASON_PROMPT, NAME_PROMPT, PHONE_PROMPT, SINCE_PROMPT, SLOT_PROMPT } from './dialogIds';
import { readDayWish } from './DayWish';

/**
 * A dialog that can be interrupted at any step, after the pattern of botbuilder's samples:
 * the stop words (locale `booking.words`) end it; help explains and asks the question again; a request
 * for a person brings one in (every interruptible dialog has the handoff dialog), and the
 * delete-data command the confirmed deletion (found in the bot's own flows above); an emergency
 * ends it with the instruction; a FAQ question asked mid-flow is
 * answered, and the dialog resumes where it was. The words come from the router, not a list here.
 */
export abstract class InterruptibleDialog extends BaseDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    try {
      return (await this.interrupt(innerDc)) ?? (await super.onContinueDialog(innerDc));
    } catch (err) {
      if (!isAgendaUnavailable(err)) throw err;
      return this.agendaUnavailable(innerDc);
    }
  }

  /**
   * The practice's agenda could not be read or written (slots, a booking, a cancellation, a
   * move): say so, say that nothing was booked or changed, and offer a callback.
   */
  private async agendaUnavailable(innerDc: DialogContext): Promise<DialogTurnResult> {
    const locale = await this.locale(innerDc.context);
    await this.send(innerDc.context, { text: this.t(locale, 'booking.agendaUnavailable') }, locale);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(HANDOFF_DIALOG, { reason: 'agenda-unavailable' } satisfies HandoffOptions);
  }

  /**
   * The answer to "do you want to stop?": a yes (or a stop word) ends the dialog, a no goes on
   * with the question on screen; anything else is taken as if the question had not been asked.
   */
  private async answerToStop(innerDc: DialogContext, text: string, locale: Locale): Promise<DialogTurnResult | undefined> {
    const state = innerDc.stack[0]?.state as StopState | undefined;
    if (!state?.stopAsked) return undefined;
    delete state.stopAsked;
    const said = (k: 'yes' | 'no') => fold(text) === fold(this.t(locale, `booking.stopAsk.${k}`));
    const exact = this.deps.router.exactIntent(text);
    // A no or a go-on word outranks the stop word it is said with ("oh no, don't stop! go on"),
    // which the router reads as a stop (a seventeenth patient-style test lost the booking on it).
    const { answers } = this.deps;
    const goesOn = answers.opener(text) === 'no' || answers.yesNo(text) === 'no' || answers.clauses(text).some((c) => answers.isResume(c));
    const answer = said('yes') ? 'yes' : said('no') || goesOn ? 'no' : exact === 'stop' ? 'yes' : answers.yesNo(text);
    if (answer === 'yes') {
      await this.send(innerDc.context, this.stoppedReply(innerDc, locale), locale);
      return innerDc.cancelAllDialogs();
    }
    if (answer !== 'no') return undefined;
    await this.send(innerDc.context, { text: this.t(locale, 'booking.stopAsk.goOn') }, locale);
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /** Asks whether to stop; the next message is its answer ({@link answerToStop}). */
  private async askBeforeStopping(innerDc: DialogContext, locale: Locale): Promise<DialogTurnResult> {
    (innerDc.stack[0].state as StopState).stopAsked = true;
    const choices = (['yes', 'no'] as const).map((k) => ({ label: this.t(locale, `booking.stopAsk.${k}`), value: this.t(locale, `booking.stopAsk.${k}`) }));
    await this.send(innerDc.context, { text: this.t(locale, 'booking.stopAsk.ask'), choices }, locale);
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * True when the message stops a flow whose answers are all given (a booking's summary): even a
   * plain stop then asks first. False by default.
   */
  protected stopsFinishedAnswers(_innerDc: DialogContext, _text: string, _locale: Locale): boolean {
    return false;
  }

  /**
   * A message that corrects an answer given before, handled by the dialog that keeps the
   * answers; undefined when it is none (the default: a dialog without answers to correct).
   */
  protected async correct(_innerDc: DialogContext, _text: string, _locale: Locale): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /**
   * The locale key of what to say when a command names what this dialog is already doing (see
   * CancelBookingDialog), so that it goes on instead of stopping; undefined by default.
   */
  protected alreadyDoing(_innerDc: DialogContext, _text: string): string | undefined {
    return undefined;
  }

  /**
   * A request to cancel that the dialog takes on instead of stopping (see CancelBookingDialog's
   * correction of a contact detail); undefined by default: the dialog stops.
   */
  protected async cancelInstead(_innerDc: DialogContext, _text: string): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /** What the dialog says when it stops on the patient's word (locale key): by default that it stopped. */
  protected stoppedKey(): string {
    return 'cancelled.text';
  }

  /** The reply when the dialog stops on the patient's word: the {@link stoppedKey} text with the main actions. */
  protected stoppedReply(_innerDc: DialogContext, locale: Locale): Reply {
    return { text: this.t(locale, this.stoppedKey()), choices: this.deps.composer.mainActions(locale) };
  }

  /**
   * Whether a soft way of giving up ("never mind") asks first whether to stop this dialog
   * (`booking.stopAsk`), instead of ending it: where much has been filled in. Not by default.
   */
  protected asksBeforeStopping(): boolean {
    return false;
  }

  /**
   * Whether the question on screen explains itself when asked what it means (BaseDialog's detail
   * questions say why they are asked, "since when?" gives examples): by default the booking's.
   */
  protected explainsItself(promptId: string): boolean {
    return SELF_EXPLAINING_PROMPTS.has(promptId);
  }

  /**
   * An answer given within a flow, which shows no main buttons, with its pointer to the person
   * button ("choose 'Talk to someone' below") turned into the word to type for one: a thirteenth
   * patient-style test was sent to a button that was not there.
   */
  private withoutButtonPointer(answer: string, locale: Locale): string {
    const pointer = this.t(locale, 'booking.pointToPerson.button', { label: this.deps.composer.action(locale, 'person').label });
    const typed = this.t(locale, 'booking.pointToPerson.typed');
    const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    return answer.split(pointer).join(typed).split(capital(pointer)).join(capital(typed));
  }

  /** A clause of the message is the delete-data command ("delete my data, I don't trust this"). */
  private deletionIn(text: string): boolean {
    const clauses = this.deps.answers.clauses(text);
    return clauses.length > 1 && clauses.some((c) => this.deps.router.exactIntent(c) === 'delete-data');
  }

  /**
   * Whether the message is an answer the question on screen reads, whatever else the router reads
   * in it: at a detail's question a detail named as wrong ("oops, my phone number is not right"),
   * at the free times a day or time wished for or refused ("Monday won't work for me any more,
   * Tuesday rather"), at the summary a detail to change ("that number is not right any more, I have
   * a new one"). The router's learned weights tie "not any more" and "rather" to asking for a
   * person: a ninth patient-style test got the callback offer with the booking set aside.
   */
  private answersOpenQuestion(active: DialogInstance | undefined, text: string): boolean {
    const id = active?.id ?? '';
    const { answers } = this.deps;
    if (DETAIL_PROMPTS.has(id)) return this.detailCorrection(text) !== undefined;
    if (id === SLOT_PROMPT) return readDayWish(text, this.dayWords()) !== undefined;
    const validations = (active?.state as { options?: { validations?: { acceptChange?: boolean } } } | undefined)?.options?.validations;
    if (!validations?.acceptChange) return false;
    return answers.changeOf(text) !== undefined || (answers.isCorrection(text) && this.detailCorrection(text) !== undefined);
  }

  /**
   * At the free times, a message that opens with a question word ("how much does it cost then",
   * "can my daughter come along") asks something, also without a question mark, when the times
   * read nothing in it (no day or time, no location): it got "I did not understand" there, while
   * an answer never starts so (an eleventh patient-style test).
   */
  private asksAtTimes(active: DialogInstance | undefined, text: string): boolean {
    if (active?.id !== SLOT_PROMPT || !this.deps.answers.isQuestion(text)) return false;
    this.locationNames ??= new LocationNames(this.deps.knowledge.practice.locations);
    return !this.answersOpenQuestion(active, text) && this.locationNames.in(text) === undefined;
  }

  private locationNames?: LocationNames;

  /**
   * At a yes-or-no question, a yes or no with a question after it ("yes, and by the way, how
   * long does a first visit take?", "no, do I need one? and can I park there?"): the question
   * is answered and the yes or no is left as the whole message for the question on screen, which
   * then goes on. Both were read as doubt and neither taken (a nineteenth patient-style test).
   * True when it answered; only a question the router places with a topic counts.
   */
  private async answeredBesideYesNo(innerDc: DialogContext, active: DialogInstance | undefined, text: string, locale: Locale): Promise<boolean> {
    const { answers, router, composer } = this.deps;
    const said = answers.opener(text);
    if (!said) return false;
    const choices = (active?.state as { options?: { choices?: (Choice | string)[] } } | undefined)?.options?.choices ?? [];
    const labels = choices.map((c) => (typeof c === 'string' ? c : c.value));
    const label = labels.find((l) => answers.yesNo(l) === said);
    if (!label || !labels.some((l) => answers.yesNo(l) === (said === 'yes' ? 'no' : 'yes'))) return false;
    const rest = text.trim().replace(/^[^\s,.!:;?]+[\s,.!:;]*/u, '');
    if (!rest || !rest.includes('?')) return false;
    // Each question on its own, also without what leads into it ("and by the way, how long ...?"
    // is placed by its last part only).
    const topicOf = (q: string) => {
      const d = router.route(q, { locale, safetyChecked: true });
      return d.intent === 'faq' && d.topic ? d.topic : undefined;
    };
    const questions = rest.split(/(?<=\?)/u).map((q) => q.trim()).filter((q) => q.includes('?'));
    // Without a comma the words that lead in ("and by the way how long ...?") are taken off.
    const placed = (q: string) => topicOf(q) ?? topicOf(q.slice(q.lastIndexOf(',') + 1)) ?? topicOf(answers.withoutAsideLead(q));
    const topics = [...new Set(questions.map(placed).filter((t): t is string => t !== undefined))];
    if (!topics.length) return false;
    for (const topic of topics) {
      const answer = composer.answer(topic, locale).text;
      await this.send(innerDc.context, { text: this.withoutButtonPointer(answers.withoutBookingOffer(answer), locale) }, locale);
    }
    // The question on screen reads only the yes or no, as if that was all that was typed.
    innerDc.context.activity.text = label;
    return true;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const text = (context.activity.text ?? '').trim();
    if (!text) return undefined;
    const locale = await this.locale(context);
    const { router, composer } = this.deps;
    const active = waitingPrompt({ dialogStack: innerDc.stack });
    const stopAsked = await this.answerToStop(innerDc, text, locale);
    if (stopAsked) return stopAsked;
    // A finished set of answers is not thrown away on one word: the stop, also the summary's own
    // stop button, asks first (a seventeenth patient-style test lost 18 answers on one "stop", and
    // "oh no, don't stop! go on" could not bring them back).
    if (this.stopsFinishedAnswers(innerDc, text, locale) && innerDc.stack[0]) return this.askBeforeStopping(innerDc, locale);
    // A button the dialog itself offers (cancel, move), or a way of saying one, is an answer, not a command.
    if (answersOffered(active, text)) return undefined;
    // "One moment" (also with why: "one moment, my phone is ringing"): the question stays open, and the next message is its answer.
    if (this.deps.answers.opensWithWait(text)) {
      await this.send(context, { text: this.t(locale, 'booking.wait') }, locale);
      return { status: DialogTurnStatus.waiting };
    }
    if (this.statements.saysBackFromWait(text, locale)) {
      await this.send(context, { text: this.t(locale, 'booking.backFromWait') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const exact = router.exactIntent(text);
    if (exact === 'stop' && this.asksBeforeStopping() && this.deps.answers.isSoftStop(text) && innerDc.stack[0]) return this.askBeforeStopping(innerDc, locale);

    // The flow's own command typed again ("move", at the move's free times) is what the patient is
    // already doing: said so, and the question asked again (it stopped the move: an eleventh patient-style test).
    const doing = exact === 'cancel-booking' ? this.alreadyDoing(innerDc, text) : undefined;
    if (doing) {
      await this.send(context, { text: this.t(locale, doing) }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // "Never mind, just cancel it" reads as starting over; its cancel word may still be the wish.
    const instead = exact === 'stop' || exact === 'cancel-booking' || exact === 'restart' ? await this.cancelInstead(innerDc, text) : undefined;
    if (instead) return instead;
    if (exact === 'stop' || exact === 'cancel-booking' || exact === 'restart') {
      await this.send(context, this.stoppedReply(innerDc, locale), locale);
      return innerDc.cancelAllDialogs();
    }
    // The delete-data command is never an answer (a name, a complaint): it asks, then deletes.
    // Also as a clause of a sentence ("delete my data, I don't trust this": it got "that date I
    // do not recognise"). The bot sets a booking aside for the question, so that a no or a stop
    // there keeps it (it was dropped with a plain "stopped").
    if (exact === 'delete-data' || this.deletionIn(text)) {
      const parks = context.turnState.get(PARKS_FLOW) as ParkRequest | undefined;
      if (parks) {
        parks.forDeletion = true;
        return { status: DialogTurnStatus.waiting };
      }
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DELETE_DATA_DIALOG);
    }
    if (exact === 'help') {
      await this.send(context, { text: this.t(locale, 'booking.help') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // A red flag outranks the running flow: its tier's instruction, and the flow ends.
    // The bot checked this message once for the turn; only a dialog run without it checks here.
    const checked = turnSafetyOf(context);
    const flag = checked ? checked.flag : this.deps.safety.check(text);
    if (flag) {
      const memory = await this.deps.memory.get(context, newMemory());
      for (const reply of this.deps.safety.alarm(flag, memory, locale)) await this.send(context, reply, locale);
      return innerDc.cancelAllDialogs();
    }
    // Impatience with the questions at a choice ("pfff, this takes far too long"), with no yes or no
    // in it: acknowledged, and the same question again (it got "I did not quite understand"). At a
    // free-text question "it has taken too long" may be the answer (since when?).
    const { answers } = this.deps;
    if (active && !FREE_TEXT_PROMPTS.has(active.id) && answers.isImpatient(text) && !answers.opener(text) && !answers.yesNo(text)) {
      await this.send(context, { text: this.t(locale, 'booking.impatient') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // "What do you mean?" at a question is about that question: no answer (the code's question
    // read a bare "?" as a code it did not know) and no topic ("what do you mean?" got what
    // osteoarthritis is, at the booking's first question). A question that explains itself (why
    // the date of birth, examples of "since when") does so; any other is asked again.
    if (this.deps.answers.asksWhatMeant(text)) {
      if (active && this.explainsItself(active.id)) return undefined;
      await this.send(context, { text: this.t(locale, 'booking.whatMeant') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // "No wait, the right one": an answer given before is changed, and the question on screen asked again.
    const corrected = await this.correct(innerDc, text, locale);
    if (corrected) return corrected;
    if (await this.answeredBesideYesNo(innerDc, active, text, locale)) return undefined;
    const decision = router.route(text, { locale, safetyChecked: true });
    // A FAQ question mid-flow is answered; an answer to the question on screen never is. At a
    // choice, what the choice understands (a joint with its side) is an answer; otherwise only a
    // message that asks something is taken for a question ("half a year" answering "since when?" is not one).
    const freeText = FREE_TEXT_PROMPTS.has(active?.id ?? '');
    const labels = ((active?.state as { options?: { choices?: ({ value: string } | string)[] } } | undefined)?.options?.choices ?? [])
      .map((c) => (typeof c === 'string' ? c : c.value));
    const answersChoice = labels.length > 0 && (this.deps.answers.choose(text, labels) !== undefined || this.deps.answers.isYesOrNo(text));
    // Asking for a person in one's own words is a request for a person, as the exact command is.
    // At a free-text question only a sentence counts ("can I not just talk to someone?"): a
    // name (one that holds the Dutch word for a person) or a duration is an answer. In the callback's own questions it is one too.
    const sentence = freeText && !HANDOFF_PROMPTS.has(active?.id ?? '') && this.deps.answers.isSentence(text);
    // Within the callback offer itself ("yes, call me back"), it is its answer, not a new request.
    // An answer the open question reads (a detail named as wrong, a day wished for) is no wish
    // for a person either, however the router reads it (answersOpenQuestion).
    const requested = exact === 'handoff' || (decision.intent === 'handoff' && (freeText ? sentence : !answersChoice) && !this.answersOpenQuestion(active, text));
    if (requested && !runsHandoff({ dialogStack: innerDc.stack })) {
      // The bot sets the flow aside and brings the person in, as for the exact command, so that
      // "verder" finds the booking afterwards (it was lost after a request in one's own words).
      const parks = context.turnState.get(PARKS_FLOW) as ParkRequest | undefined;
      if (parks) {
        parks.forPerson = true;
        return { status: DialogTurnStatus.waiting };
      }
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(HANDOFF_DIALOG, { reason: 'requested' });
    }
    const asks = text.includes('?') || (!freeText && this.deps.answers.isQuestion(text)) || this.asksAtTimes(active, text);
    if (decision.intent === 'faq' && decision.topic && !answersChoice && asks) {
      // Without the offer to book that closes some answers: the patient is in a flow already.
      const answer = composer.answer(decision.topic, locale).text;
      await this.send(context, { text: this.withoutButtonPointer(this.deps.answers.withoutBookingOffer(answer), locale) }, locale);
      await this.send(context, { text: this.t(locale, 'booking.resume') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}

/** Where a dialog keeps, for one turn, that it asked whether to stop. */
interface StopState {
  stopAsked?: boolean;
}

/** The questions for the patient's details, where a detail named as wrong is corrected. */
const DETAIL_PROMPTS: ReadonlySet<string> = new Set([NAME_PROMPT, BIRTH_DATE_PROMPT, PHONE_PROMPT, EMAIL_PROMPT]);
/** The questions that say what they are for when asked what they mean (see InterruptibleDialog.explainsItself). */
const SELF_EXPLAINING_PROMPTS: ReadonlySet<string> = new Set([...DETAIL_PROMPTS, SINCE_PROMPT]);

/** The callback's own free-text questions: what is typed there is for the receptionist. */
const HANDOFF_PROMPTS: ReadonlySet<string> = new Set([HANDOFF_PHONE_PROMPT, HANDOFF_REASON_PROMPT]);

/** True for an {@link AgendaUnavailableError}, also as botbuilder wraps it on its way up the stack. */
function isAgendaUnavailable(err: unknown): boolean {
  let e = err;
  while (e instanceof DialogContextError) e = e.error;
  return e instanceof AgendaUnavailableError;
}

/**
 * Whether `text` answers the choice the waiting prompt offers: its label, or one of the choice's
 * own synonyms (another verb for "move"), also within a sentence ("cancel it please"). Such an
 * answer is never taken for a command ("cancel" at "what would you like to do?" cancels the
 * appointment, not the talk); one the prompt cannot read (two choices, a negation) is asked again.
 */
export function answersOffered(active: DialogInstance | undefined, text: string): boolean {
  const choices = (active?.state as { options?: { choices?: (Choice | string)[] } } | undefined)?.options?.choices ?? [];
  if (!choices.length) return false;
  const labels = choices.map((c) => (typeof c === 'string' ? c : c.value));
  const t = fold(text);
  return labels.some((l) => fold(l) === t) || ownChoiceIn(text, choices) !== undefined;
}

const PARKS_FLOW = Symbol('fysio-assistent flow set aside for a person or a deletion');

/** What this turn's flow handed back to the bot to set it aside for. */
interface ParkRequest {
  forPerson?: boolean;
  forDeletion?: boolean;
}

/**
 * Lets this turn's flow hand a request for a person, or to delete the patient's data, back to
 * the bot, which sets the flow aside and starts the handoff or the deletion's question (see
 * {@link personAsked}, {@link deletionAsked}). Without it (a dialog run without the bot), the
 * flow starts them itself.
 */
export function parkForPersonThisTurn(context: TurnContext): void {
  context.turnState.set(PARKS_FLOW, {} satisfies ParkRequest);
}

/** Whether this turn's flow handed a request for a person back to the bot (see {@link parkForPersonThisTurn}). */
export function personAsked(context: TurnContext): boolean {
  return (context.turnState.get(PARKS_FLOW) as ParkRequest | undefined)?.forPerson === true;
}

/** Whether this turn's flow handed a request to delete the patient's data back to the bot (see {@link parkForPersonThisTurn}). */
export function deletionAsked(context: TurnContext): boolean {
  return (context.turnState.get(PARKS_FLOW) as ParkRequest | undefined)?.forDeletion === true;
}

/** Whether the handoff dialog runs anywhere in a dialog stack (the callback offered within a booking). */
export function runsHandoff(state: Partial<DialogState> | undefined): boolean {
  for (const instance of state?.dialogStack ?? []) {
    if (instance.id === HANDOFF_DIALOG) return true;
    if (runsHandoff((instance.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs)) return true;
  }
  return false;
}

/**
 * The prompt waiting for an answer in a dialog stack, read from the state: a ComponentDialog
 * keeps its inner stack under `dialogs` in its instance state. Walking `DialogContext.child`
 * instead would build a dialog context, with its memory scopes, per level.
 */
export function waitingPrompt(state: Partial<DialogState> | undefined): DialogInstance | undefined {
  const stack = state?.dialogStack;
  if (!stack?.length) return undefined;
  let instance: DialogInstance | undefined = stack[stack.length - 1];
  for (;;) {
    const inner: DialogInstance[] | undefined = (instance?.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs?.dialogStack;
    if (!Array.isArray(inner) || !inner.length) return instance;
    instance = inner[inner.length - 1];
  }
}

