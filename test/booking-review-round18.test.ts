import { bookingKit, no, person, screeningNo, wholeBooking, type Locale } from './helpers/bookingScript';

// Flows a reviewer's round 18 left wrong, typed as patients type, nl-NL and nl-BE, with the
// tests' clock: a refusal of the call back read as its yes; a bare no or "I don't know it by
// heart" at the right e-mail address passed on as "delete it"; a past appointment and a follow-up
// refused as "you have one", and "a new knee" read as a wish for another appointment; a
// question about parking not answered, idle or at the birth date.

const { talk, signIn } = bookingKit();

const ASKS_NUMBER = /Op welk nummer kunnen we je terugbellen/;

describe('at the callback offer, a part that refuses the call is a no to it', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'bel me niet, ik wil liever een medewerker in de chat'],
    ['nl-NL', 'ik wil niet gebeld worden. Een medewerker mag me mailen'],
    ['nl-BE', 'bel mij nie, ik wil liever iemand in de chat'],
    ['nl-BE', 'ik wil niet gebeld worden, een medewerker mag mij mailen'],
  ])('%s: "%s" asks no number', async (locale, refusal) => {
    const r = await talk(locale, ['ik wil een medewerker spreken', refusal]);
    expect(r[0].text).toMatch(/terugbelt\?/);
    expect(r[1].text).not.toMatch(ASKS_NUMBER);
    expect(r[1].text).toMatch(/zelf bellen/);
  });

  describe('with someone of the practice in the chat', () => {
    let stops: (() => void)[] = [];
    beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
    afterEach(() => { for (const stop of stops) stop(); });

    it.each<[Locale, string]>([
      ['nl-NL', 'bel me niet, ik wil liever een medewerker in de chat'],
      ['nl-BE', 'bel mij nie, ik wacht wel in de chat'],
    ])('%s: "%s" waits in the chat', async (locale, refusal) => {
      const r = await talk(locale, ['ik wil een medewerker spreken', refusal]);
      expect(r[0].actions).toEqual(['In de chat wachten', 'Terugbellen']);
      expect(r[1].text).not.toMatch(ASKS_NUMBER);
      expect(r[1].text).toMatch(/Ik heb een (medewerker|collega) gevraagd/);
    });
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben niet suicidaal, ik ben boos. geef me gewoon een medewerker'],
    ['nl-NL', 'ja, bel me maar'],
    ['nl-BE', 'ik ben nie suicidaal, ik ben boos. geef mij gewoon een medewerker'],
  ])('%s: "%s" is still a yes', async (locale, yes) => {
    const r = await talk(locale, ['ik wil een medewerker spreken', yes]);
    expect(r[1].text).toMatch(ASKS_NUMBER);
  });
});

const DELETE_IT = /niet klopt en eraf mag/;

describe('at the right e-mail address, only "I have none" passes on that it is to go', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'nee', /geen geldig e-mailadres/],
    ['nl-NL', 'ik weet mijn e-mailadres niet uit mijn hoofd', /geen geldig e-mailadres/],
    ['nl-NL', 'ik heb mijn mail niet bij de hand', /geen geldig e-mailadres/],
    ['nl-BE', 'neen', /geen geldig e-mailadres/],
    ['nl-BE', "'k weet mijn mailadres nie vanbuiten", /geen geldig e-mailadres/],
  ])('%s: "%s" asks again', async (locale, said, asked) => {
    const r = await talk(locale, [...wholeBooking(locale), 'mijn e-mail klopt niet', said]);
    const last = r[r.length - 1];
    expect(last.text).not.toMatch(DELETE_IT);
    expect(last.text).toMatch(asked);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'geen mail'],
    ['nl-NL', 'heb ik niet'],
    ['nl-NL', 'ik heb geen e-mail'],
    ['nl-BE', 'heb ik nie'],
    ['nl-BE', 'ik heb gene mail'],
  ])('%s: "%s" passes on that it is to go', async (locale, none) => {
    const r = await talk(locale, [...wholeBooking(locale), 'mijn e-mail klopt niet', none]);
    expect(r[r.length - 1].text).toMatch(DELETE_IT);
  });
});

const CONSENT = /Voor een afspraak stel ik je/;
const ALREADY = /geen nieuwe afspraak: je hebt er al een/;

describe('an appointment that is over, or a wish for another, books; "a new knee" is no such wish', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak gehad vorige week, nu wil ik een vervolgafspraak'],
    ['nl-NL', 'ik heb al een afspraak, maar ik wil graag een tweede afspraak'],
    ['nl-BE', 'ik heb al een afspraak gehad, nu wil ik een nieuwe afspraak'],
    ['nl-BE', "'k heb al een afspraak, maar 'k wil nog een afspraak"],
  ])('%s: "%s" books', async (locale, said) => {
    const r = await talk(locale, [said]);
    expect(r[0].text).toMatch(CONSENT);
    expect(r[0].text).not.toMatch(ALREADY);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak, maar ik krijg binnenkort een nieuwe knie'],
    ['nl-BE', 'ik heb al een afspraak, maar ik krijg binnenkort een nieuwe heup'],
  ])('%s: "%s" offers the lookup', async (locale, said) => {
    const r = await talk(locale, [said]);
    expect(r[0].text).toMatch(ALREADY);
    expect(r[0].actions).toContain('Afspraak opzoeken');
  });
});

describe('a question about parking is answered, idle and mid-booking at the birth date', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'is er parkeerplek?'],
    ['nl-NL', 'hebben jullie een parkeerplaats?'],
    ['nl-BE', 'is er parkeergelegenheid bij de praktijk?'],
  ])('%s: "%s", idle, gets the practice address', async (locale, asked) => {
    const r = await talk(locale, [asked]);
    expect(r[0].text).toMatch(/gegevens van/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'is er parkeerplek?'],
    ['nl-BE', 'zijn er parkeerplaatsen?'],
  ])('%s: "%s" at the birth date, then the birth date', async (locale, asked) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, asked, p.birth]);
    const [answer, next] = r.slice(-2);
    expect(answer.text).toMatch(/gegevens van/);
    expect(answer.text).not.toMatch(/Met de geboortedatum weten we/);
    expect(next.text).toMatch(/telefoon/);
  });
});
