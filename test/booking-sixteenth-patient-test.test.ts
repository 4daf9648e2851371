import { bookingKit, no, person, screeningNo, wholeBooking, type Locale } from './helpers/bookingScript';

// Flows a sixteenth patient-style test and a review left wrong: "(no,) I already have an
// appointment" starting a new booking; the joint of "yes, for the left knee" at the consent asked
// again; the Flemish "nie" not read as "not" in "my e-mail is not right"; a request for a person
// with a "not" elsewhere taken as a no to the callback; "I'm back" after "one moment" read as the
// answer; a no to the deletion mid-booking leaving the booking aside; and at the contact fix and
// the callback number, "I have no e-mail", "cancel it after all" and a no. Typed as patients
// type, the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk, signIn } = bookingKit();

const CONSENT = /Voor een afspraak stel ik je/;
const ALREADY = /geen nieuwe afspraak: je hebt er al een/;

describe('"I already have an appointment" offers to look it up, never a new booking', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak'],
    ['nl-NL', 'nee hoor, ik heb al een afspraak'],
    ['nl-NL', 'ik heb toch al een afspraak staan bij jullie'],
    ['nl-BE', 'neen hoor, ik heb al een afspraak'],
    ['nl-BE', "neen merci, 'k heb al een afspraak"],
    ['nl-BE', 'ik heb al een afspraak gemaakt hoor'],
  ])('%s: "%s", idle', async (locale, said) => {
    const r = await talk(locale, [said]);
    expect(r[0].text).toMatch(ALREADY);
    expect(r[0].text).not.toMatch(CONSENT);
    expect(r[0].actions).toContain('Afspraak opzoeken');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee hoor, ik heb al een afspraak'],
    ['nl-BE', 'neen, ik heb al een afspraak'],
  ])('%s: "%s" after a question was answered, then the lookup', async (locale, said) => {
    const r = await talk(locale, ['hoe lang duurt een afspraak?', said, 'afspraak opzoeken']);
    expect(r[1].text).toMatch(ALREADY);
    expect(r[2].text).toMatch(/referentie/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak maar wil er nog een'],
    ['nl-NL', 'ik heb al een afspraak, maar ik wil nog een afspraak voor mijn andere knie'],
    ['nl-BE', "'k heb al een afspraak, maar ik wil er nog een afspraak bij maken"],
  ])('%s: "%s" still books', async (locale, said) => {
    const p = person(locale);
    const r = await talk(locale, [said, 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen']);
    expect(r[0].text).toMatch(CONSENT);
    expect(r[r.length - 1].text).toMatch(/Klopt dit\?/);
  });
});

describe('a yes to the consent that names the joint keeps it, the joint and side not asked again', () => {
  it.each<[Locale, string, string]>([
    ['nl-BE', 'ja, voor de linkse knie', 'knie, links'],
    ['nl-BE', 'ja hoor, het is voor mijne rechtse heup', 'heup, rechts'],
    ['nl-NL', 'ja, voor mijn linkerknie', 'knie, links'],
    ['nl-NL', 'ja prima, het gaat om de rechter heup', 'heup, rechts'],
  ])('%s: "%s"', async (locale, yes, complaint) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', yes, 'sinds vorig jaar', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen']);
    expect(r[1].text).toMatch(new RegExp(`Genoteerd: ${complaint}`));
    expect(r[1].text).toMatch(/Sinds wanneer/);
    expect(r[1].text).not.toMatch(/Over welk gewricht|Aan welke kant/);
    expect(r[r.length - 1].cards).toMatch(new RegExp(`${complaint}, sinds vorig jaar`));
  });

  it.each<[Locale, string]>([
    ['nl-BE', 'ja, voor de knie'],
    ['nl-NL', 'ja, het is mijn heup'],
  ])('%s: "%s" (no side) asks only the side', async (locale, yes) => {
    const r = await talk(locale, ['afspraak maken', yes]);
    expect(r[1].text).toMatch(/Aan welke kant|Welke kant/);
    expect(r[1].text).not.toMatch(/Over welk gewricht/);
  });
});

