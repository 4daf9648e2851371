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
 * Reads Dutch and Flemish date expressions ("morgen", "overmorgen", "volgende week dinsdag",
 * "dinsdag 3 maart", "3-3", "na vier uur", "'s ochtends", "voormiddag") into a {@link SlotQuery},
 * relative to the injected clock in the practice's time zone. Returns undefined when the text
 * says nothing about time.
 */
export class DateExpressionParser {
  constructor(private readonly words: DateWords, private readonly clock: Clock, private readonly timeZone: string) {}

  parse(text: string): SlotQuery | undefined {
    const raw = text.toLowerCase();
    const tokens = foldAndSplit(raw).map((t) => t.replace(/^'+|'+$/g, '')).filter((t) => t && t !== 's');
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
    }
    // "'s morgens" is a part of the day, not tomorrow.
    if (/'s\s*morgens|\bsmorgens\b/.test(raw) && q.date === isoDate(addDays(today, 1)) && !/\bmorgen\b(?!s)/.test(raw.replace(/'s\s*morgens/g, ''))) {
      delete q.date;
    }

    const weekdayToken = tokens.find((t) => this.words.weekdays[t] !== undefined && t.length > 2);
    const explicit = this.explicitDate(raw, tokens, today);
    if (explicit) {
      q.date = isoDate(explicit);
    } else if (weekdayToken) {
      const wd = this.words.weekdays[weekdayToken];
      const delta = ((wd - weekdayOf(today) + 7) % 7) || 7;
      let date = addDays(today, delta);
      if (nextWeek) {
        const nextMonday = addDays(today, 7 - weekdayOf(today));
        date = addDays(nextMonday, wd);
      }
      q.date = isoDate(date);
    } else if (nextWeek && !q.date) {
      q.fromDate = isoDate(addDays(today, 7 - weekdayOf(today)));
    }

    const time = this.timeBound(raw, tokens);
    if (time) Object.assign(q, time);
    return Object.keys(q).length ? q : undefined;
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

  /** "na vier uur", "na 16:00", "vanaf 14u", "voor 12 uur" → minutes after midnight. */
  private timeBound(raw: string, tokens: string[]): Pick<SlotQuery, 'afterMinutes' | 'beforeMinutes'> | undefined {
    const joined = ` ${tokens.join(' ')} `;
    for (const [kind, list] of [['after', this.words.after], ['before', this.words.before]] as const) {
      for (const word of list) {
        const re = new RegExp(` ${word} (\\d{1,2})(?: (\\d{2}))?(?: ?u| uur)?\\b`);
        const m = re.exec(joined.replace(/(\d{1,2})[:.](\d{2})/g, '$1 $2').replace(/(\d)u\b/g, '$1 u'));
        let hour: number | undefined;
        let minute = 0;
        if (m) {
          hour = +m[1];
          minute = m[2] ? +m[2] : 0;
        } else {
          const w = new RegExp(` ${word} (\\w+) uur`).exec(joined);
          if (w && this.words.numbers[w[1]]) hour = this.words.numbers[w[1]];
        }
        if (hour === undefined || hour > 23 || minute > 59) continue;
        // Nobody means 4 in the night for an appointment: small hours are afternoon hours.
        if (hour >= 1 && hour <= 7) hour += 12;
        const minutes = hour * 60 + minute;
        return kind === 'after' ? { afterMinutes: minutes } : { beforeMinutes: minutes };
      }
    }
    void raw;
    return undefined;
  }
}
