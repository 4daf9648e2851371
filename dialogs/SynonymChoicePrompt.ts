import type { TurnContext } from 'botbuilder';
import {
  ChoicePrompt, ChoiceFactory, type Choice, type FoundChoice, type PromptOptions, type PromptRecognizerResult, type PromptValidator,
} from 'botbuilder-dialogs';
import { fold, type AnswerWords } from '../src/conversation/AnswerWords';

/** How the prompt understands typed answers and what it says when it did not understand one. */
export interface TypedAnswers {
  words: AnswerWords;
  /** The patient's other ways of saying a choice, by its value (older conversations' synonyms win). */
  synonymsOf(value: string): string[] | undefined;
  /** Whether a choice's value is the yes or the no of its question (the yes or confirm button; the no button). */
  roleOf(value: string): 'yes' | 'no' | undefined;
  /**
   * The line before the choices are shown again, after `attempts` answers that were not
   * understood, or after a yes-or-no question was answered with doubt (`unsure`); `yesNo` when
   * the choices hold a yes or a no (else typing "yes" is no example to give).
   */
  retryText(context: TurnContext, attempts: number, unsure?: boolean, validations?: unknown, yesNo?: boolean): Promise<string>;
}

/**
 * A ChoicePrompt that understands what patients type instead of pressing a button: the label,
 * its number or position ("2", "the first", "the right one"), yes and no in their own words for a
 * yes or no choice ("right", "go ahead", the Flemish no); botbuilder's own recognizer after that. An
 * answer it does not understand is answered with a short line and the same buttons again, so a
 * channel that hides buttons after a message (Web Chat) never leaves the patient without them.
 *
 * The synonyms are looked up by the choice's value instead of carried in its options: botbuilder
 * keeps a prompt's options in the dialog state, written on every turn.
 */
export class SynonymChoicePrompt extends ChoicePrompt {
  constructor(dialogId: string, validator: PromptValidator<FoundChoice> | undefined, defaultLocale: string, private readonly typed: TypedAnswers) {
    super(dialogId, validator, defaultLocale);
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const choices = ChoiceFactory.toChoices(options.choices);
    const text = context.activity.text ?? '';
    const labels = choices.map((c) => c.value);
    // Right after instructions, "ok" (or a thumbs up) acknowledges them and answers nothing
    // (ReadsAcknowledgement): a twenty-first patient-style test got a red flag's instruction on it.
    const acknowledged = Boolean((options.validations as ReadsAcknowledgement | undefined)?.acknowledgedKey) && this.typed.words.isGoOn(text);
    (state as AcknowledgedState).acknowledged = acknowledged;
    if (acknowledged) return { succeeded: false };
    const roles = { yes: labels.findIndex((v) => this.typed.roleOf(v) === 'yes'), no: labels.findIndex((v) => this.typed.roleOf(v) === 'no') };
    const hedged = roles.yes >= 0 && (options.validations as ReadsHedges | undefined)?.hedgeIsYes ? this.hedgedAnswer(text, state as UnsureState) : undefined;
    if (hedged === 'yes') return { succeeded: true, value: { value: labels[roles.yes], index: roles.yes, score: 1, synonym: text } };
    if (hedged === 'doubt') return { succeeded: false };
    // At a red-flag question, a yes or no that opens the message before a question of the patient's
    // own ("yes, should I go to the emergency room then?") is the answer: it was asked again as
    // doubt, and a yes reached its instruction only a turn later (round 20's review).
    const lead = (options.validations as { clearAnswerOnly?: boolean } | undefined)?.clearAnswerOnly ? leadAnswer(text, this.typed.words) : undefined;
    const leadIndex = lead === 'yes' ? roles.yes : lead === 'no' ? roles.no : -1;
    if (leadIndex >= 0) return { succeeded: true, value: { value: labels[leadIndex], index: leadIndex, score: 1, synonym: text } };
    // Doubt is no answer to a question with a yes (least of all a screening question's no, or the summary's confirm button): asked again.
    const unsure = roles.yes >= 0 && this.typed.words.isUnsure(text);
    // Where not knowing is an answer ("do you have a referral?", which none needs), it is the no; a question is still asked again.
    if (unsure && roles.no >= 0 && (options.validations as { unsureIsNo?: boolean } | undefined)?.unsureIsNo && !text.includes('?')) {
      return { succeeded: true, value: { value: labels[roles.no], index: roles.no, score: 1, synonym: text } };
    }
    (state as UnsureState).unsure = unsure;
    (state as UnsureState).doubtSaid = false;
    if (unsure) return { succeeded: false };
    // A choice's own words in a sentence ("cancel it please"): that choice, when only its words are
    // said and no negation stands in their clause ("I am away that day" may follow); "not cancel
    // but move" is asked again, never guessed (botbuilder's fuzzy match below would pick one).
    const readable = withoutLoneNegations(text, choices, this.typed.words);
    const own = ownChoiceIn(text, readable);
    if (own) {
      const index = this.ownChoice(text, choices, own, roles, (options.validations as ReadsDenial | undefined)?.deniedIs);
      if (index === undefined) return { succeeded: false };
      return { succeeded: true, value: { value: labels[index], index, score: 1, synonym: text } };
    }
    const index = this.typed.words.choose(text, labels, { yes: roles.yes >= 0 ? roles.yes : undefined, no: roles.no >= 0 ? roles.no : undefined });
    const folded = fold(text);
    const bySynonym = index ?? choices.findIndex((c) => (c.synonyms ?? []).some((x) => fold(x) === folded));
    if (bySynonym !== undefined && bySynonym >= 0) return { succeeded: true, value: { value: labels[bySynonym], index: bySynonym, score: 1, synonym: text } };
    // A red-flag question takes only a clear yes or no: botbuilder's fuzzy match read "I really
    // cannot wait until January" as a no to "did you fall?" (a ninth patient-style test).
    if ((options.validations as { clearAnswerOnly?: boolean } | undefined)?.clearAnswerOnly) return { succeeded: false };
    const withSynonyms = readable.map((c) => (c.synonyms ? c : { ...c, synonyms: this.typed.synonymsOf(c.value) }));
    return super.onRecognize(context, state, { ...options, choices: withSynonyms });
  }

