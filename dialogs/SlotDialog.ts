import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { LocationNames } from '../src/booking/LocationNames';
import { PracticeCalendar } from '../src/booking/PracticeCalendar';
import type { Slot } from '../src/booking/Slot';
import { isoDate, toLocal } from '../src/booking/ZonedTime';
import type { SlotQuery } from '../src/booking/SlotQuery';
import type { Choice } from '../src/conversation/Reply';
import type { Locale } from '../src/config/AppConfig';
import { foldAndSplit } from '../src/understanding/TextNormalizer';
import { BaseDialog } from './BaseDialog';
import { overrules, readDayWish } from './DayWish';
import type { DialogDeps } from './DialogDeps';
import { SLOT_DIALOG, SLOT_PROMPT, SLOT_WATERFALL } from './dialogIds';

/** Where the slot search is. */
export interface SlotOptions {
  query: SlotQuery;
  offset: number;
  failures: number;
  askDay?: boolean;
  /** Days or parts of a day the patient cannot come ("I can't make Tuesday"): no time in them is offered. */
  exclude?: SlotQuery[];
  /**
   * The query's `fromDate` is a closed day the patient asked for ("Sunday?"), not a week asked
   * for ("next week"): a weekday typed next is the next such day from today, as before.
   */
  fromClosedDay?: boolean;
}

/** The chosen slot, or a request for a person after repeated misunderstandings. */
export interface SlotResult {
  slot?: { locationId: string; start: string; end: string };
  handoff?: boolean;
}

const PAGE = 4;

/**
 * Offers the next free slots as choices (another day, later times for more) and understands
 * what patients type: a slot by its number or position ("the first", "the Tuesday one"), a day or
 * time (tomorrow, Tuesday next week, a weekday with a time, "after four", the afternoon). A day the
 * practice is closed (a Sunday, a public holiday) is said to be closed, with the next free times.
 */
export class SlotDialog extends BaseDialog {
  private readonly locations: LocationNames;

  constructor(deps: DialogDeps) {
    super(SLOT_DIALOG, deps);
    this.locations = new LocationNames(deps.knowledge.practice.locations);
    this.addDialog(new TextPrompt(SLOT_PROMPT));
    this.addDialog(new WaterfallDialog(SLOT_WATERFALL, [this.offer.bind(this), this.handle.bind(this)]));
    this.initialDialogId = SLOT_WATERFALL;
  }

  private async offer(step: WaterfallStepContext<SlotOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const channel = step.context.activity.channelId;
    const o = step.options;
    if (o.askDay) return step.prompt(SLOT_PROMPT, { prompt: this.promptActivity(this.t(locale, 'booking.slot.askDay'), locale, channel) });
    // One more than a page is looked for: "later times" is offered only when there are any.
    const found = await this.free(o, PAGE + 1);
    const slots = found.slice(0, PAGE);
    const button = (key: string): Choice => ({ label: this.t(locale, key), value: this.t(locale, key) });
    if (!slots.length) return this.offerNone(step, locale);
    const extra: Choice[] = [button('booking.slot.otherDay'), ...(found.length > PAGE ? [button('booking.slot.later')] : [])];
    const f = this.deps.formatter;
    const options = slots.map((s) => {
      const label = this.t(locale, 'booking.slot.option', { day: f.dayLabel(s.start, locale), time: f.timeLabel(s.start, locale), location: f.locationName(s.locationId) });
      return { label, value: label, slot: { locationId: s.locationId, start: s.start.toISOString(), end: s.end.toISOString() } };
    });
    (step.values as { offered?: typeof options }).offered = options;
    const text = this.t(locale, 'booking.slot.ask');
    return step.prompt(SLOT_PROMPT, { prompt: this.promptActivity(text, locale, channel, [...options.map(({ label, value }) => ({ label, value })), ...extra]) });
  }

