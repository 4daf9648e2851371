import type { Locale } from '../src/config/AppConfig';
import { fold, hasPhrase, type AnswerWords } from '../src/conversation/AnswerWords';
import type { Translator } from '../src/i18n/Translator';
import type { Router } from '../src/understanding/Router';

/**
 * What a message states about the patient, which the bot reads where no flow runs and the flows
 * read at their questions alike: "I already have an appointment", "I'm back". The handoff dialog
 * served the bot as a helper object for these before; both now share this one.
 */
export class PatientStatements {
  constructor(private readonly deps: { answers: AnswerWords; router: Router; translator: Translator }) {}

  /**
   * The message says the patient has an appointment now, and no part of it asks for another
   * ("no, I already have one, but I want one for my wife too" does): such a message must not
   * start a booking.
   */
  hasOneAlready(text: string, locale: Locale): boolean {
    const { answers, router } = this.deps;
    const clauses = answers.clauses(text);
    // "I had an appointment last week" tells of one that is over (booking.words.appointmentPast):
    // no appointment the patient has now, and a follow-up after it was refused (a review, round 18).
    const holds = (c: string) => answers.saysAlreadyBooked(c) && !this.listed(locale, 'appointmentPast', c);
    if (!clauses.some(holds)) return false;
    // "I have one, but I want another one": the other one is asked for in words the router does
    // not read as a booking on their own (booking.words.bookingOneMore, each naming the
    // appointment: "a new knee" is none), in a part without a negation ("no new appointment needed").
    const wantsAnother = (c: string) => this.listed(locale, 'bookingOneMore', c) && !this.negated(c);
    if (clauses.some(wantsAnother)) return false;
    // A part that denies a booking ("no new appointment needed") asks for none, however the router reads it.
    return !clauses.some((c) => !answers.saysAlreadyBooked(c) && !this.negated(c) && router.route(c, { locale, safetyChecked: true }).intent === 'booking');
  }

  /**
   * The message asks for one more appointment, in a part without a negation: "but I want one
   * more", "I'd like to make another one". Read only right after the patient said they have one
   * (`booking.words.bookingOneMore`, and the shorter `oneMoreAfterHasOne` that name no appointment).
   */
  wantsAnother(text: string, locale: Locale): boolean {
    return this.deps.answers.clauses(text).some((c) => !this.negated(c) && (this.listed(locale, 'bookingOneMore', c) || this.listed(locale, 'oneMoreAfterHasOne', c)));
  }

  /** A word of the part is a negation ("no", "not", "none"). */
  private negated(clause: string): boolean {
    return fold(clause).split(' ').some((w) => this.deps.answers.isNegation(w));
  }

  /**
   * The message only says the patient is back ("so, I'm back", "here again"), as after a "one
   * moment": the question on screen is asked again. It was read as the answer ("that does not
   * look like a name") or not understood at a choice (a sixteenth patient-style test).
   */
  saysBackFromWait(text: string, locale: Locale): boolean {
    if (text.includes('?')) return false;
    const list = (key: string) => this.list(locale, key);
    const fillers = new Set(list('backFromWaitFillers').flatMap((f) => f.split(' ')));
    const said = fold(text).split(' ').filter((w) => w && !fillers.has(w)).join(' ');
    return Boolean(said) && list('backFromWait').includes(said);
  }

  private list(locale: Locale, key: string): string[] {
    return this.deps.translator.list(locale, `booking.words.${key}`).map(fold);
  }

  /** A phrase of the list stands in the text as whole words. */
  private listed(locale: Locale, key: string, text: string): boolean {
    return hasPhrase(fold(text), this.list(locale, key));
  }
}
