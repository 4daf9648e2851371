import { bookingKit, no, person, referenceIn, screeningNo, type Locale } from './helpers/bookingScript';
import { conversationIdOf, testAdapterFor } from './helpers/testApp';

// What the last patient-style tests left in the flows: a wrong phone number or e-mail address
// said right after the booking was confirmed got the cancel, move or keep question, and the
// corrected detail was lost. Typed as patients type, the testers' wordings and our own, nl-NL
// and nl-BE, with the tests' clock.

const { talk, appOf, booked } = bookingKit();

/** A whole booking of the first free time for the locale's person (a right hip), up to its confirmation. */
const wholeBooking = (locale: Locale) => {
  const p = person(locale);
  return ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja'];
};
const CHOICE = /annuleren, (verzetten|verplaatsen) of toch laten staan/;

describe('a wrong phone number or e-mail address said right after the booking is passed on, not lost', () => {
  it.each<[Locale, string, string, RegExp, string]>([
    ['nl-NL', 'sorry, verkeerd telefoonnummer gegeven', '06 12345678', /telefoonnummer/, '+31612345678'],
    ['nl-NL', 'mijn nummer klopt niet', '0612345678', /telefoonnummer/, '+31612345678'],
    ['nl-NL', 'ik heb een typfout in mijn e-mail gemaakt', 'gerda.smit@voorbeeld.nl', /e-mailadres/, 'gerda.smit@voorbeeld.nl'],
    ['nl-NL', 'oeps, dat mailadres was fout', 'Gerda@Voorbeeld.nl', /e-mailadres/, 'gerda@voorbeeld.nl'],
    ['nl-BE', 'sorry, verkeerd telefoonnummer gegeven', '0470 12 34 56', /telefoonnummer/, '+32470123456'],
    ['nl-BE', 'oei, mijn gsm-nummer klopt niet', '0470/12.34.56', /telefoonnummer/, '+32470123456'],
    ['nl-BE', 'ik heb een tikfout in mijn e-mail gestoken', 'mieke@voorbeeld.be', /e-mailadres/, 'mieke@voorbeeld.be'],
  ])('%s: "%s", then "%s"', async (locale, wrong, right, asked, kept) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const r = await talk(locale, [...wholeBooking(locale), wrong, right], adapter);
    const [confirmation, question, done] = r.slice(-3).map((t) => t.text);
    const reference = referenceIn(confirmation);
    expect(question).not.toMatch(CHOICE);
    expect(question).toMatch(asked);
    expect(done).toMatch(/doorgegeven/);
    expect(done).toContain(reference);
    expect((await booked(locale, confirmation)).status).toBe('confirmed');
    const ticket = (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversationIdOf(adapter));
    expect(ticket?.reason).toBe('detail-correction');
    const note = ticket?.messages.find((m) => m.from === 'system')?.text ?? '';
    expect(note).toContain(reference);
    // The receptionist reads the new detail as the patient hears it back (a number as it is dialled).
    if (kept.includes('@')) expect(note).toContain(kept);
    else expect(ticket?.callbackPhone).toBe(kept);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn nummer moet 06 87654321 zijn, niet 06 56789012', '+31687654321'],
    ['nl-BE', 'mijn gsm is eigenlijk 0486 11 22 33', '+32486112233'],
  ])('%s: the right number in the same message ("%s") is passed on at once', async (locale, said, kept) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const r = await talk(locale, [...wholeBooking(locale), said], adapter);
    expect(r[r.length - 1].text).toMatch(/doorgegeven/);
    const ticket = (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversationIdOf(adapter));
    expect(ticket?.callbackPhone).toBe(kept);
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: a number that is no good is asked again, and the conversation goes on after', async (locale) => {
    const r = await talk(locale, [...wholeBooking(locale), 'verkeerd nummer opgegeven', '12345', locale === 'nl-NL' ? '06 12345678' : '0470 12 34 56', 'hoe lang duurt een behandeling?']);
    expect(r[r.length - 3].text).toMatch(/geen geldig|telefoonnummer/i);
    expect(r[r.length - 2].text).toMatch(/doorgegeven/);
    // A callback ticket does not hold the conversation: the bot still answers.
    expect(r[r.length - 1].text).toMatch(/behandeling/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'naar welk e-mailadres gaat de bevestiging?'],
    ['nl-BE', 'sturen jullie nog een sms naar mijn gsm?'],
  ])('%s: a question that names the detail ("%s") corrects nothing', async (locale, question) => {
    const r = await talk(locale, [...wholeBooking(locale), question]);
    expect(r[r.length - 1].text).not.toMatch(/Wat is het juiste/);
    expect(r[r.length - 1].text).not.toMatch(/doorgegeven/);
  });
});

