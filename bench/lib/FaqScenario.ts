import type autocannon from 'autocannon';
import type { Locale } from '../../src/config';
import { messageActivity } from './MessageActivity';
import type { ReplyTally } from './ReplyTally';

/** A patient's question with its language. */
export interface FaqQuestion {
  text: string;
  locale: Locale;
}

/** Questions a patient asks in one conversation before the next conversation starts. */
export const FAQ_TURNS_PER_CONVERSATION = 4;

/**
 * autocannon requests for FAQ load: each connection asks a few questions in its own
 * conversation, then starts a new one (autocannon resets a connection's context after the last
 * request of the list), so the load is spread over many conversations and never has two turns
 * of one conversation in flight. Questions rotate through the development set, per language.
 */
export function faqRequests(questions: FaqQuestion[], tag: string, tally: ReplyTally): autocannon.Request[] {
  const byLocale: Record<Locale, FaqQuestion[]> = { 'nl-NL': [], 'nl-BE': [] };
  for (const q of questions) byLocale[q.locale].push(q);
  if (!byLocale['nl-NL'].length || !byLocale['nl-BE'].length) throw new Error('FAQ load needs questions in nl-NL and nl-BE');
  const share = byLocale['nl-BE'].length / questions.length;
  const next: Record<Locale, number> = { 'nl-NL': 0, 'nl-BE': 0 };
  let conversations = 0;
  const requests: autocannon.Request[] = [];
  for (let i = 0; i < FAQ_TURNS_PER_CONVERSATION; i++) {
    requests.push({
      method: 'POST',
      path: '/api/messages',
      setupRequest: (req, context) => {
        const ctx = context as { conversation?: string; locale?: Locale };
        if (!ctx.conversation || !ctx.locale) {
          conversations += 1;
          ctx.conversation = `${tag}-faq-${conversations}`;
          // Spread the languages as the development set does.
          ctx.locale = (conversations * share) % 1 < share ? 'nl-BE' : 'nl-NL';
        }
        const pool = byLocale[ctx.locale];
        const q = pool[next[ctx.locale]++ % pool.length];
        return { ...req, body: messageActivity(q.text, ctx.locale, ctx.conversation) };
      },
      onResponse: (status, body) => {
        tally.check(status, body);
      },
    });
  }
  return requests;
}
