import type { DateWords } from '../knowledge/types';
import { foldAndSplit } from '../understanding/TextNormalizer';
import type { Clock } from '../util/Clock';
import type { SlotQuery } from './SlotQuery';
import { addDays, isoDate, toLocal, weekdayOf } from './ZonedTime';

/** A calendar date. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * What the patient is looking at when naming a weekday alone: the times on screen, the week
 * asked for. Without it a weekday is the next such day after today.
 */
export interface DaysInView {
  /** The dates (YYYY-MM-DD) of the times shown: a weekday one of them falls on is that date ("Monday 10:15" with today's 10:15 shown). */
  shown?: readonly string[];
  /** The first day of the week asked for ("next week"): a weekday is the first such day from it on ("the Thursday" is that week's). */
  from?: string;
}

/**
 * Reads Dutch and Flemish date expressions ("morgen", "overmorgen", "volgende week dinsdag",
 * "dinsdag 3 maart", "3-3", "na vier uur", "'s ochtends", "voormiddag") into a {@link SlotQuery},
 * relative to the injected clock in the practice's time zone. Returns undefined when the text
 * says nothing about time.
 */
export class DateExpressionParser {
  private readonly holidayGroups: string[][];

  /**
   * @param holidaysFrom the public holidays of the practice's country from a date on, for a
   *   year (see PracticeCalendar.holidaysFrom); without it holiday names are not read.
   */
  constructor(
    private readonly words: DateWords,
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly holidaysFrom?: (iso: string) => { iso: string; name: string }[],
  ) {
    this.holidayGroups = words.holidays.map((g) => g.map((p) => foldAndSplit(p).join(' ')));
  }

  /** "vrijdagochtend", "dinsdagmiddag": a weekday written together with a part of the day, as two words. */
  private splitDayPart(token: string): string[] {
    for (const day of Object.keys(this.words.weekdays)) {
      if (day.length < 5 || !token.startsWith(day) || token.length === day.length) continue;
      const part = token.slice(day.length);
      if (this.words.partsOfDay[part] !== undefined) return [day, part];
    }
    return [token];
  }