describe('"no, I already have an appointment" at the callback offer starts no booking', () => {
  const LOOKUP = 'Afspraak opzoeken';
  const NEW_BOOKING = /Voor een afspraak stel ik je/;
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik wil iemand spreken', 'nee hoor, ik heb al een afspraak'],
    ['nl-NL', 'kan iemand me helpen', 'nee dank je, mijn afspraak staat al'],
    ['nl-NL', 'ik wil een medewerker spreken', 'nee, ik heb al een afspraak staan voor volgende week'],
    ['nl-BE', 'kan ik iemand spreken aub', 'neen hoor, ik heb al een afspraak'],
    ['nl-BE', 'kan ik iemand spreken', 'neen merci, ik heb al een rendez-vous volgende week'],
  ])('%s: "%s", then "%s"', async (locale, ask, answer) => {
    const r = await talk(locale, [ask, answer, LOOKUP]);
    expect(r[1].text).not.toMatch(NEW_BOOKING);
    expect(r[1].text).toMatch(/al een/);
    expect(r[1].actions).toContain(LOOKUP);
    // The lookup of the appointment the patient has: its code first.
    expect(r[2].text).toMatch(/referentie/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ik heb al een afspraak hoor'],
    ['nl-BE', 'neen, ik heb al een afspraak staan'],
  ])('%s: at the callback\'s number question, "%s" is heard too', async (locale, answer) => {
    const r = await talk(locale, ['ik wil iemand spreken', 'ja', answer]);
    expect(r[2].text).not.toMatch(NEW_BOOKING);
    expect(r[2].text).not.toMatch(/geen geldig/);
    expect(r[2].actions).toContain(LOOKUP);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ik wil een afspraak'],
    ['nl-NL', 'nee hoeft niet, ik wil een afspraak maken'],
    ['nl-BE', 'neen, ik wil liever een afspraak maken'],
  ])('%s: "%s" still starts the booking', async (locale, answer) => {
    const r = await talk(locale, ['ik wil iemand spreken', answer]);
    expect(r[1].text).toMatch(NEW_BOOKING);
  });
});

describe('after the crisis question was asked twice, a name typed in lower case at the name question goes on', () => {
  const AGAIN = /^Ik wil je goed begrijpen/;
  const CRISIS = /^Dank je dat je dit vertelt/;
  const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);
  const burden = (locale: Locale) => (locale === 'nl-NL' ? 'ik zie het echt niet meer zitten met al dat wachten' : 'ik zie het ni meer zitten met al die oefeningen');
  /** A booking up to the name, the message the crisis question is asked about there, and a question back (asked again). */
  const toNameTwice = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'rechts', 'een jaar', no(locale), ...screeningNo(locale), '1', burden(locale), 'waarom vraag je dat'];

  it.each<[Locale, string]>([
    ['nl-NL', 'jan de vries'],
    ['nl-NL', 'anna de wit'],
    ['nl-NL', 'piet van den berg'],
    ['nl-BE', 'els peeters'],
    ['nl-BE', 'jef vermeulen'],
  ])('%s: "%s" is the name: the date of birth is asked next, with the crisis line in one line', async (locale, name) => {
    const r = await talk(locale, [...toNameTwice(locale), name, person(locale).birth]);
    const [again, named, born] = r.slice(-3);
    expect(again.text).toMatch(AGAIN);
    expect(named.text).not.toMatch(CRISIS);
    expect(named.text.split('\n').filter((l) => line(locale).test(l))).toHaveLength(1);
    expect(named.text).toMatch(/geboortedatum/);
    expect(born.text).not.toMatch(CRISIS);
  });

  it.each<[Locale, string]>([
    // Despair or not caring in a name's shape, and the answers that were always the crisis: still its text.
    ['nl-NL', 'alles is zinloos'],
    ['nl-NL', 'laat maar zitten'],
    ['nl-NL', 'zinlos allemaal'],
    ['nl-NL', 'wat maakt het nog uit'],
    ['nl-NL', 'soms'],
    ['nl-NL', 'ja'],
    ['nl-NL', 'ja soms wel'],
    ['nl-BE', 'kan mij ni schelen'],
    ['nl-BE', 'niemand zou het merken'],
    ['nl-BE', 'misschien wel'],
    ['nl-BE', 'soms'],
  ])('%s: "%s" still gets the crisis text', async (locale, answer) => {
    const r = await talk(locale, [...toNameTwice(locale), answer]);
    expect(r[r.length - 2].text).toMatch(AGAIN);
    expect(r[r.length - 1].text).toMatch(CRISIS);
  });
});
