import type { TestAdapter } from 'botbuilder';
import type { App } from '../../src/app/createApp';
import { loadValidatedKnowledge } from '../../src/knowledge';
import { bothPractices, converse, testAdapterFor, type Turn } from './testApp';

/** The locales a booking test types in. */
export type Locale = 'nl-NL' | 'nl-BE';

/** The screening questions of the knowledge base, per locale. */
export const screening = loadValidatedKnowledge('knowledge').screening;

/** "No" as a patient of the locale types it. */
export const no = (locale: Locale): string => (locale === 'nl-NL' ? 'nee' : 'neen');

/** A no to every screening question of the locale. */
export const screeningNo = (locale: Locale): string[] => screening[locale].questions.map(() => no(locale));

/** The booking reference in a confirmation. */
export const referenceIn = (text: string): string => /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(text)![1];

/** A patient's details as a booking test types them. */
export interface Person {
  name: string;
  /** The date of birth as the locale writes it (3-9-1949, 3/9/1949). */
  birth: string;
  phone: string;
}

/** The patient the booking tests book for with {@link bookingKit}'s `bookOne`, in the locale's spelling. */
export const person = (locale: Locale): Person => (locale === 'nl-NL'
  ? { name: 'Gerda Smit', birth: '3-9-1949', phone: '06 56789012' }
  : { name: 'Mieke Peeters', birth: '3/9/1949', phone: '0478 23 45 67' });

/** A whole booking of the first free time for the locale's {@link person} (a right hip), up to its confirmation, as typed. */
export const wholeBooking = (locale: Locale): string[] => {
  const p = person(locale);
  return ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja'];
};

/**
 * The two practices of a booking test file (nl-NL patients at the Dutch one, nl-BE at the
 * Belgian one), a conversation with the one of a locale, and the booking a confirmation names.
 */
export function bookingKit() {
  const practices = bothPractices();
  const appOf = (locale: Locale): App => (locale === 'nl-NL' ? practices.NL : practices.BE);
  const talk = (locale: Locale, messages: string[], adapter: TestAdapter = testAdapterFor(appOf(locale), locale)): Promise<Turn[]> =>
    converse(adapter, messages);
  const booked = async (locale: Locale, confirmation: string) => (await appOf(locale).database.bookings.findByReference(referenceIn(confirmation)))!;
  /** Books the first free time for {@link person} (a right hip, for a few weeks) and returns the confirmation's reference. */
  const bookOne = async (locale: Locale): Promise<string> => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    return referenceIn(r[r.length - 1].text);
  };
  /** A conversation in a locale at the Dutch or the Belgian practice (a Flemish patient in Utrecht, a Dutch one in Antwerp). */
  const talkAt = (country: 'NL' | 'BE', locale: Locale, messages: string[]): Promise<Turn[]> =>
    talk(locale, messages, testAdapterFor(country === 'NL' ? practices.NL : practices.BE, locale));
  /** A receptionist signed in with the console's live queue open at the locale's practice (the handoff offers waiting in the chat); returns the sign-out. */
  const signIn = (locale: Locale): (() => void) => {
    void appOf(locale).consoleSessions.create('anna');
    return appOf(locale).handoff.watch(() => undefined);
  };
  return { practices, appOf, talk, talkAt, booked, bookOne, signIn };
}
