import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Slot } from '../src/booking/Slot';
import type { SlotQuery } from '../src/booking/SlotQuery';
import type { Choice } from '../src/conversation/Reply';
import { foldAndSplit } from '../src/understanding/TextNormalizer';
import { BaseDialog } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { SLOT_DIALOG, SLOT_PROMPT, SLOT_WATERFALL } from './dialogIds';

/** Where the slot search is. */
export interface SlotOptions {
  query: SlotQuery;
  offset: number;
  failures: number;
  askDay?: boolean;
}

/** The chosen slot, or a request for a person after repeated misunderstandings. */
export interface SlotResult {
  slot?: { locationId: string; start: string; end: string };
  handoff?: boolean;
}

const PAGE = 4;

/**
 * Offers the next free slots as choices ("andere dag" / "later" for more) and understands a
 * typed day or time ("morgen", "volgende week dinsdag", "na vier uur", "'s ochtends").
 */
export class SlotDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(SLOT_DIALOG, deps);
    this.addDialog(new TextPrompt(SLOT_PROMPT));
    this.addDialog(new WaterfallDialog(SLOT_WATERFALL, [this.offer.bind(this), this.handle.bind(this)]));
    this.initialDialogId = SLOT_WATERFALL;
  }

  private async offer(step: WaterfallStepContext<SlotOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const channel = step.context.activity.channelId;
    const o = step.options;
    if (o.askDay) return step.prompt(SLOT_PROMPT, { prompt: this.promptActivity(this.t(locale, 'booking.slot.askDay'), locale, channel) });
    const slots = await this.deps.availability.find(o.query, PAGE, o.offset);
    const extra: Choice[] = [
      { label: this.t(locale, 'booking.slot.otherDay'), value: this.t(locale, 'booking.slot.otherDay') },
      { label: this.t(locale, 'booking.slot.later'), value: this.t(locale, 'booking.slot.later') },
    ];
    const f = this.deps.formatter;
    const options = slots.map((s) => {
      const label = this.t(locale, 'booking.slot.option', { day: f.dayLabel(s.start, locale), time: f.timeLabel(s.start, locale), location: f.locationName(s.locationId) });
      return { label, value: label, slot: { locationId: s.locationId, start: s.start.toISOString(), end: s.end.toISOString() } };
    });
    (step.values as { offered?: typeof options }).offered = options;
    const text = this.t(locale, slots.length ? 'booking.slot.ask' : 'booking.slot.none');
    return step.prompt(SLOT_PROMPT, { prompt: this.promptActivity(text, locale, channel, [...options.map(({ label, value }) => ({ label, value })), ...extra]) });
  }

  private async handle(step: WaterfallStepContext<SlotOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const text = String(step.result ?? '').trim();
    const o = step.options;
    const offered = ((step.values as { offered?: { label: string; slot: SlotResult['slot'] }[] }).offered ?? []);
    const lower = text.toLowerCase();
    const byLabel = offered.find((x) => x.label.toLowerCase() === lower);
    const byNumber = /^\d{1,2}$/.test(lower) ? offered[Number(lower) - 1] : undefined;
    const picked = byLabel ?? byNumber;
    if (picked?.slot) return step.endDialog({ slot: picked.slot } satisfies SlotResult);

    const words = foldAndSplit(text);
    const joined = ` ${words.join(' ')} `;
    if (lower === this.t(locale, 'booking.slot.otherDay').toLowerCase()) {
      return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: true } satisfies SlotOptions);
    }
    const query = this.deps.dateParser.parse(text);
    if (query) return step.replaceDialog(SLOT_WATERFALL, { query, offset: 0, failures: 0 } satisfies SlotOptions);
    if (this.deps.knowledge.dateWords.later.some((w) => joined.includes(` ${w} `))) {
      return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false, offset: o.offset + PAGE } satisfies SlotOptions);
    }
    if (o.failures + 1 >= 3) return step.endDialog({ handoff: true } satisfies SlotResult);
    await this.send(step.context, { text: this.t(locale, 'booking.slot.notUnderstood') }, locale);
    return step.replaceDialog(SLOT_WATERFALL, { ...o, askDay: false, failures: o.failures + 1 } satisfies SlotOptions);
  }
}

/** A slot from its serialised form. */
export function slotFrom(s: NonNullable<SlotResult['slot']>): Slot {
  return { locationId: s.locationId, start: new Date(s.start), end: new Date(s.end) };
}
