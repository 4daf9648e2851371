/**
 * One patient message from a Cloud API webhook, reduced to what the bot uses. What the
 * patient tapped arrives as `reply` (an interactive `button_reply` / `list_reply`, or a
 * template quick-reply `button`).
 */
export interface InboundWhatsAppMessage {
  /** WhatsApp's message id (`wamid.…`); Meta may deliver the same one more than once. */
  id: string;
  /** The sender's WhatsApp id (their phone number): personal data, never to be logged. */
  waId: string;
  /** When the patient sent it, from WhatsApp's timestamp. */
  sentAt?: Date;
  kind: 'text' | 'reply' | 'unsupported';
  /** `text.body` for a text message. */
  text?: string;
  /** The id and title of the button or list row the patient chose. */
  reply?: { id: string; title: string };
}

/** What one webhook delivery holds. */
export interface ParsedWhatsAppWebhook {
  messages: InboundWhatsAppMessage[];
  /** Delivery/read receipts for messages we sent: accepted and ignored. */
  statuses: number;
  /** Entries that are neither (other fields, other phone numbers, reactions, system notices). */
  ignored: number;
}

/** Message types a patient can send that we cannot read (voice notes, photos, …): they get a hint. */
const UNSUPPORTED = new Set(['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'order', 'unknown', 'unsupported']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Reads a `whatsapp_business_account` webhook body. Returns undefined when the body is not one
 * (wrong `object`, no `entry` array). Only `messages` changes for our own phone number id count;
 * anything malformed inside is skipped rather than failing the whole delivery.
 */
export function parseWhatsAppWebhook(body: unknown, phoneNumberId: string): ParsedWhatsAppWebhook | undefined {
  if (!isObject(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) return undefined;
  const parsed: ParsedWhatsAppWebhook = { messages: [], statuses: 0, ignored: 0 };
  for (const entry of body.entry) {
    for (const change of list(isObject(entry) ? entry.changes : undefined)) {
      const value = isObject(change) && change.field === 'messages' && isObject(change.value) ? change.value : undefined;
      const metadata = value && isObject(value.metadata) ? value.metadata : undefined;
      if (!value || metadata?.phone_number_id !== phoneNumberId) {
        parsed.ignored += 1;
        continue;
      }
      parsed.statuses += list(value.statuses).length;
      for (const raw of list(value.messages)) {
        const message = readMessage(raw);
        if (message) parsed.messages.push(message);
        else parsed.ignored += 1;
      }
    }
  }
  return parsed;
}

function readMessage(raw: unknown): InboundWhatsAppMessage | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id, 512);
  const waId = typeof raw.from === 'string' && /^[\w.+-]{1,64}$/.test(raw.from) ? raw.from : undefined;
  const type = str(raw.type, 40);
  if (!id || !waId || !type) return undefined;
  const seconds = typeof raw.timestamp === 'string' && /^\d{1,12}$/.test(raw.timestamp) ? Number(raw.timestamp) : undefined;
  const base = { id, waId, sentAt: seconds === undefined ? undefined : new Date(seconds * 1000) };

  if (type === 'text') {
    const text = isObject(raw.text) ? str(raw.text.body, 65_536) : undefined;
    return text === undefined ? undefined : { ...base, kind: 'text', text };
  }
  if (type === 'interactive' && isObject(raw.interactive)) {
    const i = raw.interactive;
    const chosen = i.type === 'button_reply' ? i.button_reply : i.type === 'list_reply' ? i.list_reply : undefined;
    if (!isObject(chosen)) return { ...base, kind: 'unsupported' };
    const replyId = str(chosen.id, 256);
    const title = str(chosen.title, 256) ?? '';
    return replyId ? { ...base, kind: 'reply', reply: { id: replyId, title } } : undefined;
  }
  if (type === 'button' && isObject(raw.button)) {
    // A quick-reply button of a template message: the payload is what we put there.
    const payload = str(raw.button.payload, 1024) ?? str(raw.button.text, 256);
    return payload ? { ...base, kind: 'reply', reply: { id: payload, title: str(raw.button.text, 256) ?? '' } } : undefined;
  }
  if (UNSUPPORTED.has(type)) return { ...base, kind: 'unsupported' };
  // Reactions, system notices (number changed), request_welcome …: nothing to answer.
  return undefined;
}
