import { bookingKit, no, person, screeningNo, wholeBooking, type Locale } from './helpers/bookingScript';
import { I18nextTranslator } from '../src/i18n/Translator';

// Flows a fifteenth patient-style test found losing data or stuck: a question about privacy read
// as the deletion (and a yes to being told deleting the data and cancelling the booking); a
// position word ("the left one") taken as the consent's first button; the handoff choice with no
// typed way out; a referral answer stored as "since when"; "Monday" meaning next Monday on the
// Monday of the appointment; a reference typed after "tap look up"; a phone number typed after the
// handoff's timeout; the Belgian console label. Typed as patients type, the tester's wordings and
// our own, nl-NL and nl-BE, with the tests' clock.

const kit = bookingKit();
const { talk, booked, signIn } = kit;

describe('a question about privacy is answered, and deletes nothing', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wat doen jullie met mijn gegevens?'],
    ['nl-NL', 'bewaren jullie mijn gegevens?'],
    ['nl-NL', 'hoe gaan jullie om met mijn privacy?'],
    ['nl-NL', 'wie kan mijn berichten lezen?'],
    ['nl-NL', 'waar worden mijn gegevens bewaard'],
    ['nl-NL', 'ik wil graag weten wie mijn gegevens te zien krijgt'],
    ['nl-BE', 'wat doen jullie met mijn gegevens?'],
    ['nl-BE', 'mag ik eens vragen wat jullie met mijn gegevens doen?'],
    ['nl-BE', 'wie kan da allemaal lezen wat ik hier typ?'],
    ['nl-BE', 'houden jullie mijn gegevens bij?'],
  ])('%s: "%s", then "ja graag, vertel maar"', async (locale, question) => {
    const steps = wholeBooking(locale);
    const r = await talk(locale, [...steps, question, 'ja graag, vertel maar']);
    const confirmation = r[steps.length - 1].text;
    const answer = r[steps.length];
    expect(answer.text).toMatch(/privacyverklaring: https:\/\//);
    expect(answer.text).toMatch(/365 dagen na de afspraak/);
    expect(answer.text).not.toMatch(/Wil je dat ik alles verwijder wat deze assistent van je (bewaart|bijhoudt)\?$/);
    expect(r[r.length - 1].text).not.toMatch(/Klaar\. Ik heb verwijderd/);
    expect((await booked(locale, confirmation)).status).toBe('confirmed');
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'verwijder mijn gegevens', 'ja graag, vertel maar'],
    ['nl-NL', 'wis mijn gegevens', 'ja, wat wordt er dan precies verwijderd?'],
    ['nl-BE', 'verwijder mijn gegevens', 'ja, leg eens uit'],
  ])('%s: "%s" says the bookings go too, and "%s" deletes nothing yet', async (locale, request, unclear) => {
    const steps = wholeBooking(locale);
    const r = await talk(locale, [...steps, request, unclear]);
    const confirmation = r[steps.length - 1].text;
    expect(r[steps.length].text).toMatch(/Let op: dan annuleer ik ook de afspraken/);
    expect(r[steps.length].actions).toEqual(['Ja', no(locale) === 'nee' ? 'Nee' : 'Neen']);
    expect(r[steps.length + 1].text).toMatch(/duidelijk bevestigt|Twijfel je/);
    expect(r[steps.length + 1].text).not.toMatch(/Klaar\. Ik heb verwijderd/);
    expect((await booked(locale, confirmation)).status).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ja, verwijder'],
    ['nl-NL', 'Ja'],
    ['nl-BE', 'ja, verwijder alles maar'],
  ])('%s: a clear yes ("%s") deletes, and cancels the booking', async (locale, yes) => {
    const steps = wholeBooking(locale);
    const r = await talk(locale, [...steps, 'verwijder mijn gegevens', yes]);
    const confirmation = r[steps.length - 1].text;
    expect(r[r.length - 1].text).toMatch(/Klaar\. Ik heb verwijderd: .*1 afspraak \(die is ook geannuleerd\)/);
    expect((await booked(locale, confirmation)).status).not.toBe('confirmed');
  });
});

