import type { Locale } from '../../src/config';
import { BOOKING_SCRIPT } from './BookingScenario';
import type { FaqQuestion } from './FaqScenario';
import type { SeededRandom } from './SeededRandom';

/** The kinds of conversation the soak test mixes. */
export type SoakKind = 'faq' | 'booking' | 'handoff';

/** One conversation to play: its kind, language and messages in order. */
export interface SoakConversation {
  kind: SoakKind;
  locale: Locale;
  messages: string[];
}

/** What a patient types to reach a person. */
export const HANDOFF_REQUEST = 'ik wil een medewerker spreken';

/**
 * Draws soak conversations: half FAQ (three to five questions from the development set), three
 * in ten booking dialogs (the bench's script, picking one of the first four slots so that
 * parallel bookings collide less), two in ten a question followed by a request for a person.
 */
export class SoakScripts {
  private readonly byLocale: Record<Locale, FaqQuestion[]> = { 'nl-NL': [], 'nl-BE': [] };

  constructor(questions: FaqQuestion[], private readonly random: SeededRandom) {
    for (const q of questions) this.byLocale[q.locale].push(q);
    if (!this.byLocale['nl-NL'].length || !this.byLocale['nl-BE'].length) throw new Error('the soak test needs questions in nl-NL and nl-BE');
  }

  /** The next conversation to play. */
  next(): SoakConversation {
    const r = this.random.next();
    if (r < 0.3) {
      const slot = String(1 + this.random.int(4));
      return { kind: 'booking', locale: 'nl-NL', messages: BOOKING_SCRIPT.map((m) => (m === '1' ? slot : m)) };
    }
    const locale: Locale = this.random.next() < 0.3 ? 'nl-BE' : 'nl-NL';
    const ask = () => this.random.pick(this.byLocale[locale]).text;
    if (r < 0.5) return { kind: 'handoff', locale, messages: [ask(), HANDOFF_REQUEST] };
    return { kind: 'faq', locale, messages: Array.from({ length: 3 + this.random.int(3) }, ask) };
  }
}
