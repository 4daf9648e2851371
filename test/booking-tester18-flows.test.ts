import { bookingKit, no, person, referenceIn, wholeBooking, type Locale } from './helpers/bookingScript';
import { testAdapterFor } from './helpers/testApp';

// Flows an eighteenth patient-style test found stuck around "I already have an appointment":
// said at a question of a booking it got "I did not understand, yes or no" three times; "but I
// want one more" right after the bot heard it got "no good answer"; and "I have one, no new one
// needed" started a booking. Typed as patients type, in our own wordings of the tester's
// families, nl-NL and nl-BE, with the tests' clock.

const { talk, appOf, booked } = bookingKit();
const NOT_UNDERSTOOD = /begreep ik niet|geen goed antwoord/;
const CONSENT = /Ga je (hiermee|daarmee) akkoord/;
const SET_ASIDE = /zet ik deze nieuwe afspraak even opzij/;

/** The booking's answers up to the referral question (the question after "since when?"). */
const toReferral = (): string[] => ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken'];

describe('"I already have an appointment" inside a booking sets it aside and offers the lookup', () => {
  it.each<[Locale, string[], string]>([
    ['nl-NL', ['afspraak maken'], 'ik heb al een afspraak'],
    ['nl-NL', toReferral(), 'oh wacht, ik heb al een afspraak'],
    ['nl-NL', toReferral().slice(0, 3), 'hmm ik heb eigenlijk al een afspraak staan'],
    ['nl-BE', ['afspraak maken'], 'ik heb al een afspraak'],
    ['nl-BE', toReferral(), 'oei wacht, ik heb al een afspraak gemaakt denk ik'],
  ])('%s: %j, then "%s"', async (locale, before, said) => {
    const r = await talk(locale, [...before, said, 'verder']);
    const [asked, resumed] = r.slice(-2);
    expect(asked.text).not.toMatch(NOT_UNDERSTOOD);
    expect(asked.text).toMatch(SET_ASIDE);
    expect(asked.actions).toContain('Afspraak opzoeken');
    // "go on" picks up the question where the booking was.
    expect(resumed.text).toContain(r[r.length - 3].text.split('\n').pop()!.slice(0, 20));
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: the lookup of the one booked before, then "verder" goes on with the new one', async (locale) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const first = await talk(locale, wholeBooking(locale), adapter);
    const reference = referenceIn(first[first.length - 1].text);
    const r = await talk(locale, [...toReferral(), 'ik heb al een afspraak', 'Afspraak opzoeken', reference, person(locale).birth, 'Toch laten staan', 'verder', no(locale)], adapter);
    expect(r[8].text).toMatch(/gevonden/);
    expect(r[10].text).toMatch(/verwijzing|voorschrift/);
    expect(r[11].text).not.toMatch(NOT_UNDERSTOOD);
  });
});

describe('"but I want one more" right after the bot heard of an appointment books another', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'maar ik wil er nog een'],
    ['nl-NL', 'ik wil er nog een maken'],
    ['nl-NL', 'ja maar ik wil toch nog een nieuwe'],
    ['nl-BE', 'maar ik wil er nog eentje'],
    ['nl-BE', 'ik wil graag een tweede'],
  ])('%s: "ik heb al een afspraak", then "%s"', async (locale, more) => {
    const r = await talk(locale, ['ik heb al een afspraak', more]);
    expect(r[0].actions).toContain('Afspraak opzoeken');
    expect(r[1].text).not.toMatch(NOT_UNDERSTOOD);
    expect(r[1].text).toMatch(CONSENT);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee ik wil er geen nieuwe bij'],
    ['nl-BE', 'neen, niet nog een'],
  ])('%s: a no ("%s") books nothing', async (locale, more) => {
    const r = await talk(locale, ['ik heb al een afspraak', more]);
    expect(r[1].text).not.toMatch(CONSENT);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak, geen nieuwe afspraak nodig'],
    ['nl-NL', 'ik heb al een afspraak staan hoor, een nieuwe afspraak is niet nodig'],
    ['nl-BE', 'ik heb al een afspraak, geen nieuwe afspraak nodig'],
  ])('%s: "%s" starts no booking', async (locale, said) => {
    const [r] = await talk(locale, [said]);
    expect(r.text).not.toMatch(CONSENT);
  });
});

describe('the same person booked a second time is asked first, from what the practice has stored', () => {
  it.each<[Locale, string, boolean]>([
    ['nl-NL', 'ja', true],
    ['nl-NL', 'nee, dan niet', false],
    ['nl-BE', 'ja, toch wel', true],
    ['nl-BE', 'neen', false],
  ])('%s: a second whole booking, then "%s"', async (locale, answer, books) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const first = await talk(locale, wholeBooking(locale), adapter);
    const reference = referenceIn(first[first.length - 1].text);
    const r = await talk(locale, [...wholeBooking(locale), answer], adapter);
    const [asked, done] = r.slice(-2).map((t) => t.text);
    expect(asked).toMatch(/staat al een afspraak: \S+ \d+ \S+ om \d/);
    expect(asked).toMatch(/tweede afspraak/);
    expect(asked).not.toMatch(/bevestigd/);
    if (books) {
      expect(done).toMatch(/bevestigd/);
      expect(referenceIn(done)).not.toBe(reference);
    } else {
      expect(done).not.toMatch(/bevestigd/);
      expect(done).toMatch(/blijft gewoon staan/);
    }
    expect((await booked(locale, first[first.length - 1].text)).status).toBe('confirmed');
  });
});