describe('a side or a position word is no yes to a yes-or-no question', () => {
  it.each<[Locale, string, string]>([
    ['nl-BE', 'afspraak voor mijn knie', 'de linkse'],
    ['nl-BE', 'afspraak maken', 'de rechtse'],
    ['nl-BE', 'afspraak voor mijn heup', 'links'],
    ['nl-NL', 'afspraak voor mijn knie', 'de linker'],
    ['nl-NL', 'afspraak maken', 'de eerste'],
  ])('%s: "%s", then "%s" at the consent question', async (locale, ask, answer) => {
    const r = await talk(locale, [ask, answer]);
    expect(r[0].text).toMatch(/akkoord\?$/);
    expect(r[1].text).not.toMatch(/Genoteerd|Over welk gewricht|Aan welke kant|Sinds wanneer|niets van je opgeslagen/);
    expect(r[1].text).toMatch(/akkoord/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a yes after it is the consent', async (locale) => {
    const r = await talk(locale, ['afspraak voor mijn knie', 'de linkse', 'ja']);
    expect(r[2].text).toMatch(/Aan welke kant|Sinds wanneer/);
  });
});

describe('the handoff choice can be left by typing, back to the booking set aside', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });

  it.each<[Locale, string]>([
    ['nl-NL', 'later'],
    ['nl-NL', 'verder'],
    ['nl-NL', 'nee ik wil geen medewerker'],
    ['nl-NL', 'terug'],
    ['nl-NL', 'stoppen'],
    ['nl-NL', 'nee'],
    ['nl-BE', 'neen, toch maar niet'],
    ['nl-BE', 'laat maar'],
  ])('%s: mid-booking, a person asked for, then "%s"', async (locale, out) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'ik wil een medewerker spreken', out, 'een paar weken']);
    expect(r[4].actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(r[5].text).toMatch(/niemand bij\. We gaan verder met je afspraak/);
    expect(r[5].text).toMatch(/Sinds wanneer/);
    expect(r[6].text).not.toMatch(/begreep ik niet|geen goed antwoord|meelezen/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee'],
    ['nl-BE', 'stop'],
  ])('%s: without a booking, "%s" at the choice', async (locale, out) => {
    const r = await talk(locale, ['ik wil een medewerker spreken', out]);
    expect(r[1].text).toMatch(/niemand bij/);
    expect(r[1].actions).toContain('Afspraak maken');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'momentje, mijn telefoon gaat'],
    ['nl-NL', 'wacht even, de bel gaat'],
    ['nl-BE', 'ogenblikje, de telefoon gaat'],
  ])('%s: "%s" mid-booking waits, and asks for nobody', async (locale, wait) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', wait, 'een paar weken']);
    expect(r[4].text).toMatch(/Geen haast/);
    expect(r[4].actions).not.toContain('In de chat wachten');
    expect(r[5].text).not.toMatch(/begreep ik niet|geen goed antwoord/);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn moeder kan sinds gisteren ineens niet meer goed praten en haar gezicht hangt scheef', 'ok we bellen'],
    ['nl-NL', 'mijn moeder kan sinds gisteren ineens niet meer goed praten en haar gezicht hangt scheef', 'ok ik bel de huisarts'],
    ['nl-BE', 'mijn moeder kan sinds gisteren ineens niet meer goed praten en haar gezicht hangt scheef', 'ok we bellen direct'],
  ])('%s: after an emergency text, "%s"', async (locale, emergency, calling) => {
    const r = await talk(locale, [emergency, calling]);
    expect(r[0].text).toMatch(/112/);
    expect(r[1].text).toMatch(/doe dat meteen/);
    expect(r[1].actions).not.toContain('In de chat wachten');
  });
});

describe("a receptionist's reply is labelled with the word the bot uses for them", () => {
  it.each<[Locale, RegExp]>([
    ['nl-NL', /^Medewerker$/],
    ['nl-BE', /^Collega$/],
  ])('%s', (locale, label) => {
    const t = new I18nextTranslator('locales');
    expect(t.t(locale, 'handoff.staffPrefix')).toMatch(label);
    expect(t.t(locale, 'handoff.choose').toLowerCase()).toContain(t.t(locale, 'handoff.staffPrefix').toLowerCase());
  });
});