  /**
   * A hedged answer to a red-flag question (see {@link ReadsHedges}): a partial yes is the yes;
   * doubt, in words or as a hedged no, is asked again, and doubt said a second time at the same
   * question is the yes, on the safe side (the line after the first says so). A question mark
   * alone is no doubt here: asking what a question means is not answering it.
   */
  private hedgedAnswer(text: string, state: UnsureState): 'yes' | 'doubt' | undefined {
    const { words } = this.typed;
    const hedge = words.hedge(text);
    if (hedge === 'yes') return 'yes';
    if (hedge !== 'doubt' && !words.saysUnsure(text)) return undefined;
    state.doubts = (state.doubts ?? 0) + 1;
    state.unsure = true;
    state.doubtSaid = true;
    return state.doubts >= 2 ? 'yes' : 'doubt';
  }

  /**
   * The choice a message means that says choices' own words: the one choice it names, when no
   * negation stands in that choice's clause. A choice refused by name ("not cancel") is the
   * prompt's `deniedIs` choice where it has one ("keep it"), unless the message also names another;
   * otherwise it is asked again. In a yes or no question whose choices carry words (cancel, is
   * that right?), the other answer's word ("no, cancel": a no with the cancel's word), a negation
   * elsewhere ("my husband wants to cancel but I don't") or a question mark is asked again, never
   * taken for a yes.
   */
  private ownChoice(
    text: string, choices: Choice[], own: { indices: number[]; rest: string[] }, roles: { yes: number; no: number }, deniedIs: number | undefined,
  ): number | undefined {
    const { words } = this.typed;
    const { denied, affirmed } = refusedChoices(text, choices, own, words);
    if (denied.size) return deniedIs !== undefined && !denied.has(deniedIs) && affirmed.every((i) => i === deniedIs) ? deniedIs : undefined;
    if (affirmed.length !== 1) return undefined;
    const [index] = affirmed;
    const other = index === roles.yes ? 'no' : index === roles.no ? 'yes' : undefined;
    if (!other) return index;
    const contradicts = own.rest.some((w) => words.yesNo(w) === other || (other === 'no' && words.isNegation(w)));
    return contradicts || text.includes('?') ? undefined : index;
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (isRetry && !options.retryPrompt) {
      const attempts = (state as { attemptCount?: number }).attemptCount ?? 1;
      const yesNo = ChoiceFactory.toChoices(options.choices).some((c) => this.typed.roleOf(c.value) !== undefined);
      // A red-flag question's own line after doubt tells what doubt said again means: not after a question asked back.
      const said = (state as UnsureState).doubtSaid;
      const ack = (state as AcknowledgedState).acknowledged ? (options.validations as ReadsAcknowledgement | undefined)?.acknowledgedKey : undefined;
      const validations = ack ? { retryKey: ack } : said ? options.validations : { ...(options.validations as object | undefined), unsureKey: undefined };
      const text = await this.typed.retryText(context, attempts, (state as UnsureState).unsure, validations, yesNo);
      const prompt = typeof options.prompt === 'object' ? options.prompt : { type: 'message', text: options.prompt };
      // The question again below the line, with its buttons; a summary's card is not repeated.
      const retryPrompt = { ...prompt, text: `${text}\n\n${prompt.text ?? ''}`.trim(), attachments: undefined };
      return super.onPrompt(context, state, { ...options, retryPrompt }, true);
    }
    return super.onPrompt(context, state, options, isRetry);
  }
}

