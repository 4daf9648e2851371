import type autocannon from 'autocannon';
import { messageActivity } from './MessageActivity';
import { replyActivities, type ReplyTally } from './ReplyTally';

/**
 * A first appointment, turn by turn, as a patient in the Netherlands answers it: booking,
 * consent, joint, side, since when, no referral, seven screening questions answered "no", the
 * first slot offered, name, date of birth, phone, no e-mail, confirm.
 */
export const BOOKING_SCRIPT: readonly string[] = [
  'Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee',
  ...Array<string>(7).fill('nee'),
  '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen',
];

/** Messages of the script that answer a button the bot must just have offered. */
const BUTTON_ANSWERS = new Set(['ja', 'knie', 'links', 'nee', 'bevestigen']);

/**
 * autocannon requests for booking load: each connection walks its own conversation through
 * {@link BOOKING_SCRIPT} and then starts a new conversation. Confirmations may find the slot
 * taken by another connection; that reply is still a 200 with activities, which is all that is
 * checked here.
 */
export function bookingRequests(tag: string, tally: ReplyTally, script: readonly string[] = BOOKING_SCRIPT): autocannon.Request[] {
  let conversations = 0;
  return script.map((text, i) => ({
    method: 'POST' as const,
    path: '/api/messages',
    setupRequest: (req: autocannon.Request, context: object) => {
      const ctx = context as { conversation?: string };
      if (i === 0 || !ctx.conversation) ctx.conversation = `${tag}-booking-${++conversations}`;
      return { ...req, body: messageActivity(text, 'nl-NL', ctx.conversation) };
    },
    onResponse: (status: number, body: string) => {
      tally.check(status, body);
    },
  }));
}

/** What walking the script once, before any load, showed. */
export interface BookingPreflight {
  ok: boolean;
  turns: number;
  problems: string[];
}

/**
 * Walks the booking script once and checks that the conversation stays in step: every answer
 * that is a button was offered by the previous reply, and the confirmation ends the dialog.
 * A script out of step would still get 200s under load, but would measure something else.
 */
export async function preflightBooking(base: string, conversation: string, script: readonly string[] = BOOKING_SCRIPT): Promise<BookingPreflight> {
  const problems: string[] = [];
  let offered: string[] = [];
  for (const [i, text] of script.entries()) {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: messageActivity(text, 'nl-NL', conversation),
    });
    const body = await res.text();
    const activities = replyActivities(body);
    if (!res.ok || !activities?.length) {
      problems.push(`turn ${i + 1} ("${text}"): HTTP ${res.status}, ${activities?.length ?? 0} activities`);
      break;
    }
    if (BUTTON_ANSWERS.has(text.toLowerCase()) && !offered.includes(text.toLowerCase())) {
      problems.push(`turn ${i + 1} ("${text}") was not among the buttons offered (${offered.join(', ') || 'none'})`);
    }
    offered = activities.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? x.value ?? '').toLowerCase()));
  }
  if (!problems.length && offered.includes('bevestigen')) problems.push('the confirmation was offered again after "Bevestigen"');
  return { ok: problems.length === 0, turns: script.length, problems };
}