  /**
   * No free time for what was asked: never "later times" again (there are none), but another
   * day, or a person. After paging, it says there are no later ones on that day, or within the
   * days the agenda is searched.
   */
  private async offerNone(step: WaterfallStepContext<SlotOptions>, locale: Locale): Promise<DialogTurnResult> {
    const o = step.options;
    (step.values as { offered?: unknown[] }).offered = [];
    const text = o.offset === 0 ? this.t(locale, 'booking.slot.none')
      : o.query.date ? this.t(locale, 'booking.slot.noLaterOnDay', { day: this.deps.formatter.dateLabel(o.query.date, locale) })
        : this.t(locale, 'booking.slot.noLater', { days: this.deps.availability.horizonDays });
    const otherDay = this.t(locale, 'booking.slot.otherDay');
    const choices = [{ label: otherDay, value: otherDay }, this.deps.composer.action(locale, 'person')];
    return step.prompt(SLOT_PROMPT, { prompt: this.promptActivity(text, locale, step.context.activity.channelId, choices) });
  }

  private async handle(step: WaterfallStepContext<SlotOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const text = String(step.result ?? '').trim();
    const o = step.options;
    const offered = ((step.values as { offered?: { label: string; slot: SlotResult['slot'] }[] }).offered ?? []);
    const otherDay = this.t(locale, 'booking.slot.otherDay');
    const later = this.t(locale, 'booking.slot.later');
    // A time by its label, number or position ("the first", "the last": among the times, never a button after them).
    const { answers } = this.deps;
    const index = answers.choose(text, offered.map((x) => x.label));
    if (index !== undefined && offered[index].slot) return step.endDialog({ slot: offered[index].slot } satisfies SlotResult);
    // One of the two extras by its own words, not by a position.
    const extra = answers.position(text) === undefined ? answers.choose(text, [otherDay, later]) : undefined;
    if (extra === 0) return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: true } satisfies SlotOptions);
    if (extra === 1) return this.nextPage(step);

    // A weekday is read in what the patient sees: "Monday 10:15" on a Monday with today's 10:15
    // shown is today's (it booked next Monday), and "the Thursday" after "next week" that week's
    // (it took this week's): eighth patient-style test.
    const tz = this.deps.knowledge.practice.timeZone;
    const shown = [...new Set(offered.filter((x) => x.slot).map((x) => isoDate(toLocal(new Date(x.slot!.start), tz))))];
    const read = readDayWish(text, this.dayWords(), { shown, ...(o.query.fromDate && !o.fromClosedDay ? { from: o.query.fromDate } : {}) });
    // A location named ("Friday morning at the east location") is the only one searched, from
    // then on (times of both were mixed: eighth patient-style test); alone, the times at it.
    const locationId = this.locations.in(text) ?? o.query.locationId;
    const at = locationId ? { locationId } : {};
    if (locationId && locationId !== o.query.locationId && !read) {
      return step.replaceDialog(SLOT_WATERFALL, { ...o, query: { ...o.query, ...at }, offset: 0, failures: 0, askDay: false } satisfies SlotOptions);
    }
    // "Doesn't matter, as soon as possible", with no day or time of its own: the first time shown.
    if (answers.isAnyTime(text) && !read && offered[0]?.slot) return step.endDialog({ slot: offered[0].slot } satisfies SlotResult);
    if (read?.refused.length) {
      // A day refused ("I can't make Tuesday"): the times offered again without that day, or those of the day asked for instead.
      await this.sayRefused(step.context, read.refused, locale);
      const query = { ...(read.wish ?? withoutRefused(o.query, read.refused)), ...at };
      const exclude = [...(o.exclude ?? []).filter((e) => !overrules(query, e)), ...read.refused];
      return step.replaceDialog(SLOT_WATERFALL, { query, offset: 0, failures: 0, exclude } satisfies SlotOptions);
    }
    const parsed = read?.wish;
    if (parsed) {
      // "After four" or "at 14.00" after a weekday: a time alone narrows the day asked for
      // before, instead of searching the whole agenda again (which offered Monday).
      const timeOnly = !parsed.date && !parsed.fromDate && parsed.weekday === undefined;
      const query: SlotQuery = timeOnly ? { date: o.query.date, fromDate: o.query.fromDate, weekday: o.query.weekday, ...parsed, ...at } : { ...parsed, ...at };
      // What is picked among the times shown is picked at that location.
      const here = offered.filter((x) => x.slot && (!locationId || x.slot.locationId === locationId));
      const onDay = (s: NonNullable<SlotResult['slot']>) => isoDate(toLocal(new Date(s.start), tz)) === query.date;
      const timed = query.atMinutes !== undefined || query.afterMinutes !== undefined || query.beforeMinutes !== undefined || query.partOfDay;
      // "The Tuesday one": the one offered slot on that day.
      const sameDay = query.date && !timed ? here.filter((x) => onDay(x.slot!)) : [];
      if (sameDay.length === 1) return step.endDialog({ slot: sameDay[0].slot } satisfies SlotResult);
      // A time, alone or in a sentence ("the 14:00 one please"): the one offered slot at that time (on that day, when one is said).
      const minutes = (s: NonNullable<SlotResult['slot']>) => {
        const local = toLocal(new Date(s.start), tz);
        return local.hour * 60 + local.minute;
      };
      const atTime = query.atMinutes !== undefined ? here.filter((x) => minutes(x.slot!) === query.atMinutes && (!query.date || onDay(x.slot!))) : [];
      if (atTime.length === 1) return step.endDialog({ slot: atTime[0].slot } satisfies SlotResult);
      // "the one at ten" with 10:15 shown: an hour alone picks the one time shown in its first half.
      // 14:30 is "half three" in Dutch, not "the one at two" (a seventh patient-style test got it).
      const wholeHour = timeOnly && !atTime.length && query.atMinutes !== undefined && query.atMinutes % 60 === 0;
      const inHour = wholeHour ? here.filter((x) => minutes(x.slot!) - query.atMinutes! >= 0 && minutes(x.slot!) - query.atMinutes! < 30) : [];
      if (inHour.length === 1) return step.endDialog({ slot: inHour[0].slot } satisfies SlotResult);
      // A weekday with a time, when that very time is free: taken at once (the summary still asks to confirm).
      if (query.date && query.atMinutes !== undefined) {
        const [nearest] = await this.deps.availability.find({ date: query.date, atMinutes: query.atMinutes, ...at }, 1);
        const local = nearest && toLocal(nearest.start, tz);
        if (local && local.hour * 60 + local.minute === query.atMinutes) {
          return step.endDialog({ slot: { locationId: nearest.locationId, start: nearest.start.toISOString(), end: nearest.end.toISOString() } } satisfies SlotResult);
        }
      }
      const [y, m, d] = query.date ? query.date.split('-').map(Number) : [];
      const closure = query.date ? PracticeCalendar.of(this.deps.knowledge.practice).closure({ year: y, month: m, day: d }) : undefined;
      // The time asked for is taken: said so, before the nearest free times, so they are not read as a yes.
      if (query.date && query.atMinutes !== undefined && !closure) {
        const hh = String(Math.floor(query.atMinutes / 60)).padStart(2, '0');
        const mm = String(query.atMinutes % 60).padStart(2, '0');
        await this.send(step.context, { text: this.t(locale, 'booking.slot.timeTaken', { day: this.deps.formatter.dateLabel(query.date, locale), time: `${hh}:${mm}` }) }, locale);
      }
      if (query.date) {
        if (closure) {
          // Closed that day: said so, and the first free times after it offered instead.
          const day = this.deps.formatter.dateLabel(query.date, locale);
          const key = closure.kind === 'holiday' ? 'booking.slot.closedHoliday' : 'booking.slot.closedDay';
          await this.send(step.context, { text: this.t(locale, key, { day, holiday: closure.kind === 'holiday' ? closure.name : '' }) }, locale);
          const { date: _closed, ...rest } = query;
          return step.replaceDialog(SLOT_WATERFALL, { query: { ...rest, fromDate: query.date }, offset: 0, failures: 0, exclude: o.exclude, fromClosedDay: true } satisfies SlotOptions);
        }
      }
      // A day refused before and asked for now is asked for.
      const exclude = o.exclude?.filter((e) => !overrules(query, e));
      return step.replaceDialog(SLOT_WATERFALL, { query, offset: 0, failures: 0, ...(exclude?.length ? { exclude } : {}) } satisfies SlotOptions);
    }
    const words = ` ${foldAndSplit(text).join(' ')} `;
    if (this.deps.knowledge.dateWords.later.some((w) => words.includes(` ${w} `))) return this.nextPage(step);
    // A question no topic answers ("do I have to come fasting?"): said honestly, with a person to
    // ask, and the times again; no "I did not understand" (an eleventh patient-style test).
    if (text.includes('?') || (answers.isQuestion(text) && words.trim().split(' ').length >= 3)) {
      await this.send(step.context, { text: this.t(locale, 'booking.slot.questionUnknown') }, locale);
      return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false } satisfies SlotOptions);
    }
    if (o.failures + 1 >= 3) {
      // Not a dead end: the help says what to type, offers a person and "later", and the times stay.
      await this.send(step.context, { text: `${this.t(locale, 'booking.slot.notUnderstood')} ${this.t(locale, 'booking.stuck')}` }, locale);
      return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false, failures: 0 } satisfies SlotOptions);
    }
    await this.send(step.context, { text: this.t(locale, 'booking.slot.notUnderstood') }, locale);
    return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false, failures: o.failures + 1 } satisfies SlotOptions);
  }

  /**
   * The page of free times the options ask for, without those in a refused day or part of one.
   * Refused times are left out of what the agenda gives, so it is asked for more until the page is full.
   */
  private async free(o: SlotOptions, count: number): Promise<Slot[]> {
    const { availability, knowledge } = this.deps;
    if (!o.exclude?.length) return availability.find(o.query, count, o.offset);
    const tz = knowledge.practice.timeZone;
    const refused = (s: Slot) => o.exclude!.some((e) => inRefused(s, e, tz));
    for (let limit = (o.offset + count) * 8; ; limit *= 4) {
      const found = await availability.find(o.query, limit, 0);
      const kept = found.filter((s) => !refused(s));
      if (kept.length >= o.offset + count || found.length < limit) return kept.slice(o.offset, o.offset + count);
    }
  }

  private async nextPage(step: WaterfallStepContext<SlotOptions>): Promise<DialogTurnResult> {
    const o = step.options;
    return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false, offset: o.offset + PAGE } satisfies SlotOptions);
  }
}

