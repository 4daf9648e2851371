import type { BookingFormatter } from '../booking/BookingFormatter';
import type { DateExpressionParser } from '../booking/DateExpressionParser';
import { PracticeCalendar } from '../booking/PracticeCalendar';
import { weekdayOf } from '../booking/ZonedTime';
import { SUPPORTED_LOCALES, type Locale } from '../config/AppConfig';
import type { Translator } from '../i18n/Translator';
import { WEEKDAYS, type Practice } from '../knowledge';
import { fold, hasPhrase } from './AnswerWords';
import { formatOpeningHours } from './PracticeInfo';

/** Words a follow-up on a day may have besides the day ("en", "dan"). */
const FOLLOW_UP_WORDS = 2;

/**
 * "Kan ik zondag komen?", "zijn jullie op 26 december open?": a question about coming on a
 * day, answered from the practice's calendar (opening hours, its closed days, the public
 * holidays of its country). A message counts when it names a day and a word of
 * `booking.words.visit`.
 */
export class DayQuestion {
  private readonly visit: Set<string>;
  /** Words of a story around a date ("operated on", "since"): `booking.words.dayStory`. */
  private readonly story: Set<string>;
  /** An appointment the patient has already ("my first appointment"): `booking.words.ownAppointment`. */
  private readonly ownAppointment: string[];

  constructor(
    private readonly parser: DateExpressionParser,
    private readonly practice: Practice,
    private readonly formatter: BookingFormatter,
    private readonly translator: Translator,
  ) {
    const list = (key: string) => new Set(SUPPORTED_LOCALES.flatMap((l) => translator.list(l, `booking.words.${key}`)).map(fold));
    this.visit = list('visit');
    this.story = list('dayStory');
    this.ownAppointment = [...list('ownAppointment')].filter(Boolean);
  }

  /** Whether the message names a day ("morgen", "zaterdag", "26 december"). */
  namesDay(text: string): boolean {
    return this.parser.parse(text)?.date !== undefined;
  }

  /**
   * Whether a message is shaped as a follow-up on a day just answered: a day with at most
   * {@link FOLLOW_UP_WORDS} words besides it ("en zaterdag?", "en vrijdag dan?"). A message that
   * says more ("morgen ga ik fietsen, mag dat?") is about something else, with a day in it. The
   * day's words are those without which the message names no day or another one.
   */
  isFollowUp(text: string): boolean {
    const words = text.trim().split(/\s+/).filter((w) => fold(w));
    const day = JSON.stringify(this.parser.parse(text) ?? null);
    if (day === 'null') return false;
    const besides = words.filter((_, i) => JSON.stringify(this.parser.parse(words.filter((_w, j) => j !== i).join(' ')) ?? null) === day);
    return besides.length <= FOLLOW_UP_WORDS;
  }

  /**
   * Whether the date stands in a part of the message that tells rather than asks: a story ("on
   * 12/11 I was operated on", "fell since Monday") or an appointment the patient has already
   * ("my first appointment tomorrow, what do I bring?"). A nineteenth patient-style test got the
   * opening hours of those days, and lost the booking or the question.
   */
  private toldNotWished(text: string): boolean {
    const part = text.split(/[,;!?]|\.(?!\d)/u).find((p) => this.parser.parse(p)?.date !== undefined);
    if (!part) return false;
    const words = fold(part).split(' ').filter(Boolean);
    if (words.some((w) => this.story.has(w))) return true;
    return hasPhrase(words.join(' '), this.ownAppointment);
  }

  /**
   * The day the message asks about and whether the practice is open then, or undefined when it asks no such thing.
   *
   * @param sameQuestion the message follows up on a day just answered ("en zaterdag?"), or was
   *   read as a question about the practice: it asks whether the practice is open that day, so
   *   naming the day is enough
   */
  answer(text: string, locale: Locale, sameQuestion = false): { open: boolean; text: string } | undefined {
    if (!sameQuestion && !fold(text).split(' ').some((w) => this.visit.has(w))) return undefined;
    const date = this.parser.parse(text)?.date;
    if (!date || this.toldNotWished(text)) return undefined;
    const [year, month, day] = date.split('-').map(Number);
    const closure = PracticeCalendar.of(this.practice).closure({ year, month, day });
    const label = this.formatter.dateLabel(date, locale);
    const t = (key: string, vars: Record<string, unknown>) => this.translator.t(locale, key, vars);
    if (closure) {
      const hours = t('practice.hours', { hours: formatOpeningHours(this.practice.locations[0].openingHours, locale, this.translator) });
      const key = closure.kind === 'holiday' ? 'booking.day.closedHoliday' : 'booking.day.closed';
      return { open: false, text: t(key, { day: label, holiday: closure.kind === 'holiday' ? closure.name : '', hours }) };
    }
    const weekday = WEEKDAYS[weekdayOf({ year, month, day })];
    const hours = this.practice.locations
      .filter((l) => l.openingHours[weekday].length)
      .map((l) => `${l.name} ${l.openingHours[weekday].map(([a, b]) => `${a}–${b}`).join(', ')}`)
      .join('; ');
    return { open: true, text: t('booking.day.open', { day: label, hours }) };
  }
}