/**
 * The yes or no that opens a message and is followed by a question of its own: the first clause
 * is that answer as a whole, the message ends with a question mark, and the whole message reads
 * the same way (a correction later on, "no wait, yes", wins as everywhere).
 */
export function leadAnswer(text: string, words: AnswerWords): 'yes' | 'no' | undefined {
  const clauses = text.trim().split(/[,;:.!]/);
  if (clauses.length < 2 || !text.trim().endsWith('?')) return undefined;
  const head = words.yesNo(clauses[0]);
  return head && fold(clauses[0]).split(' ').length <= 2 && words.yesNo(text) === head ? head : undefined;
}

/**
 * A question asked in the same message as instructions (the screening's first, after "answer
 * yes or no"): a word of going on or a thumbs up acknowledges those, and is no answer; the
 * question is asked again after the line `acknowledgedKey`.
 */
export interface ReadsAcknowledgement {
  acknowledgedKey?: string;
}

/** Where the prompt keeps, for its retry, that the last message only acknowledged. */
interface AcknowledgedState {
  acknowledged?: boolean;
}

/**
 * The choices whose own words (the synonyms the choice carries) a message says, as whole words,
 * and the message's other words. Undefined when it says none, or when no choice carries words of
 * its own. A label is an own word only where the dialog lists it among them: the yes and no
 * buttons of "cancel it, is that right?" carry the words of cancelling and keeping, but "yes" in
 * a sentence ("yes, but first I want to talk to someone") is read by AnswerWords, as at any
 * yes or no question.
 */
export function ownChoiceIn(text: string, choices: readonly (Choice | string)[]): { indices: number[]; rest: string[] } | undefined {
  const carried = choices.map((c) => (typeof c === 'string' || !c.synonyms?.length ? [] : c.synonyms.map(fold).filter(Boolean)));
  if (!carried.some((w) => w.length)) return undefined;
  let t = ` ${fold(text)} `;
  const indices = new Set<number>();
  // Longest first, so that "leave it after all" is taken whole and not as its "leave it".
  const phrases = carried.flatMap((words, i) => words.map((w) => ({ w, i }))).sort((a, b) => b.w.length - a.w.length);
  for (const { w, i } of phrases) {
    if (!t.includes(` ${w} `)) continue;
    indices.add(i);
    t = t.split(` ${w} `).join('  ');
  }
  if (!indices.size) return undefined;
  return { indices: [...indices], rest: t.split(' ').filter(Boolean) };
}