describe('after a confirmation, the Flemish "nie" says a contact detail is wrong as "niet" does', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-BE', 'mijn e-mail klopt nie', 'mieke.peeters@voorbeeld.be', /e-mailadres/],
    ['nl-BE', 'mijn telefoonnummer klopt nie', '0478 99 88 77', /nummer/],
    ['nl-BE', 'mijn gsm-nummer klopt ni', '0478 99 88 77', /nummer/],
    ['nl-BE', 'dat e-mailadres is nie juist', 'mieke.peeters@voorbeeld.be', /e-mailadres/],
    ['nl-NL', 'mijn e-mail klopt niet meer', 'gerda.smit@voorbeeld.nl', /e-mailadres/],
    ['nl-NL', 'mijn telefoonnummer klopt niet', '06 11223344', /nummer/],
  ])('%s: "%s", then the right one', async (locale, wrong, right, asked) => {
    const r = await talk(locale, [...wholeBooking(locale), wrong, right]);
    const [fix, done] = r.slice(-2);
    expect(fix.text).toMatch(asked);
    expect(fix.text).toMatch(/juiste|goede|Wat is/);
    expect(fix.actions ?? []).not.toContain('Adres en contact');
    expect(done.text).toMatch(/doorgegeven/);
  });
});

describe('at the callback offer with nobody in the chat, a request for a person with a "not" elsewhere is a yes', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben niet suicidaal, ik ben boos. geef me gewoon een medewerker'],
    ['nl-NL', 'dat bedoel ik niet. ik wil gewoon een mens spreken'],
    ['nl-BE', 'ik ben nie depressief, ik ben kwaad! geef mij gewoon iemand van de praktijk'],
    ['nl-BE', 'da klopt niet wat ge zegt, ik wil een medewerker spreken'],
  ])('%s: "%s" asks the number', async (locale, said) => {
    const r = await talk(locale, ['ik wil iemand spreken', said]);
    expect(r[0].actions).toContain('Ja');
    expect(r[1].text).toMatch(/Op welk nummer kunnen we je terugbellen/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, ik wil geen medewerker'],
    ['nl-NL', 'nee hoeft niet'],
    ['nl-BE', 'neen, laat maar, ik bel zelf wel'],
  ])('%s: "%s" is still a no', async (locale, said) => {
    const r = await talk(locale, ['ik wil iemand spreken', said]);
    expect(r[1].text).toMatch(/bellen op/);
    expect(r[1].text).not.toMatch(/Op welk nummer/);
  });
});

describe('"I\'m back" after "one moment" asks the question on screen again', () => {
  it.each<[Locale, string, string]>([
    ['nl-BE', 'momentje, de bel gaat', 'zo, ik ben terug'],
    ['nl-BE', 'wacht efkes', "allee, 'k ben er terug"],
    ['nl-NL', 'momentje', 'ben er weer'],
    ['nl-NL', 'een ogenblikje, de telefoon', 'sorry, daar ben ik weer'],
  ])('%s: at the name, "%s", then "%s"', async (locale, wait, back) => {
    const p = person(locale);
    const r = await talk(locale, [...wholeBooking(locale).slice(0, -5), wait, back, p.name, p.birth]);
    const [waited, asked, named, birth] = r.slice(-4);
    expect(waited.text).toMatch(/Geen haast/);
    expect(asked.text).toMatch(/Fijn, dan/);
    expect(asked.text).toMatch(/voor- en achternaam/);
    expect(asked.text).not.toMatch(/geen naam/);
    expect(named.text).toMatch(/geboortedatum/);
    expect(birth.text).toMatch(/telefoon/);
  });

  describe('at the handoff choice', () => {
    let stops: (() => void)[] = [];
    beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
    afterEach(() => { for (const stop of stops) stop(); });

    it.each<[Locale, string, string]>([
      ['nl-NL', 'momentje, de bel gaat', 'ben er weer'],
      ['nl-NL', 'momentje', 'zo, ik ben terug'],
      ['nl-BE', 'wacht efkes', 'ik ben er weer hoor'],
    ])('%s: mid-booking, a person asked for, "%s", then "%s"', async (locale, wait, back) => {
      const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'ik wil een medewerker spreken', wait, back, 'in de chat wachten']);
      expect(r[4].actions).toEqual(['In de chat wachten', 'Terugbellen']);
      expect(r[5].text).toMatch(/Geen haast/);
      expect(r[6].text).toMatch(/Fijn, dan/);
      expect(r[6].text).toMatch(/meelezen/);
      expect(r[6].text).not.toMatch(/begreep ik niet/);
      expect(r[7].text).toMatch(/Ik heb een (medewerker|collega) gevraagd/);
    });
  });
});