describe('a referral answer at "since when?" is kept for the referral question, and "since when?" is asked again', () => {
  it.each<[Locale, string, boolean]>([
    ['nl-NL', 'nee hoor, geen verwijzing', false],
    ['nl-NL', 'weet niet, heb geen verwijzing', false],
    ['nl-NL', 'ja ik heb een verwijzing van de huisarts', true],
    ['nl-BE', 'nee hoor, gin verwijzing', false],
    ['nl-BE', 'neen, ik heb geen voorschrift', false],
  ])('%s: "%s"', async (locale, answer, has) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', answer, 'een paar weken', ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[4].text).toMatch(/Genoteerd: (je hebt een|geen) (verwijzing|voorschrift)/);
    expect(r[4].text).toMatch(/Sinds wanneer/);
    expect(r[5].text).not.toMatch(/verwijzing van je huisarts\?|voorschrift van je dokter\?|Heb je een (verwijzing|voorschrift)/);
    const card = r[r.length - 2].cards;
    expect(card).toMatch(/heup, rechts, een paar weken/);
    expect(card).not.toMatch(/nee hoor|weet niet|gin|ik heb/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.complaint.since).toBe('een paar weken');
    expect(booking.hasReferral).toBe(has);
  });
});

describe('"Gegevens wijzigen > Klacht" asks "since when?" again too', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'sinds de zomer'],
    ['nl-BE', 'al een jaar of twee'],
  ])('%s: a new start "%s" reaches the summary and the booking', async (locale, since) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'nee hoor', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen',
      'Gegevens wijzigen', 'klacht', 'knie', 'links', since, 'ja']);
    expect(r[r.length - 3].text).toMatch(/Sinds wanneer/);
    expect(r[r.length - 2].cards).toMatch(new RegExp(`knie, links, ${since}`));
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'knee', side: 'left', since });
  });
});

describe("moving an appointment that is today: today's weekday refused means today", () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'goedendag, ik moet mijn afspraak andere dag, maandag kan ik niet'],
    ['nl-NL', 'ik wil mijn afspraak verzetten, maandag lukt niet'],
    ['nl-BE', 'ik wil mijn afspraak verplaatsen, maandag kan ik niet'],
  ])('%s: "%s" on the Monday of the appointment', async (locale, ask) => {
    const { bookOne } = kit;
    const reference = await bookOne(locale);
    const r = await talk(locale, [ask, reference, person(locale).birth]);
    const times = r[r.length - 1].actions.filter((a) => /–/.test(a));
    expect(times.length).toBeGreaterThan(0);
    expect(times.some((a) => /^ma 23 nov/.test(a))).toBe(false);
  });
});

describe('the reference typed after "tap look up" starts the lookup', () => {
  it.each<[Locale, string, (code: string) => string]>([
    ['nl-NL', 'wanneer was mijn afspraak ook alweer', (code) => code],
    ['nl-NL', 'hoe laat is mijn afspraak', (code) => `het is ${code}`],
    ['nl-BE', 'wanneer is mijn afspraak', (code) => code.toLowerCase()],
  ])('%s: "%s", then the reference', async (locale, ask, typed) => {
    const reference = await kit.bookOne(locale);
    const r = await talk(locale, [ask, typed(reference), person(locale).birth]);
    expect(r[0].actions).toContain('Afspraak opzoeken');
    expect(r[1].text).not.toMatch(/geen goed antwoord/);
    expect(r[1].text).toMatch(/geboortedatum/);
    expect(r[2].text).toMatch(/gevonden/);
  });
});

describe('a call back asked for, or a number typed at the handoff choice, starts the call back', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });
  const numberOf = (locale: Locale) => (locale === 'nl-NL' ? '06 11 22 33 44' : '0470 99 88 77');

  it.each<[Locale, string]>([
    ['nl-NL', 'ja graag terugbellen'],
    ['nl-NL', 'bel me maar terug'],
    ['nl-BE', 'ja, graag terugbellen aub'],
  ])('%s: "%s" asks the number, not the choice', async (locale, ask) => {
    const r = await talk(locale, [ask, numberOf(locale), 'over mijn rekening']);
    expect(r[0].actions).not.toContain('In de chat wachten');
    expect(r[0].text).toMatch(/Op welk nummer/);
    expect(r[1].text).toMatch(/Waarover/);
    expect(r[2].text).toMatch(/belt je terug op 0\d/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a number typed at the choice is the call back on it', async (locale) => {
    const r = await talk(locale, ['ik wil iemand spreken', numberOf(locale), 'geen']);
    expect(r[0].actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(r[1].text).toMatch(/Waarover/);
    expect(r[2].text).toMatch(/belt je terug op 0\d/);
  });
});
