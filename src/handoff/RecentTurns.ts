import type { TicketMessage } from './Ticket';

/**
 * The last few lines of each recent conversation, in this process's memory only: what a
 * receptionist needs when a patient asks for a person, without storing every message a patient
 * types. Lines reach storage only inside a ticket, when the patient asked for a person. Bounded:
 * at most `conversations` conversations (least recently active forgotten first), `lines` each.
 */
export class RecentTurns {
  private readonly byConversation = new Map<string, TicketMessage[]>();

  constructor(private readonly lines = 12, private readonly conversations = 5000) {}

  add(conversationId: string, from: 'patient' | 'bot', text: string, at: Date): void {
    const list = this.byConversation.get(conversationId) ?? [];
    this.byConversation.delete(conversationId);
    list.push({ from, text: text.slice(0, 1000), at: at.toISOString() });
    this.byConversation.set(conversationId, list.slice(-this.lines));
    if (this.byConversation.size > this.conversations) {
      const oldest = this.byConversation.keys().next().value;
      if (oldest !== undefined) this.byConversation.delete(oldest);
    }
  }

  of(conversationId: string): TicketMessage[] {
    return [...(this.byConversation.get(conversationId) ?? [])];
  }

  forget(conversationId: string): void {
    this.byConversation.delete(conversationId);
  }
}
