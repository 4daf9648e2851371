import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import {
  ComponentDialog, ListStyle, TextPrompt, type Choice as BotChoice, type DialogInstance, type FoundChoice, type PromptOptions, type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { SUPPORTED_LOCALES, type Locale } from '../src/config/AppConfig';
import { checkBirthDate, checkEmail, checkName, checkPhone, phoneForStaff, type Checked, type DetailProblem } from '../src/booking/PatientDetails';
import { turnLocaleOf } from '../src/bot/TurnLocale';
import { turnSafetyOf } from '../src/bot/TurnSafety';
import { fold, type ChangeableField, type DetailField } from '../src/conversation/AnswerWords';
import { readDetailCorrection, type DetailCorrection } from '../src/conversation/DetailCorrection';
import type { Choice, Reply } from '../src/conversation/Reply';
import type { SlotQuery } from '../src/booking/SlotQuery';
import type { DayWishReader } from './DayWish';
import type { DialogDeps } from './DialogDeps';
import { BIRTH_DATE_PROMPT, CHOICE_PROMPT, EMAIL_PROMPT, NAME_PROMPT, PHONE_PROMPT, SINCE_PROMPT, TOO_MANY_TRIES } from './dialogIds';
import { PatientStatements } from './PatientStatements';
import { SynonymChoicePrompt } from './SynonymChoicePrompt';

/**
 * Choices for the choice prompt, each a button that sends its own text. The value is all a
 * choice keeps: botbuilder makes the same button from it, and the prompt's options (with the
 * choices) are saved in the dialog state on every turn.
 */
export function buttonChoices(values: string[]): BotChoice[] {
  return values.map((value) => ({ value }));
}

const CHANGE_PREFIX = 'change:';

/** The detail a choice prompt's answer asks to change (a request to change the phone number), if it was one. */
export function changeRequested(found: FoundChoice): ChangeableField | undefined {
  return found.value.startsWith(CHANGE_PREFIX) ? (found.value.slice(CHANGE_PREFIX.length) as ChangeableField) : undefined;
}

/**
 * A choice prompt's validations for the side or joint question: the value each choice stands
 * for, in the order of the choices, so that a side or joint read from the message picks its choice.
 */
export interface ReadsComplaint {
  sides?: readonly ('left' | 'right' | 'both')[];
  /** At the side question, the joint it is asked for: a side named with the other joint is not its answer. */
  joint?: 'hip' | 'knee' | 'both' | 'other';
  joints?: readonly ('hip' | 'knee' | 'both' | 'other')[];
}

/** A name check's verdict on a message that is not a name at all. */
interface NotAName {
  ok: false;
  problem: 'notName';
}

/**
 * Shared plumbing of the fysio-assistent dialogs: the conversation's locale, sentences from the
 * locale files, sending channel-independent replies, and prompts created with the Dutch culture.
 */
export abstract class BaseDialog extends ComponentDialog {
  private choiceWords?: Map<string, string[]>;

  /** What a message states about the patient ("I'm back", "I have one already"), read as the bot reads it. */
  protected readonly statements: PatientStatements;

  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
    this.statements = new PatientStatements(deps);
  }

  /**
   * Whether a message that only the learned crisis net reads as despair is a plain answer in this
   * dialog, in its own words (`instance`: the dialog's instance at the root of the stack): the net
   * cannot see the question the message answers. None by default; FysioBot then lets the dialog
   * read the message, and a red flag the rules know always counts.
   */
  answersPlainly(_text: string, _instance: DialogInstance): boolean {
    return false;
  }

  /** The conversation's locale, as the bot settled it for this turn. */
  protected async locale(context: TurnContext): Promise<Locale> {
    const settled = turnLocaleOf(context);
    if (settled) return settled;
    const memory = await this.deps.memory.get(context, { misses: 0 });
    return memory.locale ?? this.deps.knowledge.practice.defaultLocale;
  }

  /** A sentence; the practice's name, phone and privacy page are the translator's defaults. */
  protected t(locale: Locale, key: string, vars?: Record<string, unknown>): string {
    return this.deps.translator.t(locale, key, vars);
  }

  protected async send(context: TurnContext, reply: Reply, locale: Locale): Promise<void> {
    await context.sendActivity(this.deps.renderer.render(reply, locale, context.activity.channelId));
  }

  /** A prompt activity: text plus choices as buttons (typed answers still work), and facts as a card where the channel has cards. */
  protected promptActivity(text: string, locale: Locale, channelId: string, choices?: Choice[], facts?: Reply['facts']): Partial<Activity> {
    return { ...this.deps.renderer.render({ text, choices, facts }, locale, channelId), type: ActivityTypes.Message, inputHint: 'expectingInput' };
  }

  /**
   * The Dutch-culture choice prompt, its options shown as suggested actions, typed answers
   * understood (labels, numbers, positions, yes and no as the patient says them). An answer it
   * does not understand gets a short line and the buttons again; from the third on, the line
   * also offers a person and "later".
   */
  protected addChoicePrompt(): void {
    const validator = async (pc: PromptValidatorContext<FoundChoice>): Promise<boolean> => {
      const read = pc.options.validations as ReadsComplaint | undefined;
      // A side or a joint said in a sentence or a compound ("my right knee has hurt for months")
      // is the answer to the side or joint question; a side refused ("not the left") is no choice of it.
      if (read?.sides || read?.joints) {
        const text = pc.context.activity.text ?? '';
        const { side, negated } = this.deps.answers.sideIn(text, read.joint);
        const joint = read.joints && !pc.recognized.succeeded ? this.deps.answers.complaintIn(text).joint : undefined;
        const index = read.sides ? (side ? read.sides.indexOf(side) : -1) : joint ? read.joints!.indexOf(joint) : -1;
        if (index >= 0) {
          pc.recognized.succeeded = true;
          pc.recognized.value = { value: (pc.options.choices as BotChoice[])[index].value, index, score: 1 };
          return true;
        }
        if (read.sides && negated) return false;
      }
      const requestIsYes = (pc.options.validations as { requestIsYes?: boolean } | undefined)?.requestIsYes;
      // At the callback offer, a part that refuses the call ("don't call me, I'd rather have someone
      // in the chat") is a no to the call, whatever else it asks for: a review heard the number asked.
      if (requestIsYes && this.refusesCallInAPart(pc.context.activity.text ?? '')) {
        pc.recognized.succeeded = true;
        pc.recognized.value = { value: (pc.options.choices as BotChoice[])[1].value, index: 1, score: 1 };
        return true;
      }
      // At the callback offer, a "not" that says no to something else ("I'm not suicidal, I'm
      // angry. Just give me a staff member") is no no to the call: a sixteenth patient-style
      // test heard "then call us yourself".
      if (requestIsYes && pc.recognized.succeeded && pc.recognized.value?.index !== 0 && (await this.asksForPersonInAPart(pc.context))) {
        pc.recognized.value = { value: (pc.options.choices as BotChoice[])[0].value, index: 0, score: 1 };
        return true;
      }
      if (pc.recognized.succeeded) return true;
      // At the callback offer, asking for the call in a sentence ("please call me back") is its yes.
      if (requestIsYes && ((await this.asksForPerson(pc.context)) || (await this.asksForPersonInAPart(pc.context)))) {
        pc.recognized.succeeded = true;
        pc.recognized.value = { value: (pc.options.choices as BotChoice[])[0].value, index: 0, score: 1 };
        return true;
      }
      // At the summary, a request to change one detail (the phone number, say) names that detail.
      if ((pc.options.validations as { acceptChange?: boolean } | undefined)?.acceptChange) {
        const text = pc.context.activity.text ?? '';
        // "sorry, the date of birth is wrong": a detail named with a word of correcting asks that one again too.
        const field = this.deps.answers.changeOf(text) ?? (this.deps.answers.isCorrection(text) ? this.detailCorrection(text)?.field : undefined);
        if (field) {
          pc.recognized.succeeded = true;
          pc.recognized.value = { value: `${CHANGE_PREFIX}${field}`, index: -1, score: 1 };
          return true;
        }
      }
      return false;
    };
    const prompt = new SynonymChoicePrompt(CHOICE_PROMPT, validator, 'nl-nl', {
      words: this.deps.answers,
      synonymsOf: (value) => this.choiceSynonyms().get(value),
      roleOf: (value) => this.roleOf(value),
      // A question with a line of its own for a first answer it did not understand (the joints the practice sees) says that instead.
      // Without a yes or no among the choices, the example is a position, not "yes" (a patient who had typed "yes" was told to type it).
      retryText: async (context, attempts, unsure, validations, yesNo) => {
        const own = validations as { retryKey?: string; unsureKey?: string } | undefined;
        const retry = yesNo ? 'booking.choiceRetry' : 'booking.choiceRetryPick';
        return this.t(await this.locale(context), unsure ? (own?.unsureKey ?? 'booking.choiceUnsure') : attempts >= 3 ? 'booking.choiceHelp' : own?.retryKey ?? retry);
      },
    });
    prompt.style = ListStyle.suggestedAction;
    // Numbers and positions are read by AnswerWords; botbuilder's own number recognizer would take
    // the "3" of "3 april 1955" for the third choice.
    prompt.recognizerOptions = { noValue: false, noAction: false, recognizeNumbers: false, recognizeOrdinals: false };
    this.addDialog(prompt);
  }

  /**
   * A part of the message asks for a person with no negation in it, and no part says a plain no
   * ("no, rather not"): the other parts deny something else.
   */
  private async asksForPersonInAPart(context: TurnContext): Promise<boolean> {
    const { answers, router } = this.deps;
    const clauses = answers.clauses(context.activity.text ?? '');
    if (clauses.length < 2 || clauses.some((c) => answers.yesNo(c) === 'no' || answers.opener(c) === 'no')) return false;
    const locale = await this.locale(context);
    return clauses.some((c) => !fold(c).split(' ').some((w) => answers.isNegation(w))
      && (router.exactIntent(c) === 'handoff' || router.route(c, { locale, safetyChecked: true }).intent === 'handoff'));
  }

  /** A part of the message refuses a call ("I don't want to be called. Someone may e-mail me"). */
  private refusesCallInAPart(text: string): boolean {
    const { answers } = this.deps;
    return answers.clauses(text).some((c) => answers.refusesCallback(c));
  }

  /**
   * Whether the message asks for a person or a call in the patient's words, with no word of no
   * or negation in it ("don't call me" is no such request).
   */
  private async asksForPerson(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    const { answers, router } = this.deps;
    if (answers.yesNo(text) === 'no' || fold(text).split(' ').some((w) => answers.isNegation(w))) return false;
    if (router.exactIntent(text) === 'handoff') return true;
    return router.route(text, { locale: await this.locale(context), safetyChecked: true }).intent === 'handoff';
  }

  /**
   * The locale key of the question for one of the patient's details, or someone else's. For
   * someone else the e-mail question promises the confirmation only when mail is configured
   * (SMTP): without it nothing is sent (a seventeenth patient-style test was promised one).
   */
  protected detailPromptKey(field: string, forOther: boolean | undefined): string {
    if (forOther && field === 'email' && !this.deps.confirmationMail?.configured) return 'booking.detailsOther.emailNoMail';
    return `booking.${forOther ? 'detailsOther' : 'details'}.${field}`;
  }

  /**
   * A free-text prompt that checks the answer and re-prompts with a message specific to what is
   * wrong. It never traps the patient: from the third invalid answer on, an optional field is
   * left empty (`onThirdSlip: 'skip'`), a required one gets its help text with a person and
   * "later" offered while the question stays open (`'help'`, what was given is kept), or the
   * prompt ends with {@link TOO_MANY_TRIES} for the dialog to decide (`'giveUp'`).
   */
  protected addCheckedTextPrompt(
    id: string,
    check: (text: string, locale: Locale) => Checked<string> | NotAName,
    messages: Partial<Record<DetailProblem | NotAName['problem'], string>> & { help?: string; skipped?: string; why?: string },
    onThirdSlip: 'help' | 'skip' | 'giveUp' = 'help',
  ): void {
    this.addDialog(
      new TextPrompt(id, async (pc: PromptValidatorContext<string>) => {
        const locale = await this.locale(pc.context);
        const result = check(pc.recognized.value ?? '', locale);
        if (result.ok) {
          pc.recognized.value = result.value;
          return true;
        }
        // "why do you want to know?": what the practice uses it for, and the question again, not "that is no valid number".
        if (messages.why && this.deps.answers.asksBack(pc.recognized.value ?? '')) {
          await this.send(pc.context, { text: `${this.t(locale, messages.why)}\n\n${questionOf(pc.options)}` }, locale);
          return false;
        }
        if (pc.attemptCount >= 3 && onThirdSlip === 'giveUp') {
          pc.recognized.value = TOO_MANY_TRIES;
          return true;
        }
        if (pc.attemptCount >= 3 && onThirdSlip === 'skip') {
          if (messages.skipped) await this.send(pc.context, { text: this.t(locale, messages.skipped) }, locale);
          pc.recognized.value = '';
          return true;
        }
        const key = messages[result.problem] ?? messages.format!;
        if (pc.attemptCount >= 3 && messages.help) {
          const text = `${this.t(locale, key)}\n\n${this.t(locale, messages.help)} ${this.t(locale, 'booking.stuck')}`;
          const choices = [this.deps.composer.action(locale, 'person'), { label: this.t(locale, 'booking.parkButton'), value: this.t(locale, 'booking.parkButton') }];
          await this.send(pc.context, { text, choices }, locale);
          return false;
        }
        await this.send(pc.context, { text: this.t(locale, key) }, locale);
        return false;
      }),
    );
  }

  /**
   * The prompts of the four details, each with its check, its specific re-prompts and its help
   * after three slips (the optional e-mail address is then left out). The details dialog and
   * the booking summary (where one detail can be changed on its own) both have them.
   */
  protected addDetailPrompts(): void {
    const orNamed = (field: DetailField) => this.detailOrNamed(field);
    this.addCheckedTextPrompt(NAME_PROMPT, orNamed('name'), {
      format: 'booking.details.nameInvalid', empty: 'booking.details.nameInvalid', incomplete: 'booking.details.nameIncomplete', help: 'booking.details.nameHelp',
      notName: 'booking.details.nameNotName', why: 'booking.details.why.name',
    });
    this.addCheckedTextPrompt(BIRTH_DATE_PROMPT, orNamed('birthDate'), {
      format: 'booking.details.birthDateInvalid', empty: 'booking.details.birthDateInvalid', nonexistent: 'booking.details.birthDateNonexistent',
      future: 'booking.details.birthDateFuture', implausible: 'booking.details.birthDateImplausible', help: 'booking.details.birthDateHelp',
      why: 'booking.details.why.birthDate',
    });
    this.addCheckedTextPrompt(PHONE_PROMPT, orNamed('phone'), {
      format: 'booking.details.phoneInvalid', empty: 'booking.details.phoneInvalid', country: 'booking.details.phoneCountry', help: 'booking.details.phoneHelp',
      why: 'booking.details.why.phone',
    });
    this.addCheckedTextPrompt(EMAIL_PROMPT, orNamed('email'), {
      format: 'booking.details.emailInvalid', empty: 'booking.details.emailInvalid', skipped: 'booking.details.emailSkipped', why: 'booking.details.why.email',
    }, 'skip');
  }

  /** A detail's check that also takes the value in a sentence naming it: "my number is 06 …" at the phone question is that number. */
  protected detailOrNamed(field: DetailField): (text: string) => Checked<string> | NotAName {
    const check = this.detailChecks()[field];
    return (t) => {
      const r = check(t);
      if (r.ok) return r;
      const c = this.detailCorrection(t);
      return c?.field === field && c.value ? { ok: true as const, value: c.value } : r;
    };
  }

  /** Each detail's check, as its prompt applies it: the value as kept, or why it is refused. */
  protected detailChecks(): Record<DetailField, (text: string) => Checked<string> | NotAName> {
    const { deps } = this;
    const country = deps.knowledge.practice.country;
    return {
      name: (t) => (this.notAName(t) ? { ok: false, problem: 'notName' } : checkName(deps.answers.withoutTitle(t))),
      birthDate: (t) => this.birthDateIn(t),
      phone: (t) => checkPhone(t, country),
      email: (t) => (deps.answers.isSkip(t) || deps.answers.declines(t, 'email') ? { ok: true, value: '' } : checkEmail(t)),
    };
  }

  /**
   * A date of birth as typed, also after a sentence of the patient's own ("I'm going mad with all
   * these questions. 3/4/1951", "I'm losing it, 30 Sept 1955"): where the whole message is no
   * date, its last part is read, when the words before it hold no digits (one date, no other
   * number to choose between). What is wrong with that date (in the future, no such day) is said.
   */
  protected birthDateIn(text: string): Checked<string> {
    const { answers, knowledge, clock } = this.deps;
    const check = (t: string) => checkBirthDate(answers.withoutCorrection(t), knowledge.dateWords, clock);
    const whole = check(text);
    if (whole.ok || whole.problem !== 'format') return whole;
    const tokens = text.trim().split(/\s+/);
    const afterSentence = text.trim().split(/[,;:!?.]\s+|\n/).pop() ?? '';
    const tails = [afterSentence, ...[3, 1].map((n) => tokens.slice(-n).join(' '))];
    for (const tail of tails) {
      const before = text.trim().slice(0, text.trim().length - tail.length);
      if (!/\d/.test(tail) || /\d/.test(before) || tail.length === text.trim().length) continue;
      const r = check(tail.replace(/[.!?]+$/, ''));
      if (r.ok || r.problem !== 'format') return r;
    }
    // The date with a few words after it ("oops, 3 May 2009 I mean"): its first words are read,
    // when no digit stands anywhere else (a nineteenth patient-style test got "I do not know that date").
    const last = afterSentence.trim().split(/\s+/);
    for (const n of [3, 1]) {
      const head = last.slice(0, n).join(' ');
      const others = `${text.trim().slice(0, text.trim().length - afterSentence.length)} ${last.slice(n).join(' ')}`;
      if (last.length <= n || !/\d/.test(head) || /\d/.test(others)) continue;
      const r = check(head);
      if (r.ok) return r;
    }
    return whole;
  }

  /**
   * The detail a message corrects in the patient's own words ("oops, my number is …"), with its
   * new value when it carries a valid one; `given` holds the details given so far (a surname
   * alone is put in the name given).
   */
  protected detailCorrection(text: string, given: Partial<Record<DetailField, string>> = {}): DetailCorrection | undefined {
    return readDetailCorrection(text, this.deps.answers, this.detailChecks(), given);
  }

  /**
   * The person a booking for someone else is for, as the questions about them name them: by the
   * word the writer used ("your mother", or the Flemish word for mum) when it is one to say back, else a
   * neutral "that person" (`booking.otherPerson`).
   */
  protected otherPerson(locale: Locale, relative?: string): string {
    return this.shownRelative(relative) ? this.t(locale, 'booking.otherPerson.named', { relative }) : this.t(locale, 'booking.otherPerson.neutral');
  }

  /**
   * A sentence that first speaks of the person a booking for someone else is for: its `Named`
   * form with the word the writer used ("for your mother") when there is one to say back, else
   * the neutral one ("for someone else", with "his or her"), which has no `who`.
   */
  protected aboutOther(locale: Locale, key: string, relative?: string, vars?: Record<string, unknown>): string {
    if (!this.shownRelative(relative)) return this.t(locale, key, vars);
    return this.t(locale, `${key}Named`, { ...vars, who: this.otherPerson(locale, relative) });
  }

  /** Whether the word the writer called a relative by is one to say back (`booking.words.relativeShown`). */
  private shownRelative(relative?: string): boolean {
    return Boolean(relative) && SUPPORTED_LOCALES.some((l) => this.deps.translator.list(l, 'booking.words.relativeShown').some((w) => fold(w) === relative));
  }

  /** A detail's value as the patient reads it back: a date as day-month-year, a number as it is dialled. */
  protected shownDetail(field: DetailField, value: string): string {
    if (field === 'birthDate') return value.split('-').reverse().join('-');
    if (field === 'phone') return phoneForStaff(value, this.deps.knowledge.practice.country);
    return value;
  }

  /**
   * "Since when?": any answer in the patient's words is kept, but a message without words (empty,
   * emoji or punctuation alone) is asked again, a question back ("what do you mean?") or a bare yes
   * is explained and asked again, and a no or not knowing is kept as
   * unknown (never a "no" on the booking). A message that also told a sign whose instruction the
   * bot gave (the GP this week) is read for its answer part only.
   */
  protected addSincePrompt(): void {
    this.addDialog(
      new TextPrompt(SINCE_PROMPT, async (pc: PromptValidatorContext<string>) => {
        const text = (pc.recognized.value ?? '').trim();
        const { answers } = this.deps;
        const locale = await this.locale(pc.context);
        // An empty message, emoji or punctuation alone ("👍", "..."): no answer to keep, the question again.
        if (!/[\p{L}\p{N}]/u.test(text)) {
          await this.send(pc.context, { text: `${this.t(locale, 'booking.since.noWords')}\n\n${questionOf(pc.options)}` }, locale);
          return false;
        }
        if (turnSafetyOf(pc.context)?.answeredBeside) {
          const part = this.answerBesideSign(text);
          if (part === undefined) {
            await this.send(pc.context, { text: `${this.t(locale, 'booking.since.askBesideSign')}\n\n${questionOf(pc.options)}` }, locale);
            return false;
          }
          pc.recognized.value = part;
          await this.send(pc.context, { text: this.t(locale, 'booking.since.keptBesideSign', { since: part }) }, locale);
          return true;
        }
        // "go on", "ok" (after an answer to a question in between, say): no answer, the question again.
        if (answers.isGoOn(text) && !answers.asksBack(text)) {
          await this.send(pc.context, { text: questionOf(pc.options) }, locale);
          return false;
        }
        // A side alone ("both", "left": the side question's answer said again) says no time: it
        // was kept as the start (a nineteenth patient-style test).
        const sideAlone = answers.sideIn(text).side !== undefined && !/\d/.test(text) && fold(text).split(' ').length <= 2;
        if (sideAlone || answers.asksBack(text) || (answers.isYesOrNo(text) && answers.yesNo(text) === 'yes')) {
          await this.send(pc.context, { text: `${this.t(locale, 'booking.since.explain')}\n\n${questionOf(pc.options)}` }, locale);
          return false;
        }
        if (answers.saysNotKnown(text)) {
          pc.recognized.value = '';
          await this.send(pc.context, { text: this.t(locale, 'booking.since.unknown') }, locale);
        }
        return true;
      }),
    );
  }

  /**
   * The part of a message typed at "since when?" that answers it, beside a sign told in the same
   * message ("three weeks already, and I have fever"): the first clause that dates the complaint
   * and holds no red flag of its own. Undefined when none does ("I have been losing weight since
   * the summer" is the sign itself): the question is then asked again rather than kept wrongly.
   */
  private answerBesideSign(text: string): string | undefined {
    const { answers, safety, knowledge } = this.deps;
    return answers.clauses(text).map((c) => c.trim()).find((c) => answers.datesSomething(c, knowledge.dateWords.months) && !safety.check(c));
  }

  /**
   * A free-text question (what the complaint is, for another joint): any answer in the patient's
   * words is kept, but a word of going on ("ok", "go on") is none and gets the question again.
   */
  protected addFreeTextPrompt(id: string): void {
    this.addDialog(
      new TextPrompt(id, async (pc: PromptValidatorContext<string>) => {
        if (!this.deps.answers.isGoOn(pc.recognized.value ?? '')) return true;
        await this.send(pc.context, { text: questionOf(pc.options) }, await this.locale(pc.context));
        return false;
      }),
    );
  }

  /**
   * A message that is no name: a sentence (another day wished for, a request for a person), a
   * day or part of one (a weekday, tomorrow, the afternoon, "Friday then"). Words sentences use
   * are first names too (a Dutch verb form can be a first name as well): one such word
   * counts only where a name cannot have it, after the first word, alone, or as a yes, a no or a
   * word of correcting (a yes or "after all" before a full name). A weekday is a surname too
   * (the Dutch surnames Vrijdag and Maandag): it counts alone or first of two words. Month
   * names are left alone (a first name that is a month, a surname that is one).
   */
  private notAName(text: string): boolean {
    const { answers, knowledge } = this.deps;
    if (text.includes('?')) return true;
    const words = fold(text).split(' ').filter(Boolean);
    const sentence = words.flatMap((w, i) => (answers.isSentenceWord(w) ? [i] : []));
    if (sentence.length > 1) return true;
    if (sentence.length === 1 && (sentence[0] > 0 || words.length < 2 || answers.yesNo(words[0]) || answers.isCorrection(words[0]))) return true;
    const w = knowledge.dateWords;
    if (words.some((word) => w.relativeDays[word] !== undefined || w.partsOfDay[word] !== undefined || w.dayParts[word] !== undefined)) return true;
    const weekday = (word: string) => word.length >= 5 && w.weekdays[word] !== undefined;
    return words.length === 1 ? weekday(words[0]) : words.length === 2 && weekday(words[0]);
  }

  /** What reading a day wish needs (see `readDayWish`). */
  protected dayWords(): DayWishReader {
    const { dateParser, answers, knowledge, clock } = this.deps;
    return { dateParser, answers, dateWords: knowledge.dateWords, clock, timeZone: knowledge.practice.timeZone };
  }

  /** Says which day or part of the day is left out ("not on Tuesday 24 November, then"), before other times are offered. */
  protected async sayRefused(context: TurnContext, refused: SlotQuery[], locale: Locale): Promise<void> {
    const [r] = refused;
    const timed = r.atMinutes !== undefined || r.afterMinutes !== undefined || r.beforeMinutes !== undefined || r.fromDate;
    let text = this.t(locale, 'booking.slot.notThen');
    if (refused.length === 1 && !timed && r.date && !r.partOfDay) text = this.t(locale, 'booking.slot.notOn', { day: this.deps.formatter.dateLabel(r.date, locale) });
    else if (refused.length === 1 && !timed && !r.date && r.partOfDay) text = this.t(locale, 'booking.slot.notAt', { part: this.t(locale, `booking.slot.partsOfDay.${r.partOfDay}`) });
    await this.send(context, { text }, locale);
  }

  /** Whether a choice's value is a yes (the yes button, the confirm button) or a no (the no button) in any locale. */
  private roleOf(value: string): 'yes' | 'no' | undefined {
    for (const locale of SUPPORTED_LOCALES) {
      if (value === this.t(locale, 'answers.yes') || value === this.t(locale, 'booking.summary.confirm')) return 'yes';
      if (value === this.t(locale, 'answers.no')) return 'no';
    }
    return undefined;
  }

  /** Yes/no choices, understood as the patient says them (see {@link addChoicePrompt}); the first choice (index 0) is yes. */
  protected yesNo(locale: Locale): { choices: BotChoice[] } {
    return { choices: buttonChoices([this.t(locale, 'answers.yes'), this.t(locale, 'answers.no')]) };
  }

  /**
   * Buttons' texts in every locale with the patient's other ways of saying them (botbuilder's
   * fuzzy fallback): yes and no as the intents say them, the sides as the complaint words do
   * (a word for "both" for the both-sides button; patterns with `*` are left to AnswerWords).
   */
  private choiceSynonyms(): Map<string, string[]> {
    if (!this.choiceWords) {
      const { intents } = this.deps.knowledge;
      const words = (locale: Locale, key: string) => this.deps.translator.list(locale, key).filter((w) => !w.includes('*'));
      this.choiceWords = new Map();
      for (const locale of SUPPORTED_LOCALES) {
        this.choiceWords.set(this.t(locale, 'answers.yes'), intents.yes?.exact ?? []);
        this.choiceWords.set(this.t(locale, 'answers.no'), intents.no?.exact ?? []);
        this.choiceWords.set(this.t(locale, 'booking.side.left'), words(locale, 'booking.words.complaint.left'));
        this.choiceWords.set(this.t(locale, 'booking.side.right'), words(locale, 'booking.words.complaint.right'));
        this.choiceWords.set(this.t(locale, 'booking.side.both'), words(locale, 'booking.words.complaint.bothSides'));
        this.choiceWords.set(this.t(locale, 'handoff.wait'), words(locale, 'booking.words.chatChoice'));
      }
    }
    return this.choiceWords;
  }
}

/** The question a prompt asks: the last paragraph of its text (what was said before it may no longer hold). */
function questionOf(options: PromptOptions): string {
  const prompt = options.prompt;
  const text = typeof prompt === 'string' ? prompt : (prompt?.text ?? '');
  const paragraphs = text.split('\n\n');
  return paragraphs[paragraphs.length - 1];
}