  /**
   * The date, part of the day and time the text asks for, or undefined when it names none.
   *
   * @param view what the patient is looking at: a weekday named alone (not "next week Tuesday")
   *   is read in it (see {@link DaysInView})
   */
  parse(text: string, view?: DaysInView): SlotQuery | undefined {
    const raw = text.toLowerCase();
    const tokens = foldAndSplit(raw).map((t) => t.replace(/^'+|'+$/g, '')).filter((t) => t && t !== 's').flatMap((t) => this.splitDayPart(t));
    const now = toLocal(this.clock.now(), this.timeZone);
    const today: CalendarDate = { year: now.year, month: now.month, day: now.day };
    const q: SlotQuery = {};
    const has = (phrase: string) => ` ${tokens.join(' ')} `.includes(` ${phrase} `);
    const nextWeek = this.words.nextWeek.some(has);

    for (const t of tokens) {
      if (this.words.relativeDays[t] !== undefined && !(t === 'morgen' && tokens.includes('s'))) {
        q.date = isoDate(addDays(today, this.words.relativeDays[t]));
      }
      const part = this.words.partsOfDay[t];
      if (part) q.partOfDay = part;
      const dayPart = this.words.dayParts[t];
      if (dayPart) {
        q.date = isoDate(addDays(today, dayPart[0]));
        q.partOfDay = dayPart[1];
      }
    }
    // "'s morgens" is a part of the day, not tomorrow.
    if (/'s\s*morgens|\bsmorgens\b/.test(raw) && q.date === isoDate(addDays(today, 1)) && !/\bmorgen\b(?!s)/.test(raw.replace(/'s\s*morgens/g, ''))) {
      delete q.date;
    }

    const weekdayToken = tokens.find((t) => this.words.weekdays[t] !== undefined && t.length > 2);
    const explicit = this.explicitDate(raw, tokens, today);
    if (explicit) {
      q.date = isoDate(explicit);
    } else if (this.namedHoliday(tokens, today)) {
      q.date = this.namedHoliday(tokens, today);
    } else if (weekdayToken) {
      const wd = this.words.weekdays[weekdayToken];
      const delta = ((wd - weekdayOf(today) + 7) % 7) || 7;
      let date = addDays(today, delta);
      const shown = view?.shown?.map(calendarDate).find((d) => weekdayOf(d) === wd);
      const from = view?.from && view.from > isoDate(today) ? calendarDate(view.from) : undefined;
      if (nextWeek) {
        const nextMonday = addDays(today, 7 - weekdayOf(today));
        date = addDays(nextMonday, wd);
      } else if (shown) {
        date = shown;
      } else if (from) {
        date = addDays(from, (wd - weekdayOf(from) + 7) % 7);
      }
      q.date = isoDate(date);
    } else if (nextWeek && !q.date) {
      q.fromDate = isoDate(addDays(today, 7 - weekdayOf(today)));
    }

    const time = this.timeBound(raw);
    if (time) Object.assign(q, time);
    return Object.keys(q).length ? q : undefined;
  }

  /**
   * "2e kerstdag", "paasmaandag", "koningsdag": the next such public holiday of the practice's
   * country; the longest name said wins ("tweede kerstdag" over "kerstdag").
   */
  private namedHoliday(tokens: string[], today: CalendarDate): string | undefined {
    if (!this.holidaysFrom) return undefined;
    const text = ` ${tokens.join(' ')} `;
    let best: { iso: string; length: number } | undefined;
    for (const h of this.holidaysFrom(isoDate(today))) {
      const name = foldAndSplit(h.name).join(' ');
      const names = this.holidayGroups.find((g) => g.includes(name)) ?? [name];
      for (const n of names) {
        if (text.includes(` ${n} `) && (!best || n.length > best.length)) best = { iso: h.iso, length: n.length };
      }
    }
    return best?.iso;
  }

  /** "3 maart", "dinsdag 3 maart 2027", "3-3", "03/03/2027": the next such date. */
  private explicitDate(raw: string, tokens: string[], today: CalendarDate): CalendarDate | undefined {
    let day: number | undefined;
    let month: number | undefined;
    let year: number | undefined;
    const numeric = /\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?\b/.exec(raw);
    if (numeric && !/\d[:u.]\d{2}\s*(uur|u)?\b/.test(numeric[0] + ' ')) {
      day = +numeric[1];
      month = +numeric[2];
      if (numeric[3]) year = numeric[3].length === 2 ? 2000 + +numeric[3] : +numeric[3];
    } else {
      for (let i = 0; i < tokens.length; i++) {
        const m = this.words.months[tokens[i]];
        if (m && i > 0 && /^\d{1,2}$/.test(tokens[i - 1])) {
          day = +tokens[i - 1];
          month = m;
          if (/^\d{4}$/.test(tokens[i + 1] ?? '')) year = +tokens[i + 1];
        }
      }
    }
    if (!day || !month || month > 12 || day > 31) return undefined;
    const candidate = { year: year ?? today.year, month, day };
    if (!year && isoDate(candidate) < isoDate(today)) candidate.year += 1;
    const check = new Date(Date.UTC(candidate.year, candidate.month - 1, candidate.day));
    if (check.getUTCDate() !== day) return undefined;
    return candidate;
  }

  /**
   * Times of day, in minutes after midnight: "14:45", "14u45", "om 3 uur", "kwart voor drie",
   * "half vier" name a time (`atMinutes`); after a word of `after` or `before` ("na vier uur",
   * "na vieren", "vanaf 14u", "voor 12 uur", "na half vier") they bound it.
   */
  private timeBound(raw: string): Pick<SlotQuery, 'atMinutes' | 'afterMinutes' | 'beforeMinutes'> | undefined {
    const w = this.words;
    // Clock notations become one token each first: foldAndSplit would split "14:45" in two.
    const marked = raw.replace(/\b(\d{1,2})\s*[:.uh]\s*(\d{2})\b/g, (_m, h: string, m: string) => (+h < 24 && +m < 60 ? ` ${TIME}${+h * 60 + +m} ` : _m));
    const tokens = foldAndSplit(marked).map((t) => t.replace(/^'+|'+$/g, '')).filter((t) => t && t !== 's');
    const hourOf = (t: string | undefined): number | undefined => {
      if (t === undefined) return undefined;
      const digits = /^(\d{1,2})(?:u|h)?$/.exec(t);
      const h = digits ? +digits[1] : w.numbers[t];
      return h !== undefined && h <= 23 ? h : undefined;
    };
    const words: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const next = tokens[i + 1];
      let minutes: number | undefined;
      let used = 0;
      let wholeHour = false;
      if (w.quarter.includes(t) && next && (w.past.includes(next) || w.to.includes(next)) && hourOf(tokens[i + 2]) !== undefined) {
        minutes = afternoon(hourOf(tokens[i + 2])!) * 60 + (w.to.includes(next) ? -15 : 15);
        used = 2;
      } else if (w.half.includes(t) && hourOf(next) !== undefined) {
        minutes = afternoon(hourOf(next)!) * 60 - 30;
        used = 1;
      } else if (hourOf(t) !== undefined && (next === 'uur' || next === 'u' || /^\d{1,2}[uh]$/.test(t))) {
        minutes = afternoon(hourOf(t)!) * 60;
        used = /^\d{1,2}[uh]$/.test(t) ? 0 : 1;
        wholeHour = true;
      } else if (t.startsWith(TIME)) {
        minutes = +t.slice(TIME.length);
        const h = Math.floor(minutes / 60);
        if (h >= 1 && h <= 7) minutes += 12 * 60;
      }
      if (minutes === undefined) {
        words.push(t);
        continue;
      }
      i += used;
      if (tokens[i + 1] === 'uur' || tokens[i + 1] === 'u') i += 1;
      // Minutes typed after the hour word ("9 o'clock 30", also in words) make it 9:30, unless
      // they are a duration ("2 hours 30 minutes") or the day of a date ("10 o'clock, 15 December").
      if (wholeHour && this.minutesAfterHour(tokens[i + 1], undefined) !== undefined && w.durationWords.includes(tokens[i + 2] ?? '')) {
        // A length of time, not a time of day.
        i += 2;
        continue;
      }
      const extra = wholeHour ? this.minutesAfterHour(tokens[i + 1], tokens[i + 2]) : undefined;
      if (extra !== undefined) {
        minutes += extra;
        i += 1;
      }
      words.push(`${TIME}${minutes}`);
    }
    const out: Pick<SlotQuery, 'atMinutes' | 'afterMinutes' | 'beforeMinutes'> = {};
    const joined = ` ${words.join(' ')} `;
    for (const [kind, list] of [['afterMinutes', w.after], ['beforeMinutes', w.before]] as const) {
      for (const phrase of list) {
        const m = new RegExp(` ${phrase} (?:(?:${w.at.join('|')}) )?(${TIME}\\d+|\\w+) `).exec(joined);
        if (!m) continue;
        let minutes: number | undefined;
        if (m[1].startsWith(TIME)) minutes = +m[1].slice(TIME.length);
        else if (m[1] !== 'een' && hourOf(m[1]) !== undefined) minutes = afternoon(hourOf(m[1])!) * 60;
        if (minutes === undefined) continue;
        out[kind] = minutes;
        break;
      }
    }
    if (out.afterMinutes === undefined && out.beforeMinutes === undefined) {
      const at = words.find((t) => t.startsWith(TIME));
      if (at) out.atMinutes = +at.slice(TIME.length);
    }
    return Object.keys(out).length ? out : undefined;
  }

  /**
   * The minutes typed after the hour word (digits, or a word of `minuteWords`), or undefined
   * when the word is none, or when the word after it makes it a duration or a date's day.
   */
  private minutesAfterHour(token: string | undefined, following: string | undefined): number | undefined {
    if (token === undefined) return undefined;
    const digits = /^\d{1,2}$/.test(token) ? +token : undefined;
    const minutes = digits ?? this.words.minuteWords[token];
    if (minutes === undefined || minutes < 1 || minutes > 59) return undefined;
    if (following !== undefined && (this.words.durationWords.includes(following) || this.words.months[following] !== undefined)) return undefined;
    return minutes;
  }
}

/** A calendar date from its YYYY-MM-DD form. */
function calendarDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** Marks a time of day among the words while they are read. */
const TIME = 'qqtime';

/** Nobody means 4 in the night for an appointment: small hours are afternoon hours. */
function afternoon(hour: number): number {
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}
