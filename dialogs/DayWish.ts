import type { DateExpressionParser, DaysInView } from '../src/booking/DateExpressionParser';
import type { SlotQuery } from '../src/booking/SlotQuery';
import { addDays, isoDate, toLocal } from '../src/booking/ZonedTime';
import { fold, type AnswerWords } from '../src/conversation/AnswerWords';
import type { DateWords } from '../src/knowledge/types';
import type { Clock } from '../src/util/Clock';

/** What a message says about when the patient can come: a day or time asked for, and those refused. */
export interface DayWish {
  /** The day or time asked for ("Wednesday after all"), if any. */
  wish?: SlotQuery;
  /** Days or parts of a day the patient cannot come ("I can't make Tuesday", "rather not in the morning"): never searched. */
  refused: SlotQuery[];
}

/** What {@link readDayWish} needs: the date words and parser, the answer words, the clock and the practice's time zone. */
export interface DayWishReader {
  dateParser: DateExpressionParser;
  answers: AnswerWords;
  dateWords: DateWords;
  clock: Clock;
  timeZone: string;
}

/**
 * Reads a message clause by clause: a day or part of the day in a clause with a negation
 * ("I can't make Tuesday after all", "no, tomorrow I can't", "no morning please") is refused,
 * one without is asked for ("not Tuesday, Wednesday is fine"). A negation the date words read
 * themselves ("not before ten": after ten) is none. A date before today is neither: it is no
 * appointment (a corrected date of birth). Undefined when the message
 * names no day or time at all.
 *
 * @param view the times on screen and the week asked for, in which a weekday named alone is read
 */
export function readDayWish(text: string, r: DayWishReader, view?: DaysInView): DayWish | undefined {
  const local = toLocal(r.clock.now(), r.timeZone);
  const today = isoDate(local);
  const weekAhead = isoDate(addDays(local, 7));
  const bounds = new Set([...r.dateWords.after, ...r.dateWords.before].map(fold));
  const ahead = (q: SlotQuery | undefined) => (q && !(q.date && q.date < today) && !(q.fromDate && q.fromDate < today) ? q : undefined);
  const said: string[] = [];
  const refused: SlotQuery[] = [];
  for (const clause of r.answers.clauses(text)) {
    const words = fold(clause).split(' ');
    const negated = words.some((w, i) => r.answers.isNegation(w) && !bounds.has(`${w} ${words[i + 1] ?? ''}`));
    const q = negated ? ahead(askedTime(r.dateParser.parse(clause, view))) : undefined;
    // Today's weekday refused ("Monday I can't", on the Monday of the appointment being moved) is
    // read as next week's by the parser, and today was offered (a fifteenth patient-style test):
    // it means today.
    if (q) refused.push(q.date === weekAhead && !/\d/.test(clause) ? { ...q, date: today } : q);
    else said.push(clause);
  }
  // What is not refused is read as one (a day, then a time after a comma): the day with its time.
  const wish = ahead(askedTime(r.dateParser.parse(refused.length ? said.join(' ') : text, view)));
  return wish || refused.length ? { ...(wish ? { wish } : {}), refused } : undefined;
}

/** Whether a query asked for the same day, or (without a day) the same part of the day, as a refused one: the newer wish wins. */
export function overrules(wish: SlotQuery, refused: SlotQuery): boolean {
  if (refused.date) return wish.date === refused.date;
  return Boolean(refused.partOfDay && wish.partOfDay === refused.partOfDay);
}

/** A query that asks for a day or a time ("Tuesday after all", "Friday morning"), or undefined for one that asks nothing. */
export function askedTime(q: SlotQuery | undefined): SlotQuery | undefined {
  if (!q) return undefined;
  return q.date || q.fromDate || q.weekday !== undefined || q.partOfDay || q.atMinutes !== undefined || q.afterMinutes !== undefined || q.beforeMinutes !== undefined ? q : undefined;
}