/** A slot from its serialised form. */
export function slotFrom(s: NonNullable<SlotResult['slot']>): Slot {
  return { locationId: s.locationId, start: new Date(s.start), end: new Date(s.end) };
}

/** Where a part of the day begins and ends, in minutes after midnight (as the agenda reads it). */
const PART_OF_DAY: Record<NonNullable<SlotQuery['partOfDay']>, [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, 24 * 60] };

/** Whether a slot lies in a refused day, part of a day or time (a weekday, the morning, a weekday after four). */
function inRefused(slot: Slot, refused: SlotQuery, timeZone: string): boolean {
  const local = toLocal(slot.start, timeZone);
  const minutes = local.hour * 60 + local.minute;
  if (refused.date && isoDate(local) !== refused.date) return false;
  if (refused.fromDate && isoDate(local) < refused.fromDate) return false;
  if (refused.partOfDay && (minutes < PART_OF_DAY[refused.partOfDay][0] || minutes >= PART_OF_DAY[refused.partOfDay][1])) return false;
  if (refused.atMinutes !== undefined && minutes !== refused.atMinutes) return false;
  if (refused.afterMinutes !== undefined && minutes < refused.afterMinutes) return false;
  if (refused.beforeMinutes !== undefined && minutes >= refused.beforeMinutes) return false;
  return true;
}

/** The search as it was, without what the patient now refuses of it (the day, its part, its time). */
function withoutRefused(query: SlotQuery, refused: SlotQuery[]): SlotQuery {
  const q = { ...query };
  for (const r of refused) {
    if (r.date || r.fromDate) {
      delete q.date;
      delete q.fromDate;
    }
    if (r.partOfDay) delete q.partOfDay;
    if (r.atMinutes !== undefined || r.afterMinutes !== undefined || r.beforeMinutes !== undefined) {
      delete q.atMinutes;
      delete q.afterMinutes;
      delete q.beforeMinutes;
    }
  }
  return q;
}
