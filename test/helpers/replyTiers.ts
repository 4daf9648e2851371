import type { Turn } from './testApp';
import type { Locale } from './bookingScript';

/** A tier as the patient reads it: the opening of the reply's instruction. */
export type ReplyTier = '112' | 'crisis' | 'now' | 'soon';

/** How the reply of each tier opens (the locale texts under "emergency"), in both locales. */
export const OPENING: Record<ReplyTier, RegExp> = {
  '112': /^Bel nu 112/,
  crisis: /^(Dank je dat je dit vertelt|Ik weet niet zeker)/,
  now: /^Wat je (vertelt|beschrijft),? moet vandaag nog door een (arts|dokter)/,
  soon: /maak deze week een afspraak bij de (huisarts|dokter)/,
};

/** Any alarm in a reply: what an everyday message must not get. */
export const ANY_ALARM = /Bel nu 112|vandaag nog door een (arts|dokter)|deze week een afspraak bij de (huisarts|dokter)|113|1813/;

const crisisLine = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);

/**
 * One test per message typed as a conversation's first (with `talk` of the file's bookingKit):
 * the reply opens with the tier's instruction, the crisis line of the practice's country with the
 * crisis text (null: no alarm in the reply at all).
 */
export function expectReplyTiers(talk: (locale: Locale, messages: string[]) => Promise<Turn[]>, rows: [Locale, string, ReplyTier | null][]): void {
  it.each(rows)('%s: "%s" → %s', async (locale, message, tier) => {
    const [r] = await talk(locale, [message]);
    if (!tier) return expect(r.text).not.toMatch(ANY_ALARM);
    expect(r.text).toMatch(OPENING[tier]);
    if (tier === 'crisis') expect(r.text).toMatch(crisisLine(locale));
  });
}
