import { ActionTypes, type Activity, type CardAction } from 'botbuilder';
import type { Locale } from '../../config/AppConfig';
import type { Translator } from '../../i18n/Translator';
import { CHOICE_ID_PREFIX, type OfferedChoice } from './OfferedChoices';
import { WHATSAPP_LIMITS as L, type OutboundWhatsAppMessage } from './OutboundWhatsAppMessage';

/** The WhatsApp messages for one bot activity, and the choices they offer (in order). */
export interface WhatsAppRendering {
  messages: OutboundWhatsAppMessage[];
  choices: OfferedChoice[];
}

const REPLY_ACTIONS = new Set<string>([ActionTypes.ImBack, ActionTypes.PostBack, ActionTypes.MessageBack]);

/**
 * Turns a Bot Framework message activity into Cloud API messages. Suggested actions become
 * reply buttons when there are at most 3 with titles of at most 20 characters, a list message
 * when there are at most 10 with titles of at most 24, and otherwise numbered lines the
 * patient answers by typing the number. Text longer than WhatsApp allows is split.
 */
export class WhatsAppActivityRenderer {
  constructor(private readonly translator: Translator) {}

  render(activity: Partial<Activity>, locale: Locale): WhatsAppRendering {
    const actions = activity.suggestedActions?.actions ?? [];
    const choices = actions.filter((a) => REPLY_ACTIONS.has(a.type)).map(toChoice).filter((c) => c !== undefined);
    const links = actions
      .filter((a) => !REPLY_ACTIONS.has(a.type) && typeof a.value === 'string' && a.value)
      .map((a) => (a.title ? `${a.title}: ${String(a.value)}` : String(a.value)));
    const text = [activity.text?.trim() ?? '', ...links].filter(Boolean).join('\n\n');

    if (!choices.length) return { messages: textMessages(text), choices };
    const titles = choices.map((c) => c.title);
    const distinct = new Set(titles).size === titles.length;

    if (distinct && choices.length <= L.buttons && titles.every((t) => t.length <= L.buttonTitle)) {
      const { lead, body } = this.split(text, locale);
      const ids = replyIds(choices, L.buttonId);
      const buttons = choices.map((c, i) => ({ type: 'reply' as const, reply: { id: ids[i], title: c.title } }));
      return { messages: [...lead, { type: 'interactive', interactive: { type: 'button', body: { text: body }, action: { buttons } } }], choices };
    }
    if (distinct && choices.length <= L.listRows && titles.every((t) => t.length <= L.rowTitle)) {
      const { lead, body } = this.split(text, locale);
      const ids = replyIds(choices, L.rowId);
      const rows = choices.map((c, i) => ({ id: ids[i], title: c.title }));
      const button = this.translator.t(locale, 'whatsapp.listButton').slice(0, L.listButton);
      return {
        messages: [...lead, { type: 'interactive', interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ rows }] } } }],
        choices,
      };
    }
    const numbered = choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
    const hint = this.translator.t(locale, 'whatsapp.numberHint');
    return { messages: textMessages([text, numbered, hint].filter(Boolean).join('\n\n')), choices };
  }

  /** An interactive body holds 1024 characters: longer text goes first as its own message(s). */
  private split(text: string, locale: Locale): { lead: OutboundWhatsAppMessage[]; body: string } {
    if (text && text.length <= L.interactiveBody) return { lead: [], body: text };
    return { lead: textMessages(text), body: this.translator.t(locale, 'whatsapp.choosePrompt') };
  }
}

function toChoice(action: CardAction): OfferedChoice | undefined {
  const raw: unknown = action.type === ActionTypes.MessageBack ? (action.text ?? action.displayText ?? action.value) : action.value;
  const value = typeof raw === 'string' && raw.trim() ? raw : action.title;
  const title = (action.title ?? value ?? '').replace(/\s+/g, ' ').trim();
  return value && title ? { title, value } : undefined;
}

/**
 * The values themselves when they fit and are distinct, so a tap on an older message still means
 * the right thing; otherwise `choice:N`, resolved through the conversation's offered choices.
 */
function replyIds(choices: OfferedChoice[], max: number): string[] {
  const values = choices.map((c) => c.value);
  const usable = new Set(values).size === values.length && values.every((v) => v.length <= max && !v.startsWith(CHOICE_ID_PREFIX));
  return usable ? values : choices.map((_, i) => `${CHOICE_ID_PREFIX}${i + 1}`);
}

function textMessages(text: string): OutboundWhatsAppMessage[] {
  return splitText(text, L.textBody).map((body) => ({ type: 'text', text: { body, preview_url: false } }));
}

/** Splits at paragraph, line or word boundaries so that no part exceeds `max` characters. */
function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((i) => i > max / 2) ?? max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
