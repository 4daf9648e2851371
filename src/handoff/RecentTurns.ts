import { RECENT_LINES_KEPT, type PatientLine, type RecentLines } from './RecentLines';
import type { TicketMessage } from './Ticket';

type RecentLine = Omit<TicketMessage, 'at'> & { at: number };

/**
 * The last few lines of each recent conversation, in this process's memory only: what a
 * receptionist needs when a patient asks for a person, without storing every message a patient
 * types. Lines reach storage only inside a ticket, when the patient asked for a person. Bounded:
 * at most `conversations` conversations (least recently active forgotten first), `lines` each,
 * and swept by the retention job once a conversation has been quiet for a few hours.
 */
export class RecentTurns implements RecentLines {
  /** Lines with their time in ms: turned into ISO text only when a ticket asks for them. */
  private readonly byConversation = new Map<string, RecentLine[]>();
  /** The conversation that had the last line: already last in the map's order. */
  private latest?: string;

  constructor(private readonly lines = RECENT_LINES_KEPT, private readonly conversations = 5000) {}

  add(conversationId: string, from: 'patient' | 'bot', text: string, at: Date): void {
    let list = this.byConversation.get(conversationId);
    if (!list || conversationId !== this.latest) {
      // Deleted and set again, so that the map's order stays least recently active first; the
      // lines of one turn (the patient's and the bot's replies) move it once.
      if (list) this.byConversation.delete(conversationId);
      else list = [];
      this.byConversation.set(conversationId, list);
      this.latest = conversationId;
    }
    list.push({ from, text: text.slice(0, 1000), at: at.getTime() });
    if (list.length > this.lines) list.splice(0, list.length - this.lines);
    if (this.byConversation.size > this.conversations) {
      const oldest = this.byConversation.keys().next().value;
      if (oldest !== undefined) this.byConversation.delete(oldest);
    }
  }

  of(conversationId: string): TicketMessage[] {
    return (this.byConversation.get(conversationId) ?? []).map((l) => ({ from: l.from, text: l.text, at: new Date(l.at).toISOString() }));
  }

  patientSaid(conversationId: string): PatientLine[] {
    const out: PatientLine[] = [];
    for (const l of this.byConversation.get(conversationId) ?? []) if (l.from === 'patient') out.push({ text: l.text, at: l.at });
    return out;
  }

  forget(conversationId: string): void {
    this.byConversation.delete(conversationId);
    if (this.latest === conversationId) this.latest = undefined;
  }

  sweep(before: Date, held: ReadonlySet<string>): number {
    const limit = before.getTime();
    let n = 0;
    // Least recently active first: the first conversation with a recent line ends the sweep.
    for (const [id, list] of this.byConversation) {
      if ((list[list.length - 1]?.at ?? 0) >= limit) break;
      if (held.has(id)) continue;
      this.forget(id);
      n += 1;
    }
    return n;
  }
}
