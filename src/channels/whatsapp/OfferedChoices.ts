import type { Clock } from '../../util/Clock';
import { ExpiringMap } from './ExpiringMap';

/** One choice as shown to the patient: the title they see, the value the bot expects back. */
export interface OfferedChoice {
  title: string;
  value: string;
}

/** Reply ids we make up when a value is too long to be a button or row id: `choice:1`, `choice:2`, … */
export const CHOICE_ID_PREFIX = 'choice:';

/**
 * The choices last offered in each conversation, so that "2" typed by the patient (the
 * numbered-text fallback, or out of habit under buttons) and made-up reply ids map back to
 * the value the bot expects, as if the patient had tapped it.
 */
export class OfferedChoices {
  private readonly byConversation: ExpiringMap<string, OfferedChoice[]>;

  constructor(clock: Clock, ttlMs = 24 * 60 * 60 * 1000, maxConversations = 100_000) {
    this.byConversation = new ExpiringMap(clock, ttlMs, maxConversations);
  }

  remember(conversationId: string, choices: OfferedChoice[]): void {
    if (choices.length) this.byConversation.set(conversationId, choices);
    else this.byConversation.delete(conversationId);
  }

  forget(conversationId: string): void {
    this.byConversation.delete(conversationId);
  }

  /** The value behind a typed number ("2", "2.", " 2) "); undefined when it is not one of the offered numbers. */
  valueForNumber(conversationId: string, text: string): string | undefined {
    const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
    return match ? this.byConversation.get(conversationId)?.[Number(match[1]) - 1]?.value : undefined;
  }

  /** The value behind a made-up reply id (`choice:N`). */
  valueForReplyId(conversationId: string, id: string): string | undefined {
    if (!id.startsWith(CHOICE_ID_PREFIX)) return undefined;
    const n = Number(id.slice(CHOICE_ID_PREFIX.length));
    return Number.isInteger(n) && n > 0 ? this.byConversation.get(conversationId)?.[n - 1]?.value : undefined;
  }
}
