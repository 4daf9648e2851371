import { ActivityHandler, ActivityTypes, TurnContext, type BotState, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { flowOptions, type FlowDialogs } from '../../dialogs/FlowDialogs';
import { bookingAskedInstead } from '../../dialogs/HandoffDialog';
import { CancelBookingDialog, type CancelOptions } from '../../dialogs/CancelBookingDialog';
import { bookingAtSummary } from '../../dialogs/BookingDialog';
import { answersOffered, deletionAsked, parkForPersonThisTurn, personAsked, runsHandoff, waitingPrompt } from '../../dialogs/InterruptibleDialog';
import { BaseDialog } from '../../dialogs/BaseDialog';
import { leadAnswer, type ReadsHedges } from '../../dialogs/SynonymChoicePrompt';
import { CHOICE_PROMPT, FREE_TEXT_PROMPTS, MEMORY_PROMPTS, NAME_PROMPT, SINCE_PROMPT } from '../../dialogs/dialogIds';
import { RECONNECTED_EVENT } from '../channels/directline/DirectLineRoutes';
import type { Locale } from '../config/AppConfig';
import type { ActivityRenderer } from '../channels/ActivityRenderer';
import { newMemory, type ConversationMemory } from '../conversation/ConversationMemory';
import type { Flow, MessageResponder } from '../conversation/MessageResponder';
import type { AnswerWords } from '../conversation/AnswerWords';
import type { EnglishOffer } from '../conversation/EnglishOffer';
import type { Reply } from '../conversation/Reply';
import type { ReplyComposer } from '../conversation/ReplyComposer';
import type { SafetyDesk, SaidBefore } from '../conversation/SafetyDesk';
import { resolveLocale } from '../i18n/Translator';
import { findReferenceCode } from '../booking/ReferenceCode';
import { popHistory, pushHistory } from './DialogHistory';
import { DialogTurnPresets } from './DialogTurnPresets';
import { setTurnLocale } from './TurnLocale';
import { setTurnSafety } from './TurnSafety';
import { pseudonym, type Logger } from '../logging/Logger';
import { CRISIS_NET_RULE } from '../safety/CrisisNet';
import { joinFlags, type RedFlag } from '../safety/RedFlagDetector';
import type { Tier } from '../safety/Tier';
import type { Router } from '../understanding/Router';
import type { RouteIntent } from '../understanding/types';
import type { HandoffService } from '../handoff/HandoffService';
import type { RecentLines } from '../handoff/RecentLines';
import { ConversationBusyError, type ConversationLocks } from '../util/ConversationLocks';
import { systemClock, type Clock } from '../util/Clock';
import type { TypedNames } from '../conversation/TypedNames';
import type { PatientStatements } from '../../dialogs/PatientStatements';

/** What the bot needs; built by the composition root. */
export interface FysioBotDeps {
  conversationState: BotState;
  userState: BotState;
  memory: StatePropertyAccessor<ConversationMemory>;
  /** The dialogs of the flows a message can start (booking, a person, …). */
  flows: FlowDialogs;
  /** What a message states about the patient ("I have one already", "I'm back"), read as the flows read it. */
  statements: PatientStatements;
  router: Router;
  responder: MessageResponder;
  composer: ReplyComposer;
  renderer: ActivityRenderer;
  logger: Logger;
  defaultLocale: Locale;
  maxMessageChars: number;
  handoff: HandoffService;
  recent: RecentLines;
  /** One conversation's turns one at a time (also across instances); none: no queue (tests). */
  turns?: ConversationLocks;
  /** Red flags, checked on every message before anything else. */
  safety: SafetyDesk;
  /** Back, later, go on: the words that move around in a flow. */
  answers: AnswerWords;
  /** The English welcome, for a channel whose locale is English, and the emergency numbers in English after an alarm. */
  english?: EnglishOffer;
  /** Times the lines kept for a handoff, which the retention job sweeps by the same clock. */
  clock?: Clock;
  /** A name typed in lower case at the name question ("jan de vries"); without it only a capitalised name reads as one after the crisis question. */
  names?: TypedNames;
}

/** Flows a patient can park with "later" and resume with "go on". */
const PARKABLE: ReadonlySet<Flow> = new Set(['booking', 'cancel-booking']);
/**
 * What setting a flow aside did: set it aside; dropped it, as a booking waits set aside already;
 * or set it (a booking) aside in place of the cancellation that waited (see FysioBot.park).
 */
type Parking = 'parked' | 'dropped' | 'replaced';

/** Questions back that "back" can go. */
const HISTORY_KEPT = 8;

/** The most words of an everyday message whose topic or practical words outweigh a crisis only the net reads (see everydayShort). */
const SHORT_QUESTION_WORDS = 15;
/** The most words of a value typed after the crisis question for the flow set aside (a date, a code, "sinds 3 weken"). */
const VALUE_WORDS = 4;
/** Requests the router reads that a message held back by the crisis question still makes after a no. */
const SURE_REQUESTS: ReadonlySet<RouteIntent> = new Set<RouteIntent>(['booking', 'cancel-booking', 'handoff', 'appointment-lookup']);

/**
 * The Bot Framework shell: greets new conversations, keeps the locale, handles the commands
 * that work anywhere (opnieuw, Vlaams/Nederlands), answers messages and runs the flows' dialogs.
 * While a flow runs, its dialog gets the message. Otherwise the {@link MessageResponder}
 * decides: a message answered in one turn (a FAQ answer, a clarifying question, small talk, an
 * emergency instruction: most messages) is answered here, without a dialog context, since
 * botbuilder-dialogs would cost as much CPU as the rest of such a turn and nothing of it would
 * be used; a message that starts a flow begins that flow's dialog. Saves state every turn.
 */
export class FysioBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly presets = new DialogTurnPresets();
  private readonly userLocale: StatePropertyAccessor<Locale | undefined>;
  /** A flow set aside with "later" (or for a person), with everything answered so far. */
  private readonly parked: StatePropertyAccessor<DialogState | undefined>;
  /** The running flow's dialog stack before each answer that moved it on, for "back" (see DialogHistory). */
  private readonly history: StatePropertyAccessor<string[]>;
  private readonly parkedHistory: StatePropertyAccessor<string[] | undefined>;

  constructor(private readonly deps: FysioBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    for (const dialog of Object.values(deps.flows)) this.dialogs.add(dialog);
    this.userLocale = deps.userState.createProperty<Locale | undefined>('locale');
    this.parked = deps.conversationState.createProperty<DialogState | undefined>('parkedDialogs');
    this.history = deps.conversationState.createProperty<string[]>('dialogHistory');
    this.parkedHistory = deps.conversationState.createProperty<string[] | undefined>('parkedHistory');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const memory = await this.deps.memory.get(context, newMemory());
        if (!memory.welcomed) {
          memory.welcomed = true;
          const locale = await this.localeOf(context, memory);
          const english = /^en\b/i.test(context.activity.locale ?? '') && this.deps.english;
          const welcome = english ? english.welcome() : this.deps.composer.welcome(locale);
          // The English welcome offers booking here in Dutch: a yes takes that.
          if (english) memory.offer = { take: this.deps.composer.action(locale, 'book').value, from: 'english' };
          for (const reply of welcome) await context.sendActivity(this.deps.renderer.render(reply, english ? 'en' : locale));
        }
      }
      await next();
    });
  }

  /**
   * A message goes straight to {@link handleMessage}. ActivityHandler would pass it through
   * three lists of handlers first (turn, message, dialog), none of which has one here: each a
   * chain of async closures, a twentieth of what a turn allocates. Other activities take
   * ActivityHandler's way (members added: the welcome).
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) await this.handleMessage(context);
    else if (context.activity.type === ActivityTypes.Event && context.activity.name === RECONNECTED_EVENT) await this.reconnected(context);
    else await super.onTurnActivity(context);
  }

  /**
   * Runs the turn, then saves conversation and user state even when a handler failed. Turns of
   * one conversation wait for each other: a double confirm (two taps, two instances) then
   * finds the booking the first made instead of racing it and overwriting its state.
   */
  override async run(context: TurnContext): Promise<void> {
    const id = context.activity.conversation?.id;
    const { turns } = this.deps;
    if (!turns || !id) return this.runNow(context);
    try {
      await turns.run(`turn:${context.activity.channelId}:${id}`, () => this.runNow(context));
    } catch (err) {
      if (!(err instanceof ConversationBusyError)) throw err;
      await this.busy(context, err);
    }
  }

  /**
   * The conversation's previous turn still runs after TURN_LOCK_WAIT_SECONDS (or every lock
   * connection is in use): this message was not handled. The patient is asked to send it again,
   * unless it carries a red flag, whose instruction goes out at once and whose tier is kept
   * once the turn that holds the lock has saved (see {@link rememberAlarm}). Nothing else is
   * saved: the state belongs to that turn.
   */
  private async busy(context: TurnContext, err: ConversationBusyError): Promise<void> {
    const { composer, safety, logger } = this.deps;
    const activity = context.activity;
    logger.warn({ event: 'turn_busy', waitedMs: err.waitedMs, conversation: pseudonym(activity.conversation?.id), channel: activity.channelId }, 'conversation busy; message not handled');
    if (activity.type !== ActivityTypes.Message) return;
    const memory = await this.deps.memory.get(context, newMemory()).catch(() => newMemory());
    const locale = await this.localeOf(context, memory).catch(() => resolveLocale(activity.locale, this.deps.defaultLocale));
    const full = typeof activity.text === 'string' ? activity.text : '';
    const flag = this.deps.router.exactIntent(full.slice(0, this.deps.maxMessageChars)) ? undefined : safety.check(full);
    if (flag) {
      for (const reply of safety.alarm(flag, { ...memory }, locale)) await this.send(context, reply, locale);
      this.rememberAlarm(context, flag.tier, flag.beside);
      return;
    }
    await this.send(context, composer.say(locale, 'error.busy'), locale);
  }

  /**
   * Adds a tier given while another turn held the conversation to the state that turn saves,
   * by queueing for the conversation's lock once more, and stops the flow that ran: without it
   * the next turns would go on booking and leave out the reminder. In the background, since the
   * patient already has the instruction and a channel may not wait a second lock's time for the
   * reply to its request.
   */
  private rememberAlarm(context: TurnContext, tier: Tier, beside?: Tier): void {
    const { turns, conversationState, memory, safety, logger } = this.deps;
    const id = context.activity.conversation?.id;
    if (!turns || !id) return;
    // A context of its own: the busy turn's has the state as it was before the holder saved.
    const later = new TurnContext(context.adapter, context.activity);
    const work = turns
      .run(`turn:${context.activity.channelId}:${id}`, async () => {
        await conversationState.load(later, true);
        const kept = await memory.get(later, newMemory());
        safety.remember(tier, kept, beside);
        kept.lastReply = undefined;
        // As in a turn that gives the alarm itself: the flow that ran stops, nothing waits set aside,
        // unless the tier leaves booking open (the GP this week). A crisis only the net read gets
        // the crisis text here, not the question: this turn cannot wait for an answer.
        if (!safety.bookingAllowed(kept)) {
          await (await this.dialogContext(later)).cancelAllDialogs();
          await this.dropSetAside(later);
        }
        await conversationState.saveChanges(later, false);
      })
      .then(
        () => logger.info({ event: 'alarm_remembered', tier, conversation: pseudonym(id) }, 'red flag of a busy turn kept'),
        (err: unknown) =>
          logger.error({ event: 'alarm_not_remembered', tier, conversation: pseudonym(id), busy: err instanceof ConversationBusyError }, 'red flag of a busy turn not kept'),
      )
      .finally(() => this.background.delete(work));
    this.background.add(work);
  }

  /** Work still running after its turn (a red flag of a busy turn being kept); awaited at shutdown. */
  private readonly background = new Set<Promise<void>>();

  /** Resolves when the work a turn left running has finished (the app awaits it before closing storage). */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  private async runNow(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = Date.now();
    const memory = await this.deps.memory.get(context, newMemory());
    this.offerOnlyWhatIsAllowed(context, memory);
    const activity = context.activity;
    const full = typeof activity.text === 'string' ? activity.text : '';
    if (full.length > this.deps.maxMessageChars) activity.text = full.slice(0, this.deps.maxMessageChars);
    const text = typeof activity.text === 'string' ? activity.text : '';
    const command = this.deps.router.exactIntent(text);
    const { composer, renderer, safety } = this.deps;
    // A red flag outranks everything: any topic, any running flow, even a person holding the chat,
    // and any command the message also reads as ("I would rather not be here any more" holds the
    // words of a "rather not", a no). Read in the whole message: the router and the dialogs see only its first
    // MAX_MESSAGE_CHARS.
    // Messages from before the crisis question are not read with later ones: the question answered
    // them, and read with the message asked about, a plain "no" and the next question got the crisis
    // text (a ninth patient-style test).
    const now = (this.deps.clock ?? systemClock).now();
    const since = memory.crisisQuestionedAt ?? -Infinity;
    const earlier = (await this.saidBefore(activity.conversation.id)).filter((said) => said.at > since);
    let flag = safety.checkInConversation(full, earlier, memory, now);
    // After the crisis question the message asked about is not read again, so a correction is also
    // read without its words of correction, as SafetyDesk.mayCorrect reads one after the crisis
    // text: "you misread me, I bought a rope" hides from the net behind them (round 19).
    if (!flag && memory.crisisAsked && (this.deps.answers.saysMisread(text) || this.deps.answers.correctsWithNo(text))) flag = safety.check(this.deps.answers.withoutMisread(full));
    if (flag && this.answersFlow(flag, full, await this.dialogState.get(context, { dialogStack: [] }))) flag = undefined;
    // The message right after a no to the crisis question may take that no back ("well, actually
    // yes, sometimes I do think so"): the flow had gone on, and a thirteenth patient-style test's
    // take-back was stored as the answer to the step asked again. It is the question's yes.
    const declined = memory.crisisDeclined;
    memory.crisisDeclined = undefined;
    const takenBack = !flag && Boolean(declined) && this.deps.answers.takesBackNo(text);
    if (takenBack) flag = { tier: 'crisis', rule: CRISIS_NET_RULE };
    if (flag) flag = this.withQuestionsFlag(flag, text, await this.dialogState.get(context, { dialogStack: [] }));
    // The screening's yes and the crisis question (SafetyDesk.unsure) each last for the one message
    // after them, whatever it leads to. After the question a yes is that crisis; a plain no,
    // "verder" or the button goes back to the flow set aside with it (below); with a flow set
    // aside anything else is asked about once more, and then goes on with the flow, with the crisis
    // line in one line (goesOnAfterTwice). Without one, a
    // plain no or saying one is fine answers the message asked about (the patient need not type
    // it again), and anything else but a yes is handled as any message is: the question said to
    // type one's question.
    const screeningYes = memory.screeningYes;
    memory.screeningYes = undefined;
    // What the last reply offered with a question of its own, for this message only (a yes takes it).
    const offer = memory.offer;
    memory.offer = undefined;
    const asked = memory.crisisAsked;
    memory.crisisAsked = undefined;
    // The message the question held back (outside a flow), while the question is open: this message only.
    const askedAbout = memory.crisisAskedAbout;
    memory.crisisAskedAbout = undefined;
    // After a crisis text for an unsure flag, the messages that may still say it misread the patient.
    const misreadLeft = memory.crisisMisreadable ?? 0;
    memory.crisisMisreadable = misreadLeft > 1 ? misreadLeft - 1 : undefined;
    const parkedState = asked ? await this.parked.get(context) : undefined;
    const setAside = Boolean(parkedState);
    // Read only after the crisis question: the answer matters nowhere else.
    const answer = asked ? this.deps.answers.yesNo(text) : undefined;
    // A hedge, not knowing, or the question's other half ("sometimes", "I don't know", "it is going
    // very badly") counts as a yes: an eleventh patient-style test got "how can I help you" for them,
    // without the crisis line. The crisis text they get can still be said to have misread them.
    const yesLike = Boolean(asked) && (answer === 'yes' || this.deps.answers.isCrisisHedge(text));
    // Only a plain no goes back: "no, very badly" or "no, I just cannot go on" answers the question's
    // other half. So does saying one is fine or was misunderstood ("no, I am fine, the chat is slow"),
    // which a ninth patient-style test was asked about twice and then given the crisis text for.
    // A no with words that leave it one ("no sorry", "haha no", "no, I'm all right": AnswerWords.saysNo)
    // is as plain: a thirteenth patient-style test was asked about those again.
    const backToBooking = Boolean(asked) && !flag && !yesLike && (this.deps.answers.saysNo(text) || this.deps.answers.isResume(text) || this.deps.answers.saysMisread(text));
    // Outside a flow the question held back the message asked about ("how do I best help myself"):
    // such a no is answered by answering that message, which the patient need not type again.
    const answersAsked = backToBooking && !setAside && askedAbout !== undefined;
    // A date, a code or a number typed after the question answers the question of the flow set
    // aside (an eighth patient-style test typed the date of birth asked for twice, and got the
    // crisis text the second time): the flow goes on with it.
    // Only a value alone ("12 maart 1951", "sinds 3 weken"): "al 2 maanden gaat het heel slecht met me" answers the question.
    const typedForFlow = Boolean(asked) && setAside && !flag && !yesLike && !backToBooking && /\d/.test(text) && text.trim().split(/\s+/).length <= VALUE_WORDS;
    const askAgain = asked === 1 && !flag && !yesLike && !backToBooking && !typedForFlow && setAside;
    // Asked twice, a name typed as one ("Anna de Wit"), the answer the flow asked for: the patient
    // goes on with what they came for, with the crisis line once more in one line. It was taken as
    // the crisis, which gave a name the crisis text and lost the booking (a thirteenth
    // patient-style test). Only a name: a review found that going on with any other words let
    // despair through ("what does it matter", "everything is pointless"), and anything else said
    // twice after the question is still the crisis text.
    // Where the name is asked, a name typed in lower case too ("jan de vries", TypedNames: no word
    // of a sentence or of the crisis examples): it got the crisis text (a patient-style test).
    const typedName = this.deps.answers.looksLikeName(text) || (waitingPrompt(parkedState)?.id === NAME_PROMPT && Boolean(this.deps.names?.isLowercaseName(text)));
    const goesOnAfterTwice = asked === 2 && setAside && !flag && !yesLike && !backToBooking && !typedForFlow && typedName;
    if (asked && !flag && !backToBooking && !typedForFlow && !askAgain && !goesOnAfterTwice && (setAside || yesLike)) flag = { tier: 'crisis', rule: CRISIS_NET_RULE };
    if (backToBooking || typedForFlow || goesOnAfterTwice) memory.crisisDeclined = true;
    // The crisis text given for an unsure flag, said to have misread the patient ("no, I didn't mean
    // it like that, it is about my knee"), outside a flow: taken back (crisisMisread). Only a message
    // without a red flag, or with one of the unsure kind again ("I'm not suicidal" has the net's word).
    // Read only while the crisis text may still be taken back, and only for words of correction.
    const misread =
      misreadLeft > 0 &&
      // A no ("no, not at all", "no, really") corrects as it answers the question (a thirteenth patient-style test).
      (this.deps.answers.saysMisread(text) || this.deps.answers.correctsWithNo(text)) &&
      safety.mayCorrect(flag, memory, this.deps.answers.withoutMisread(full)) &&
      !(await this.dialogState.get(context, { dialogStack: [] })).dialogStack.length;
    if (misread) flag = undefined;
    // Checked once: the dialogs and the responder use this result.
    setTurnSafety(context, flag);

    // While a person holds the conversation the bot is silent and forwards what the patient says.
    // Only a conversation that opened a ticket can be held, so the others skip the query.
    const held = memory.ticketOpened ? await this.deps.handoff.heldBy(activity.conversation.id) : undefined;
    if (held) {
      if (command === 'release') {
        await this.deps.handoff.release(held.id);
        const locale = await this.localeOf(context, memory);
        await this.send(context, composer.say(locale, 'handoff.released', composer.mainActions(locale)), locale);
      } else {
        await this.deps.handoff.patientSays(held, text);
        if (flag) {
          const locale = await this.localeOf(context, memory);
          memory.lastReply = undefined;
          await this.dropSetAside(context);
          const replies = safety.alarm(flag, memory, locale);
          for (const reply of replies) await this.send(context, reply, locale);
          await this.deps.handoff.redFlagSeen(held, flag.tier, replies.map((r) => r.text));
        }
      }
      return;
    }
    await this.remember(context, text);

    if (command === 'switch-locale-nl' || command === 'switch-locale-be') {
      const locale: Locale = command === 'switch-locale-be' ? 'nl-BE' : 'nl-NL';
      memory.locale = locale;
      await this.userLocale.set(context, locale);
      await this.send(context, composer.say(locale, 'locale.switched', composer.mainActions(locale)), locale);
      return;
    }
    const locale = await this.localeOf(context, memory);
    if (command === 'restart') {
      const dc = await this.dialogContext(context);
      await dc.cancelAllDialogs();
      // Starting again drops a booking set aside too, and the way back.
      await this.parked.delete(context);
      await this.parkedHistory.delete(context);
      await this.history.delete(context);
      Object.assign(memory, newMemory(), { locale: memory.locale, welcomed: true, ticketOpened: memory.ticketOpened, safetyTier: memory.safetyTier, safetyAlso: memory.safetyAlso });
      await this.send(context, composer.say(locale, 'restart.done', composer.mainActions(locale)), locale);
      return;
    }
    const justBooked = memory.justBooked;
    memory.justBooked = undefined;
    const justChanged = memory.justChanged;
    memory.justChanged = undefined;
    const toldHasOne = memory.toldHasOne;
    memory.toldHasOne = undefined;
    if (justBooked && !flag && text.trim().toLowerCase() === composer.say(locale, 'booking.summary.confirm').text.toLowerCase()) {
      await this.send(context, composer.say(locale, 'booking.alreadyConfirmed', composer.mainActions(locale)), locale);
      return;
    }
    const dialogState = await this.dialogState.get(context, { dialogStack: [] });
    const cancelFlow = this.deps.flows['cancel-booking'];
    const contact = justChanged && !flag && !dialogState.dialogStack.length && cancelFlow instanceof CancelBookingDialog ? await cancelFlow.contactFixOf(text, justChanged) : undefined;
    if (contact && cancelFlow) {
      // "Sorry, I gave the wrong phone number" (or name, or date of birth): the right one is asked
      // and passed on with the booking's reference, not the cancel, move or keep question (the correction was lost).
      await (await this.dialogContext(context)).beginDialog(cancelFlow.id, { justMade: justChanged, contact } satisfies CancelOptions);
      return;
    }
    if (justChanged && !flag && !dialogState.dialogStack.length && cancelFlow instanceof CancelBookingDialog && cancelFlow.changeOfJustMade(text)) {
      // About the appointment just booked or moved ("sorry, I said yes by mistake"): what to do with it.
      await (await this.dialogContext(context)).beginDialog(cancelFlow.id, { justMade: justChanged } satisfies CancelOptions);
      return;
    }
    // A stack saved by an older version, whose dialogs this one no longer has, is dropped: the
    // message is then handled as if no flow ran, instead of failing the turn.
    if (dialogState.dialogStack.length && !this.dialogs.find(dialogState.dialogStack[0].id)) dialogState.dialogStack = [];
    // A channel without a join event (WhatsApp) hears what the bot is for with its first answer
    // (not with an alarm, which says one thing only).
    const notice = !memory.welcomed && !flag && activity.channelId === 'whatsapp' ? composer.purpose(locale) : undefined;
    if (notice) memory.welcomed = true;
    // A follow-up reads on from the bot's last answer; a flow or an alarm in between ends that
    // (the responder sets it again for the answers it gives).
    if (flag || dialogState.dialogStack.length) memory.lastReply = undefined;
    const parkedFlow = typedForFlow || goesOnAfterTwice ? await this.parked.get(context) : undefined;
    if (parkedFlow) {
      await this.restore(context, dialogState, parkedFlow);
      const resumed = composer.say(locale, 'booking.resume').text;
      await this.send(context, { text: goesOnAfterTwice ? `${resumed}\n${composer.reminder(locale, 'crisis')}` : resumed }, locale);
      await this.continueFlow(context, dialogState, text, command, locale);
    } else if (askAgain) {
      await this.askAboutCrisis(context, dialogState, memory, locale, 2);
    } else if (flag && safety.unsure(flag, memory, full) && (this.parkable(dialogState) || (!dialogState.dialogStack.length && (this.deps.answers.opensWithYesOrNo(full) || this.everydayShort(full, locale))))) {
      // In a flow, a reply that opens with a yes or no, or a short everyday message (everydayShort):
      // the net's reading of such a message is least sure ("no, that is not needed", "I won't
      // manage to come tomorrow after all", "how do I best help myself" got the crisis text), and
      // the question gives the line as well. Not a question of one's own: "why would I go on
      // living" asks nothing of the bot.
      await this.askAboutCrisis(context, dialogState, memory, locale, 1, dialogState.dialogStack.length ? undefined : text);
    } else if (flag) {
      // An unsure flag's crisis text may be said to have misread the patient (crisisMisread).
      const replies = safety.alarm(flag, memory, locale, safety.unsure(flag, memory, full));
      // An English message also hears the emergency numbers in English (a sixth patient-style
      // test's "I fell and I cannot stand up" got the Dutch instruction only).
      if (this.deps.english?.isEnglish(full)) replies.push(this.deps.english.emergencyNote());
      // A tier that leaves booking open (the GP this week) does not end a booking: its instruction,
      // without the menu, and the question on screen again.
      const goesOn = this.parkable(dialogState) && safety.bookingAllowed(memory);
      // The instruction first: a flow that ends may still say what it kept (a callback asked for).
      await context.sendActivities(replies.map((r) => renderer.render(goesOn ? { text: r.text } : r, locale, activity.channelId)));
      // A callback asked for earlier is not held, so the bot answered: the receptionist who calls
      // back reads the sign and the instruction in the ticket (a nineteenth patient-style test's
      // thick warm calf after surgery left the ticket without a tier).
      const callback = memory.ticketOpened ? await this.deps.handoff.callbackOf(activity.conversation.id) : undefined;
      if (callback) {
        await this.deps.handoff.patientSays(callback, text);
        await this.deps.handoff.redFlagSeen(callback, flag.tier, replies.map((r) => r.text));
      }
      if (goesOn && waitingPrompt(dialogState)?.id === SINCE_PROMPT) {
        // "Three weeks, and I'm losing weight and have pain at night": the message answers the
        // question on screen too. The question reads its answer part, or asks again saying so;
        // the instruction is given, so the flow does not give it once more.
        setTurnSafety(context, undefined, flag);
        await this.continueFlow(context, dialogState, text, command, locale);
      } else if (goesOn) {
        await (await this.dialogContext(context)).repromptDialog();
      } else if (this.flowOf(dialogState) === 'booking' && !(await this.parked.get(context))) {
        // At the summary the patient was about to confirm: that nothing was booked is said, and
        // "must I cancel it then?" next hears that there is nothing to cancel.
        if (bookingAtSummary(dialogState)) {
          await this.send(context, composer.say(locale, 'booking.notMadeAfterAlarm'), locale);
          memory.lastReply = 'notBooked';
        }
        // The booking's answers are kept set aside, never offered back (no booking after such a
        // tier): an emergency of someone else ("grandpa collapsed") at the name step threw every
        // answer away (a seventeenth patient-style test). Only a crisis text taken back as
        // misread opens booking again, and "go on" then picks them up.
        await this.park(context, dialogState);
      } else {
        if (dialogState.dialogStack.length) await (await this.dialogContext(context)).cancelAllDialogs();
        if (!safety.bookingAllowed(memory)) await this.dropSetAside(context);
      }
    } else if (dialogState.dialogStack.length) {
      await this.continueFlow(context, dialogState, text, command, locale);
    } else {
      if (screeningYes && this.saysMistake(text)) {
        await this.screeningMistake(context, memory, locale);
        return;
      }
      if (misread) {
        await this.crisisMisread(context, memory, locale, text, offer, earlier.map((s) => s.text));
        return;
      }
      // "It is going badly with me", said without being asked: the crisis question's other half.
      // It got "how can I help you", twice (a thirteenth patient-style test). The question is
      // asked about it where it may be; else it is the hedge it would be after the question.
      if (!flag && !answersAsked && !backToBooking && this.deps.answers.saysGoingBadly(text)) {
        if (!memory.crisisQuestioned && !memory.safetyTier) await this.askAboutCrisis(context, dialogState, memory, locale, 1, text);
        else for (const reply of safety.alarm({ tier: 'crisis' }, memory, locale)) await this.send(context, reply, locale);
        return;
      }
      // A booking's code with a word of its data going ("code KX7-4PM, those details must go too",
      // after the deletion of this chat's data): the data of a booking go with its cancellation,
      // which is said, and the booking looked up to cancel it. It got "no good answer" (a thirteenth
      // patient-style test).
      if (!flag && findReferenceCode(text) && this.deps.answers.asksDataGone(text)) {
        await this.send(context, composer.say(locale, 'cancelBooking.dataOfBooking'), locale);
        await (await this.dialogContext(context)).beginDialog(this.deps.flows['cancel-booking'].id);
        return;
      }
      const parked = await this.parked.get(context);
      if (parked && (this.deps.answers.isResume(text) || backToBooking)) {
        await this.resume(context, dialogState, parked, locale, 'booking.resumed');
        return;
      }
      if (!flag && toldHasOne && this.deps.statements.wantsAnother(text, locale)) {
        // "But I want one more", right after the bot heard of the appointment the patient has:
        // another booking, the one set aside if one waits.
        if (parked && this.flowOf(parked) === 'booking') {
          await this.resume(context, dialogState, parked, locale, 'booking.parkedExists');
        } else if (!safety.bookingAllowed(memory)) {
          for (const reply of safety.bookingBlocked(memory, locale)) await this.send(context, reply, locale);
        } else {
          await (await this.dialogContext(context)).beginDialog(this.deps.flows.booking.id, flowOptions({ kind: 'flow', flow: 'booking' }, locale));
        }
        return;
      }
      // "No, I mean the stairs": the question misread the message, and what was meant is the topic
      // (round 19 heard "good to hear" for it, and the stairs went unanswered).
      const meant = answersAsked ? this.deps.answers.meantInstead(text) : undefined;
      const meantSure = meant !== undefined && this.sureAbout(meant, locale);
      if (answersAsked) {
        // The no is heard first, in one line, as inside a flow ("good, we go on where you were"): a
        // fourteenth patient-style test got a topic card for it, unrelated to the message asked about.
        await this.send(context, composer.say(locale, meant !== undefined ? 'booking.mistake.crisisMisread' : 'booking.crisisDeclined'), locale);
        if (!meantSure && !this.sureAbout(askedAbout, locale)) {
          await this.send(context, composer.say(locale, 'welcome.prompt', composer.mainActions(locale)), locale);
          return;
        }
      }
      // The message the crisis question was about is answered now, as if no flag had been raised.
      const said = meantSure ? meant : answersAsked ? askedAbout : text;
      // Going on with the booking, when none waits set aside (it expired, or an alarm dropped
      // it): the booking starts again, where booking is allowed; it is never read as a wish to
      // cancel one. A bare resume word is not a question about how artrose goes on: the bot
      // says so, and what it can do.
      if (!parked && !answersAsked && this.deps.answers.isResume(text)) {
        if (!this.deps.answers.resumesBooking(text)) {
          await this.send(context, composer.say(locale, 'booking.nothingToResume', composer.mainActions(locale)), locale);
        } else if (!safety.bookingAllowed(memory)) {
          // A refused booking does not count among the messages that may still say the crisis text misread them.
          if (misreadLeft) memory.crisisMisreadable = misreadLeft;
          for (const reply of safety.bookingBlocked(memory, locale)) await this.send(context, reply, locale);
        } else {
          await this.send(context, composer.say(locale, 'booking.resumeNew'), locale);
          const dc = await this.dialogContext(context);
          await dc.beginDialog(this.deps.flows.booking.id, flowOptions({ kind: 'flow', flow: 'booking' }, locale));
        }
        return;
      }
      const outcome = await this.deps.responder.respond(said, memory, locale, flag, offer, answersAsked ? [] : earlier.map((s) => s.text));
      // A refused booking does not count among the messages that may still say the crisis text misread them.
      if (misreadLeft && outcome.kind === 'replies' && outcome.replies[0]?.text === safety.bookingBlocked(memory, locale)[0].text) memory.crisisMisreadable = misreadLeft;
      const hasOne = outcome.kind === 'flow' && outcome.flow === 'booking' && this.deps.statements.hasOneAlready(outcome.said ?? said, locale);
      if (hasOne && findReferenceCode(said)) {
        // "She has one already, BNA-Q4J": that booking looked up with the code given (it was
        // passed over for where to find the code: a nineteenth patient-style test).
        if (notice) await this.send(context, { text: notice }, locale);
        memory.lastReply = undefined;
        await (await this.dialogContext(context)).beginDialog(this.deps.flows['cancel-booking'].id, flowOptions({ kind: 'flow', flow: 'cancel-booking' }, locale));
      } else if (hasOne) {
        // "(No,) I already have an appointment", idle or after the handoff's timeout offered a
        // call: the patient wants to check, move or cancel that one, not book another (a
        // sixteenth patient-style test got the consent text). "... but I want one more" books.
        const reply = this.deps.flows.handoff.alreadyBookedReply(locale);
        memory.toldHasOne = true;
        await this.send(context, notice ? { ...reply, text: `${reply.text}\n\n${notice}` } : reply, locale);
        this.deps.responder.noteOfferIn([reply], memory, locale);
      } else if (outcome.kind === 'replies') {
        const replies = notice && outcome.replies.length ? [{ ...outcome.replies[0], text: `${outcome.replies[0].text}\n\n${notice}` }, ...outcome.replies.slice(1)] : outcome.replies;
        await context.sendActivities(replies.map((r) => renderer.render(r, locale, activity.channelId)));
        // A yes next takes what the last reply offered with its question and button.
        this.deps.responder.noteOfferIn(outcome.replies, memory, locale);
      } else if (parked && parked.dialogStack[0]?.id === this.deps.flows[outcome.flow].id) {
        // A second booking while one waits half done: that one goes on.
        await this.resume(context, dialogState, parked, locale, 'booking.parkedExists');
      } else {
        if (notice) await this.send(context, { text: notice }, locale);
        memory.lastReply = undefined;
        const dc = await this.dialogContext(context);
        await dc.beginDialog(this.deps.flows[outcome.flow].id, flowOptions(outcome, locale, this.deps.answers.complaintIn(outcome.said ?? said)));
      }
    }
    // The pseudonym is a SHA-256: computed only when the line is written.
    if (this.deps.logger.isLevelEnabled('debug')) {
      this.deps.logger.debug(
        { event: 'turn', conversation: pseudonym(activity.conversation?.id), channel: activity.channelId, locale, ms: Date.now() - started },
        'message handled',
      );
    }
  }

  /**
   * The web chat reconnected a conversation after a restart of the service: its transcript is
   * gone from the page, so a flow that was waiting says it goes on and asks its question again.
   */
  private async reconnected(context: TurnContext): Promise<void> {
    const memory = await this.deps.memory.get(context, newMemory());
    const locale = await this.localeOf(context, memory);
    const dialogState = await this.dialogState.get(context, { dialogStack: [] });
    if (!dialogState.dialogStack.length || !this.dialogs.find(dialogState.dialogStack[0].id)) return;
    await this.send(context, this.deps.composer.say(locale, 'booking.resumed'), locale);
    const dc = await this.dialogContext(context);
    await dc.repromptDialog();
    this.presets.keepFrom(context);
  }

  /**
   * A message while a flow runs: "later" parks it, a request for a person parks it and brings
   * one in, "back" goes back to the question before; anything else is the flow's. The stack
   * before an answer that moved the flow on is kept for "back".
   */
  private async continueFlow(context: TurnContext, dialogState: DialogState, text: string, command: string | undefined, locale: Locale): Promise<void> {
    const { answers, composer } = this.deps;
    const parkable = this.parkable(dialogState);
    // An answer to the choice on screen (the something-else button) is the flow's, whatever else it could mean.
    const offered = answersOffered(waitingPrompt(dialogState), text);
    // At the callback offered within the flow (no code, too many tries), "yes, call me" is its answer, not a new request.
    // "One moment, my phone is ringing" waits; its "phone" asks for nobody (a fifteenth patient-style test).
    const forPerson = command === 'handoff' && !runsHandoff(dialogState) && !answers.opensWithWait(text);
    if (!offered && this.atLiveHandoffChoice(dialogState, locale)) {
      if (answers.opensWithWait(text)) {
        await this.send(context, composer.say(locale, 'booking.wait'), locale);
        return;
      }
      // "So, I'm back" after the wait: the choice again (it is no "go on" with a booking set aside).
      if (this.deps.statements.saysBackFromWait(text, locale)) {
        await this.send(context, composer.say(locale, 'booking.backFromWait'), locale);
        await (await this.dialogContext(context)).repromptDialog();
        return;
      }
      if (this.leavesHandoffChoice(text, command)) {
        await this.leaveHandoffChoice(context, dialogState, locale);
        return;
      }
    }
    if (!offered && (await this.questionAtPrompt(context, dialogState, text, locale))) return;
    if (parkable && !offered && (answers.isPark(text) || forPerson)) {
      if (forPerson) {
        await this.parkForPerson(context, dialogState, locale);
        return;
      }
      const parking = await this.park(context, dialogState);
      const resume = composer.say(locale, 'booking.resumeButton').text;
      await this.send(context, { text: this.parkedText(locale, 'booking.parked', parking), choices: [{ label: resume, value: resume }, ...composer.mainActions(locale).slice(0, 1)] }, locale);
      return;
    }
    if (parkable && !offered && this.flowOf(dialogState) === 'booking' && this.deps.statements.hasOneAlready(text, locale)) {
      // "Oh wait, I already have an appointment" at a question of the booking: that one may be
      // looked up, or this one goes on with "go on" (another one after all). It got "I did not
      // understand, yes or no" three times (an eighteenth patient-style test).
      const parking = await this.park(context, dialogState);
      (await this.deps.memory.get(context, newMemory())).toldHasOne = true;
      const resume = composer.say(locale, 'booking.resumeButton').text;
      await this.send(context, { text: this.parkedText(locale, 'booking.hasOneMidway', parking), choices: [composer.action(locale, 'lookup'), { label: resume, value: resume }] }, locale);
      return;
    }
    const history = await this.history.get(context, []);
    if (!offered && answers.isBack(text)) {
      const previous = popHistory(history);
      if (previous) dialogState.dialogStack = JSON.parse(previous) as DialogState['dialogStack'];
      await this.send(context, composer.say(locale, previous ? 'booking.back' : 'booking.backFirst'), locale);
      const dc = await this.dialogContext(context);
      await dc.repromptDialog();
      this.presets.keepFrom(context);
      return;
    }
    const before = JSON.stringify(dialogState.dialogStack);
    const position = positionOf(dialogState);
    const running = this.flowOf(dialogState);
    // A person asked for in the patient's own words, which only the flow can tell from an answer:
    // the flow hands it back, and it is set aside as for the command.
    if (parkable) parkForPersonThisTurn(context);
    const dc = await this.dialogContext(context);
    await dc.continueDialog();
    this.presets.keepFrom(context);
    if (personAsked(context)) {
      await this.parkForPerson(context, dialogState, locale);
      return;
    }
    const wanted = bookingAskedInstead(context);
    if (wanted !== undefined && !dialogState.dialogStack.length) {
      // A no to the callback that asks for an appointment instead: the booking, or the one set aside.
      await this.bookInstead(context, dialogState, locale, wanted);
      return;
    }
    if (deletionAsked(context)) {
      // The deletion's own question, with the flow set aside: a yes deletes it with the rest, a no keeps it.
      await this.park(context, dialogState);
      await (await this.dialogContext(context)).beginDialog(this.deps.flows['delete-data'].id);
      return;
    }
    const setAside = running === 'delete-data' && !dialogState.dialogStack.length ? await this.parked.get(context) : undefined;
    if (setAside && (answers.yesNo(text) === 'no' || answers.opener(text) === 'no')) {
      // "No, rather not" to the deletion asked mid-flow: the flow goes on where it was. It stayed
      // set aside, and the next "no" (meant for its question) got "how can I help you" (a
      // sixteenth patient-style test).
      await this.resume(context, dialogState, setAside, locale, this.flowOf(setAside) === 'booking' ? 'booking.resume' : 'booking.resumed');
      return;
    }
    if (setAside) {
      // Nothing deleted: the flow set aside for the question is still there, and the patient hears so.
      const resume = composer.say(locale, 'booking.resumeButton').text;
      await this.send(context, composer.say(locale, 'booking.parked', [{ label: resume, value: resume }, ...composer.mainActions(locale).slice(0, 1)]), locale);
    }
    if (!dialogState.dialogStack.length) history.length = 0;
    else if (positionOf(dialogState) !== position) {
      pushHistory(history, before, HISTORY_KEPT);
    }
  }

  /**
   * The booking asked for instead of what the flow on screen offered: the one set aside if one
   * waits, a new one where booking is allowed, and otherwise why not now.
   */
  private async bookInstead(context: TurnContext, dialogState: DialogState, locale: Locale, wanted: string): Promise<void> {
    const parked = await this.parked.get(context);
    const memory = await this.deps.memory.get(context, newMemory());
    if (!this.deps.safety.bookingAllowed(memory)) {
      for (const reply of this.deps.safety.bookingBlocked(memory, locale)) await this.send(context, reply, locale);
    } else if (parked && this.flowOf(parked) === 'booking') {
      await this.resume(context, dialogState, parked, locale, 'booking.parkedExists');
    } else {
      await (await this.dialogContext(context)).beginDialog(this.deps.flows.booking.id, flowOptions({ kind: 'flow', flow: 'booking' }, locale, this.deps.answers.complaintIn(wanted)));
    }
  }

  /**
   * A question asked at a question of the flow that the flow's prompt cannot read: where to get a
   * doctor now (SafetyDesk.careAnswer), at any question; and at the handoff's own choices (the
   * callback offer, chat or call), a question about a topic or about booking. The handoff runs
   * without the interruptions of the booking's questions, and took every question for doubt
   * ("do you doubt? choose yes or no", a twenty-first patient-style test). The topic is answered,
   * with the reminder of an earlier alarm, and the prompt asked again; a wish to book ends the
   * handoff for the booking, or says why not now while the prompt stays.
   */
  private async questionAtPrompt(context: TurnContext, dialogState: DialogState, text: string, locale: Locale): Promise<boolean> {
    const { answers, composer, router, safety } = this.deps;
    const memory = await this.deps.memory.get(context, newMemory());
    const waiting = waitingPrompt(dialogState)?.id ?? '';
    const asks = answers.isQuestion(text);
    // A yes or no at a red-flag question is the prompt's answer, a question after it included: a
    // screening yes with "should I go to the emergency room then?" got the care text and the
    // screening question again, and the tier's instruction only after another yes (round 20's review).
    const answered = this.atRedFlagQuestion(dialogState) && leadAnswer(text, answers) !== undefined;
    const care = !answered && (!FREE_TEXT_PROMPTS.has(waiting) || asks) ? safety.careAnswer(text, memory, locale) : undefined;
    let replies: Reply[] | undefined = care ? safety.afterwards([care], memory, locale) : undefined;
    if (!replies && this.flowOf(dialogState) === 'handoff' && waiting === CHOICE_PROMPT && asks && !answers.opener(text) && !answers.saysUnsure(text)) {
      const d = router.route(text, { locale, safetyChecked: true });
      if (d.intent === 'faq' && d.topic) {
        replies = safety.afterwards([{ text: answers.withoutBookingOffer(composer.answer(d.topic, locale).text) }], memory, locale);
      } else if (d.intent === 'booking' && !safety.bookingAllowed(memory)) {
        replies = safety.bookingBlocked(memory, locale);
      } else if (d.intent === 'booking') {
        await (await this.dialogContext(context)).cancelAllDialogs();
        await this.bookInstead(context, dialogState, locale, text);
        return true;
      }
    }
    if (!replies) return false;
    for (const reply of replies) await this.send(context, reply, locale);
    await (await this.dialogContext(context)).repromptDialog();
    return true;
  }

  /** The question on screen is a red-flag question (the screening's, which takes a clear yes or no only). */
  private atRedFlagQuestion(dialogState: DialogState): boolean {
    const prompt = waitingPrompt(dialogState);
    return prompt?.id === CHOICE_PROMPT && (prompt.state as { options?: { validations?: { clearAnswerOnly?: boolean } } } | undefined)?.options?.validations?.clearAnswerOnly === true;
  }

  /** The handoff's choice between waiting in the chat and a call back is on screen. */
  private atLiveHandoffChoice(dialogState: DialogState, locale: Locale): boolean {
    if (this.flowOf(dialogState) !== 'handoff') return false;
    const choices = (waitingPrompt(dialogState)?.state as { options?: { choices?: ({ value: string } | string)[] } } | undefined)?.options?.choices ?? [];
    const wait = this.deps.composer.say(locale, 'handoff.wait').text;
    return choices.some((c) => (typeof c === 'string' ? c : c.value) === wait);
  }

  /**
   * The words that end or pause every other question ("stop", "later", "go on", "back", a no):
   * at the handoff's choice they were refused, nine turns, and only "start again" got out, dropping
   * the booking set aside (a fifteenth patient-style test).
   */
  private leavesHandoffChoice(text: string, command: string | undefined): boolean {
    const { answers } = this.deps;
    return command === 'stop' || command === 'cancel-booking' || answers.isPark(text) || answers.isResume(text) || answers.isBack(text)
      || answers.isSoftStop(text) || answers.yesNo(text) === 'no' || answers.opener(text) === 'no';
  }

  /** Ends the handoff's choice without a person: back to the flow set aside, if one waits. */
  private async leaveHandoffChoice(context: TurnContext, dialogState: DialogState, locale: Locale): Promise<void> {
    await (await this.dialogContext(context)).cancelAllDialogs();
    const parked = await this.parked.get(context);
    if (parked) {
      await this.resume(context, dialogState, parked, locale, 'handoff.notNowResumed');
      return;
    }
    const { composer } = this.deps;
    await this.send(context, composer.say(locale, 'handoff.notNow', composer.mainActions(locale)), locale);
  }

  /** Sets the running flow aside, says so, and brings in a person (the handoff's own offer). */
  private async parkForPerson(context: TurnContext, dialogState: DialogState, locale: Locale): Promise<void> {
    const parking = await this.park(context, dialogState);
    // "Never mind, I'll call myself" reads as a wish for a person, and got the callback offer (a
    // twenty-first patient-style test): the flow is set aside all the same, with the number to call.
    if (this.deps.answers.saysWillCall(context.activity.text ?? '')) {
      const resume = this.deps.composer.say(locale, 'booking.resumeButton').text;
      await this.send(context, { text: this.parkedText(locale, 'booking.parkedWillCall', parking), choices: [{ label: resume, value: resume }] }, locale);
      return;
    }
    await this.send(context, { text: this.parkedText(locale, 'booking.parkedForPerson', parking) }, locale);
    const dc = await this.dialogContext(context);
    await dc.beginDialog(this.deps.flows.handoff.id, flowOptions({ kind: 'flow', flow: 'handoff', reason: 'requested' }, locale));
  }

  /** True when a flow runs that "later" can set aside (a booking, a cancellation). */
  private parkable(dialogState: DialogState): boolean {
    const flow = this.flowOf(dialogState);
    return flow !== undefined && PARKABLE.has(flow);
  }

  /** The flow running, if any. */
  private flowOf(dialogState: DialogState): Flow | undefined {
    if (!dialogState.dialogStack.length) return undefined;
    return (Object.keys(this.deps.flows) as Flow[]).find((f) => this.deps.flows[f].id === dialogState.dialogStack[0].id);
  }

  /**
   * Sets the running flow aside: the answers so far and the way back through them are both kept.
   * One flow waits at a time. A booking set aside earlier stays (it is not overwritten by a
   * cancellation set aside after it), and the running cancellation is then dropped; a running
   * booking takes the place of a cancellation set aside earlier (the booking is what the patient
   * filled in most of, and was lost without a word when the cancellation stayed).
   *
   * @returns what became of the running flow and the one set aside before, for the patient to hear
   */
  private async park(context: TurnContext, dialogState: DialogState): Promise<Parking> {
    const earlier = await this.parked.get(context);
    const running = this.flowOf(dialogState);
    if (earlier && !(running === 'booking' && this.flowOf(earlier) !== 'booking')) {
      dialogState.dialogStack = [];
      await this.history.set(context, []);
      return 'dropped';
    }
    await this.parked.set(context, { dialogStack: dialogState.dialogStack });
    await this.parkedHistory.set(context, await this.history.get(context, []));
    dialogState.dialogStack = [];
    await this.history.set(context, []);
    return earlier ? 'replaced' : 'parked';
  }

  /**
   * The text that says what was set aside: `key`'s, after a sentence that says which flow
   * stopped when two could not both wait ({@link park}).
   */
  private parkedText(locale: Locale, key: string, parking: Parking): string {
    const said = this.deps.composer.say(locale, key).text;
    return parking === 'parked' ? said : `${this.deps.composer.say(locale, `booking.setAside.${parking}`).text} ${said}`;
  }

  /**
   * Whether the message the crisis question held back, outside a flow, is answered after a no: a
   * request the router reads (a booking, a person), or a topic it answers where the message asks
   * something or says no loss of heart. "I have no wish left for it" reads as the topic on
   * treatments of no use; answering that after the no looked as if the bot had not listened.
   */
  private sureAbout(message: string, locale: Locale): boolean {
    const decision = this.deps.router.route(message, { locale, safetyChecked: true });
    if (SURE_REQUESTS.has(decision.intent)) return true;
    if (decision.intent !== 'faq' || !decision.topic) return false;
    const { answers } = this.deps;
    return message.includes('?') || answers.isQuestion(message) || !answers.saysLostHeart(message);
  }

  /**
   * A message only the learned net read as a crisis, in a booking: the crisis line, as a question,
   * and the booking set aside with a button to go on (`time` 1); an answer that is neither a no
   * nor going on is asked about once more (`time` 2), and after that the booking goes on with the
   * crisis line in one line, unless the answer is a yes, a hedge or a red flag of its own. Asked
   * once per conversation: a second such message gets the crisis text (SafetyDesk.unsure).
   */
  private async askAboutCrisis(context: TurnContext, dialogState: DialogState, memory: ConversationMemory, locale: Locale, time: 1 | 2, about?: string): Promise<void> {
    if (dialogState.dialogStack.length) await this.park(context, dialogState);
    memory.crisisAsked = time;
    memory.crisisAskedAbout = about;
    memory.crisisQuestioned = true;
    memory.crisisQuestionedAt = (this.deps.clock ?? systemClock).now().getTime();
    const resume = this.deps.composer.say(locale, 'booking.resumeButton').text;
    const setAside = Boolean(await this.parked.get(context));
    await this.send(context, this.deps.composer.crisisUnsure(locale, setAside ? [{ label: resume, value: resume }] : [], time === 2), locale);
  }

  /**
   * A bare "I don't remember any more" answering a question about a time or a date ("since when?",
   * a date of birth, in a booking or a cancellation) that only the learned crisis net reads as
   * despair: it is that answer (the since question keeps it as unknown). The net learned the words
   * of "I don't know any more" as giving up and cannot see the question they answer. Only the whole
   * message counts (AnswerWords.saysNotKnown: at most a word more than the phrase), and only the
   * net's flag: "I don't remember, I don't want to live any more" is longer, and a sign the rules
   * know always counts. The same for a flow's own plain answer in its own words, as the flow's
   * dialog reads it (BaseDialog.answersPlainly): "I don't want to cancel" in the cancellation.
   */
  private answersFlow(flag: RedFlag, text: string, dialogState: DialogState): boolean {
    if (flag.rule !== CRISIS_NET_RULE) return false;
    if (MEMORY_PROMPTS.has(waitingPrompt(dialogState)?.id ?? '') && this.deps.answers.saysNotKnown(text)) return true;
    // The flow's own plain answer in its words (BaseDialog.answersPlainly): "I don't want to cancel" in the cancellation.
    const root = dialogState.dialogStack[0];
    const flow = root ? this.dialogs.find(root.id) : undefined;
    return flow instanceof BaseDialog && flow.answersPlainly(text, root);
  }

  /**
   * A yes to a red-flag question of the screening that also tells a sign of a lower tier ("yes, I am
   * short of breath", after an operation, is a doctor today; the chest question's yes is 112): the
   * more urgent of the two, as a plain yes would have given the question's (a review). The other
   * one's line follows its instruction where that says nothing of it (a yes to a doctor's question
   * told with a crisis: the crisis text, then the doctor's line).
   */
  private withQuestionsFlag(flag: RedFlag, text: string, dialogState: DialogState): RedFlag {
    const asked = (waitingPrompt(dialogState)?.state as { options?: { validations?: ReadsHedges } } | undefined)?.options?.validations?.redFlag;
    const { answers, safety } = this.deps;
    // The yes may open a longer message ("yes, and honestly I don't want to be here any more"):
    // its first clause answers the question, the rest tells the other sign.
    const says = (t: string) => answers.yesNo(t) === 'yes' || answers.hedge(t) === 'yes';
    // "yes and I don't want to be here any more" may come without a comma: a yes word that opens
    // the message answers too.
    // A no to the crisis question taken back at a screening question ("actually yes, after all") is its yes too.
    if (!asked || !(says(text) || says(answers.clauses(text)[0] ?? '') || answers.opener(text) === 'yes' || answers.takesBackNo(text))) return flag;
    const tier = safety.tierOfRule(asked);
    return tier ? joinFlags(flag, { tier, rule: asked }) : flag;
  }

  /**
   * A short message about coming, a day or a code, one that opens with a never-mind, or a short
   * question the router answers with a topic ("how do I best help myself", self-care): where only
   * the net (or an `ask` rule) reads a crisis in it, the two disagree. Stories are left out: a crisis told in one often ends in a practical question
   * (the waiting time, the cost, a referral); in the opened red-flag sets every crisis only the net
   * caught that the router gave a topic had 40 words or more, the ninth patient-style test's
   * everyday messages 13 at most. Also a short message of heavy words about the body or of being
   * done with it (AnswerWords.heavyAboutBody: "so tired of it all, the pain never stops"): asked
   * about, so that "no, I mean the knee" is heard; a sure rule's crisis is never asked about.
   */
  private everydayShort(text: string, locale: Locale): boolean {
    if (text.trim().split(/\s+/).length > SHORT_QUESTION_WORDS) return false;
    if (this.deps.answers.heavyAboutBody(text)) return true;
    if (this.deps.answers.namesPractical(text)) return true;
    // "never mind, it is not needed any more": its first clause is the stop command.
    if (this.deps.router.exactIntent(text.split(/[,.;!?]/)[0] ?? '') === 'stop') return true;
    const decision = this.deps.router.route(text, { locale, safetyChecked: true });
    return decision.intent === 'faq' && decision.topic !== null;
  }

  /** The message says the answer before it was a mistake, or is a bare no to an instruction that asked nothing. */
  private saysMistake(text: string): boolean {
    const { answers } = this.deps;
    return answers.isMistake(text) || (answers.isYesOrNo(text) && answers.yesNo(text) === 'no');
  }

  /**
   * A screening yes that ended the booking, said to be a mistake: a typed message does not
   * withdraw a 112 or doctor's instruction, so it stands (with its reminder), and the
   * receptionist, who can go through the answers and book, is offered (the handoff's own choice
   * of waiting in the chat or a callback).
   */
  private async screeningMistake(context: TurnContext, memory: ConversationMemory, locale: Locale): Promise<void> {
    const { composer } = this.deps;
    const reminder = memory.safetyTier ? `\n${composer.reminder(locale, memory.safetyTier)}` : '';
    await this.send(context, { text: `${composer.say(locale, 'booking.mistake.stands').text}${reminder}` }, locale);
    const dc = await this.dialogContext(context);
    await dc.beginDialog(this.deps.flows.handoff.id, flowOptions({ kind: 'flow', flow: 'handoff', reason: 'requested' }, locale));
  }

  /**
   * The crisis text given for an unsure flag (SafetyDesk.unsure), said to have misread the patient:
   * a short sorry with the crisis line in one line, and booking allowed again (SafetyDesk.correct).
   * What else the message asks is answered, a booking in it started ("I'm not suicidal, I just
   * want an appointment"); a message that says nothing more gets the main choices.
   */
  private async crisisMisread(context: TurnContext, memory: ConversationMemory, locale: Locale, text: string, offer: ConversationMemory['offer'], earlier: string[]): Promise<void> {
    const { composer, safety, router, responder } = this.deps;
    safety.correct(memory, (this.deps.clock ?? systemClock).now().getTime());
    const sorry = `${composer.say(locale, 'booking.mistake.crisisMisread').text}\n${composer.misreadLine(locale)}`;
    const intent = router.route(text, { locale, safetyChecked: true }).intent;
    // "No, I meant the site is slow", "I'm fine": nothing more to answer than the sorry (a greeting's
    // hello after it would be odd); only a question of the knowledge, or the booking that was refused.
    // Not another flow: the words of a correction are read as one too ("as a manner of speaking"
    // holds the words of asking for a person), and the choices offer them.
    if (intent !== 'faq' && intent !== 'booking') {
      await this.send(context, { text: sorry, choices: composer.mainActions(locale) }, locale);
      return;
    }
    await this.send(context, { text: sorry }, locale);
    const outcome = await responder.respond(text, memory, locale, undefined, offer, earlier);
    if (outcome.kind === 'replies') {
      for (const reply of outcome.replies) await this.send(context, reply, locale);
      return;
    }
    memory.lastReply = undefined;
    const dc = await this.dialogContext(context);
    await dc.beginDialog(this.deps.flows[outcome.flow].id, flowOptions(outcome, locale, this.deps.answers.complaintIn(outcome.said ?? text)));
  }

  /** A booking set aside, and the way back through it, do not wait behind an alarm. */
  private async dropSetAside(context: TurnContext): Promise<void> {
    await this.parked.delete(context);
    await this.parkedHistory.delete(context);
    await this.history.delete(context);
  }

  /** Puts a parked flow back and asks its open question again. */
  private async resume(context: TurnContext, dialogState: DialogState, parked: DialogState, locale: Locale, key: string): Promise<void> {
    // After a tier that rules out booking (112, crisis, now), a booking set aside stays closed.
    const memory = await this.deps.memory.get(context, newMemory());
    if (!this.deps.safety.bookingAllowed(memory)) {
      // The answers set aside stay (not offered, not deleted); the patient hears why not here and
      // the practice's number to book by phone, with the tier's reminder.
      for (const reply of this.deps.safety.bookingBlocked(memory, locale)) await this.send(context, reply, locale);
      return;
    }
    memory.lastReply = undefined;
    await this.restore(context, dialogState, parked);
    await this.send(context, this.deps.composer.say(locale, key), locale);
    const dc = await this.dialogContext(context);
    await dc.repromptDialog();
    this.presets.keepFrom(context);
  }

  /** Puts a parked flow back as it was, with the way back through its answers. */
  private async restore(context: TurnContext, dialogState: DialogState, parked: DialogState): Promise<void> {
    dialogState.dialogStack = parked.dialogStack;
    await this.history.set(context, (await this.parkedHistory.get(context)) ?? []);
    await this.parked.delete(context);
    await this.parkedHistory.delete(context);
  }

    private async dialogContext(context: TurnContext): Promise<DialogContext> {
    this.presets.applyTo(context);
    const dc = await this.dialogs.createContext(context);
    this.presets.keepFrom(context);
    return dc;
  }

  private async send(context: TurnContext, reply: Reply, locale: Locale): Promise<void> {
    await context.sendActivity(this.deps.renderer.render(reply, locale, context.activity.channelId));
  }

  /**
   * After a tier that rules out booking (112, crisis, now), no activity of this turn offers
   * the booking button: whichever reply carries it (a main menu after starting again, a cancelled flow,
   * an error, the English offer). Checked when sent, so an alarm earlier in the same turn counts.
   */
  private offerOnlyWhatIsAllowed(context: TurnContext, memory: ConversationMemory): void {
    const { safety } = this.deps;
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) {
        const actions = a.suggestedActions?.actions;
        if (!actions?.length) continue;
        const kept = safety.offerable(actions, memory);
        if (kept.length === actions.length) continue;
        a.suggestedActions = kept.length ? { ...a.suggestedActions!, actions: kept } : undefined;
      }
      return next();
    });
  }

  /**
   * The patient's messages before this one, from the lines kept for a handoff, for the red-flag
   * check of a sign told over a few messages. Best effort, as keeping them is: without them the
   * message is checked alone.
   */
  private async saidBefore(conversationId: string): Promise<SaidBefore[]> {
    try {
      return await this.deps.recent.patientSaid(conversationId);
    } catch (err) {
      this.deps.logger.warn({ event: 'recent_lines_failed', err: err instanceof Error ? err.name : 'error' }, 'recent lines not read');
      return [];
    }
  }

  /** Keeps the last lines of the conversation for a possible handoff. */
  private async remember(context: TurnContext, text: string): Promise<void> {
    const id = context.activity.conversation.id;
    const { recent, logger } = this.deps;
    // Best effort: a slow or failing store of these lines must never hold up or lose a reply,
    // least of all a red flag's instruction.
    const keep = async (from: 'patient' | 'bot', line: string) => {
      try {
        await recent.add(id, from, line, (this.deps.clock ?? systemClock).now());
      } catch (err) {
        logger.warn({ event: 'recent_lines_failed', err: err instanceof Error ? err.name : 'error' }, 'recent lines not stored');
      }
    };
    if (text) await keep('patient', text);
    context.onSendActivities(async (_ctx, activities, next) => {
      const sent = await next();
      for (const a of activities) if (a.type === 'message' && a.text) await keep('bot', a.text);
      return sent;
    });
  }

  /** The patient's own choice, else the channel's locale, else the practice default. */
  private async localeOf(context: TurnContext, memory: ConversationMemory): Promise<Locale> {
    if (!memory.locale) {
      const chosen = await this.userLocale.get(context);
      memory.locale = chosen ?? resolveLocale(context.activity.locale, this.deps.defaultLocale);
    }
    setTurnLocale(context, memory.locale);
    return memory.locale;
  }
}

/** Where a flow stands: the dialogs and waterfall steps at every level of its stack. */
function positionOf(state: DialogState): string {
  const path: string[] = [];
  let stack: DialogState['dialogStack'] | undefined = state.dialogStack;
  while (stack?.length) {
    path.push(stack.map((d) => `${d.id}:${(d.state as { stepIndex?: number } | undefined)?.stepIndex ?? ''}`).join(','));
    stack = (stack[stack.length - 1].state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs?.dialogStack;
  }
  return path.join('/');
}