describe('a no to the deletion asked mid-booking goes back to the booking', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'verwijder mijn gegevens', 'nee toch maar niet'],
    ['nl-NL', 'wis al mijn gegevens', 'nee laat maar staan'],
    ['nl-BE', 'verwijder mijn gegevens', 'neen, toch maar nie'],
    ['nl-BE', 'wis mijn gegevens aub', 'neen merci'],
  ])('%s: at the referral, "%s", then "%s", then a no to the referral', async (locale, deletion, answer) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', 'half jaar', deletion, answer, no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen']);
    expect(r[5].text).toMatch(/^Wil je dat ik alles verwijder/);
    expect(r[6].text).toMatch(/niets verwijderd/);
    expect(r[6].text).toMatch(/verwijzing|voorschrift/);
    expect(r[6].text).not.toMatch(/staat even opzij/);
    expect(r[7].text).not.toMatch(/Waarmee kan ik je helpen/);
    expect(r[r.length - 1].cards).toMatch(/heup, links, half jaar/);
  });
});

describe('the contact fix after a confirmation: no e-mail is an answer, and a cancellation reaches the cancel flow', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb geen e-mail eigenlijk'],
    ['nl-NL', 'heb ik niet'],
    ['nl-NL', 'geen'],
    ['nl-BE', "'k heb eigenlijk gene mail"],
    ['nl-BE', 'ik heb geen e-mailadres'],
  ])('%s: at the right e-mail address, "%s" passes on that it is to go', async (locale, none) => {
    const r = await talk(locale, [...wholeBooking(locale), 'mijn e-mail klopt niet', none]);
    const last = r[r.length - 1];
    expect(last.text).toMatch(/doorgegeven dat het e-mailadres .* niet klopt en eraf mag/);
    expect(last.text).not.toMatch(/geen geldig e-mailadres/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb geen mail ontvangen'],
    ['nl-BE', 'ik heb nog gene mail gekregen'],
  ])('%s: "%s" (the confirmation did not arrive) still asks the address, with how to say there is none', async (locale, said) => {
    const r = await talk(locale, [...wholeBooking(locale), 'mijn e-mail klopt niet', said]);
    expect(r[r.length - 1].text).toMatch(/geen geldig e-mailadres.*Typ dan "geen"/);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn e-mail klopt niet', 'ik wil de afspraak toch annuleren'],
    ['nl-NL', 'mijn telefoonnummer klopt niet', 'laat maar, annuleer de afspraak maar'],
    ['nl-BE', 'mijn e-mail klopt nie', 'ik wil de afspraak toch annuleren'],
    ['nl-BE', 'mijn gsm-nummer klopt niet', 'ge moogt de afspraak annuleren'],
  ])('%s: "%s", then "%s" asks what to do with the appointment, and cancels it', async (locale, wrong, cancel) => {
    const r = await talk(locale, [...wholeBooking(locale), wrong, cancel, 'annuleren']);
    const [asked, done] = r.slice(-2);
    expect(asked.text).not.toMatch(/gestopt/);
    expect(asked.actions).toContain('Annuleren');
    expect(done.text).toMatch(/geannuleerd/);
  });
});

describe('a no at the callback number leaves it and says how to reach the practice', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nee toch niet'],
    ['nl-NL', 'nee laat maar zitten'],
    ['nl-BE', 'neen, toch nie'],
    ['nl-BE', 'neen merci'],
  ])('%s: "%s"', async (locale, no) => {
    const r = await talk(locale, ['ik wil iemand spreken', 'ja', no, 'hoe lang duurt een eerste afspraak?']);
    expect(r[1].text).toMatch(/Op welk nummer kunnen we je terugbellen/);
    expect(r[2].text).toMatch(/zelf bellen op/);
    expect(r[2].text).not.toMatch(/geen geldig/);
    expect(r[3].text).not.toMatch(/geen geldig|nummer/);
  });
});