/** The most words of a clause in which a choice's word that is only a negation ("nothing") answers the choice. */
const NEGATION_ANSWER_WORDS = 3;

/**
 * The choices without those of their words that are only a negation ("nothing", "nix") where
 * the message says them in a longer clause: "nothing" alone, or "no, nothing", keeps the
 * appointment, but in "I can't do anything about it, it just won't go any more" it is part of a
 * sentence that says one cannot come (a ninth patient-style test got "fine, it stays").
 */
function withoutLoneNegations(text: string, choices: Choice[], words: Pick<AnswerWords, 'clauses' | 'isNegation'>): Choice[] {
  const clauses = words.clauses(text).map((c) => fold(c).split(' ').filter(Boolean));
  const answers = (w: string) => clauses.some((c) => c.length <= NEGATION_ANSWER_WORDS && ` ${c.join(' ')} `.includes(` ${w} `));
  return choices.map((c) => {
    if (!c.synonyms?.length) return c;
    const kept = c.synonyms.filter((x) => {
      const w = fold(x);
      return !w || !w.split(' ').every((part) => words.isNegation(part)) || answers(w);
    });
    return kept.length === c.synonyms.length ? c : { ...c, synonyms: kept };
  });
}

/**
 * Which of the choices a message names (`own`, see {@link ownChoiceIn}) it refuses, with a
 * negation in the clause that names them ("not cancel") or just before their words, also where
 * the negation ends another choice's words ("after all not" of keeping, before "cancel"), and
 * which it asks for.
 */
export function refusedChoices(
  text: string, choices: readonly (Choice | string)[], own: { indices: number[] }, words: Pick<AnswerWords, 'clauses' | 'isNegation'>,
): { denied: Set<number>; affirmed: number[] } {
  const denied = new Set(words.clauses(text).flatMap((c) => {
    const named = ownChoiceIn(c, choices);
    return named && named.rest.some((w) => words.isNegation(w)) ? named.indices : [];
  }));
  const said = fold(text).split(' ').filter(Boolean);
  const phrasesOf = choices.map((c) => (typeof c === 'string' ? [] : (c.synonyms ?? []).map((w) => fold(w).split(' ')).filter((p) => p[0])));
  const choiceWords = new Set(phrasesOf.flat(2));
  // "not cancel", "not any more cancel"; in "not move, cancel" the negation is the move's.
  const negatedAt = (at: number) => (at >= 1 && words.isNegation(said[at - 1])) || (at >= 2 && !choiceWords.has(said[at - 1]) && words.isNegation(said[at - 2]));
  phrasesOf.forEach((phrases, i) => {
    if (said.some((_, at) => phrases.some((p) => p.every((x, j) => said[at + j] === x) && negatedAt(at)))) denied.add(i);
  });
  return { denied, affirmed: own.indices.filter((i) => !denied.has(i)) };
}

/**
 * A choice prompt's validations read by {@link SynonymChoicePrompt}: the index of the choice that
 * refusing another by name means (at "what would you like to do?", "I don't want to cancel" is
 * keeping the appointment; at "cancel it, is that right?", it is the no).
 */
export interface ReadsDenial {
  deniedIs?: number;
}

/**
 * A choice prompt's validations for a red-flag question: a partial yes ("a bit", "sometimes") is
 * its yes, and doubt said twice is its yes too (a hedge never becomes a no). `unsureKey` is the
 * line shown after the first doubt.
 */
export interface ReadsHedges {
  hedgeIsYes?: boolean;
  unsureKey?: string;
  /**
   * The red flag (an emergency.yaml rule) a yes to the question raises: a yes that also tells a
   * sign of a lower tier ("yes, and I am short of breath since the operation") keeps the question's
   * tier (InterruptibleDialog).
   */
  redFlag?: string;
}

/** The prompt's state, with whether the last answer was doubt rather than a choice, and how often doubt was said. */
interface UnsureState {
  unsure?: boolean;
  /** The doubt of the last answer was said in words or as a hedge (not only a question asked back). */
  doubtSaid?: boolean;
  doubts?: number;
}
