import { bookingKit, no, person, referenceIn, screeningNo, type Locale } from './helpers/bookingScript';
import { LocationNames } from '../src/booking/LocationNames';
import { loadValidatedKnowledge } from '../src/knowledge';
import { testAdapterFor } from './helpers/testApp';

// Dialog problems an eighth patient-style test found in the booking and cancel flows: a typed
// yes to the bot's own offer, a weekday typed at the times shown, a location named with a day,
// a date of birth mistyped once when cancelling or moving, keeping the old appointment while
// moving, and a deletion asked for in a sentence during a booking. Typed as patients type, in
// nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00); besides the tester's
// wordings, our own.

const { talk, booked, appOf, bookOne } = bookingKit();

/** A conversation with the Dutch practice (two locations), whatever the patient's locale. */
const atDutchPractice = (locale: Locale, messages: string[]) => talk(locale, messages, testAdapterFor(appOf('nl-NL'), locale));

/** The consent question a booking opens with (for the writer, or for someone else). */
const CONSENT = /^Voor een afspraak (voor .+ )?stel ik je/;

describe('a typed yes to the bot\'s own offer', () => {
  // Answers whose last lines ask "do you want an appointment? You can make one here."
  it.each<[Locale, string, string]>([
    ['nl-NL', 'heb ik een verwijzing nodig', 'ja graag'],
    ['nl-NL', 'heb ik een verwijzing nodig', 'ja'],
    ['nl-BE', 'heb ik een voorschrift nodig voor de kine', 'ja'],
    ['nl-NL', 'wat gebeurt er bij de eerste afspraak', 'jazeker'],
    ['nl-BE', 'wat is artrose eigenlijk', 'ja, graag'],
    ['nl-NL', 'kun je van artrose genezen', 'ja hoor, doe maar'],
  ])('%s: after "%s", "%s" starts the booking the answer offered', async (locale, question, yes) => {
    const r = await talk(locale, [question, yes, 'ja']);
    expect(r[0].text).toMatch(/afspraak/);
    expect(r[1].text).toMatch(CONSENT);
    expect(r[2].text).toMatch(/Over welk gewricht/);
  });

  it.each<[Locale, string, string]>([
    ['nl-BE', 'heb ik een voorschrift nodig voor de kine', 'neen'],
    ['nl-NL', 'wat is artrose', 'nee dank je'],
    ['nl-BE', 'wat gebeurt er bij de eerste afspraak', 'neen merci'],
    ['nl-NL', 'heb ik een verwijzing nodig', 'nee hoor'],
  ])('%s: after "%s", "%s" is acknowledged, with the main buttons', async (locale, question, typed) => {
    const r = await talk(locale, [question, typed]);
    expect(r[1].text).toMatch(/^Goed, dan niet\./);
    expect(r[1].actions).toHaveLength(3);
  });

  it.each<[Locale, string, string]>([
    // No offer in the answer: a yes is no wish to book.
    ['nl-NL', 'mag ik nog fietsen met artrose in mijn heup', 'ja'],
    // A question after the yes, or a word of going on, is no yes to booking.
    ['nl-NL', 'heb ik een verwijzing nodig', 'ja, wat kost dat?'],
    ['nl-BE', 'heb ik een voorschrift nodig voor de kine', 'ok'],
  ])('%s: after "%s", "%s" does not start a booking', async (locale, question, typed) => {
    const r = await talk(locale, [question, typed]);
    expect(r[1].text).not.toMatch(CONSENT);
  });

  /** Books the writer's own appointment, with a relative's to follow, up to its confirmation. */
  const bookOwn = (locale: Locale, opening: string) => {
    const p = person(locale);
    return [opening, 'ja', 'links', 'sinds de zomer', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja'];
  };

  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'afspraak voor mijn vader en ook voor mezelf, heup', 'ja', /vader/],
    ['nl-NL', 'kan ik een afspraak maken voor mezelf en voor mijn man? heup', 'ja graag nu voor mijn man', /man/],
    ['nl-BE', 'een afspraak voor mij en voor mijn moeder, heup', 'ja hoor', /moeder/],
    ['nl-BE', 'afspraak voor mijn vrouw en mij, heup', 'ja, doe maar', /vrouw/],
  ])('%s: after "%s" is confirmed, "%s" to "shall we make the one for …?" does what its button does', async (locale, opening, yes, who) => {
    const turns = bookOwn(locale, opening);
    const r = await talk(locale, [...turns, yes, 'ja', 'knie']);
    const confirmed = r[turns.length - 1];
    expect(confirmed.text).toMatch(/bevestigd/);
    expect(confirmed.text).toMatch(/(Zullen|Maken) we nu ook de afspraak voor je/);
    const asked = r[turns.length];
    expect(asked.text).toMatch(CONSENT);
    expect(asked.text).toMatch(who);
    expect(r[turns.length + 1].text).toMatch(/Je maakt de afspraak voor je/);
  });

  it.each<[Locale, string]>([['nl-NL', 'nee'], ['nl-BE', 'neen, nu nog niet']])(
    '%s: "%s" to the relative\'s offer is acknowledged', async (locale, typed) => {
      const turns = bookOwn(locale, 'afspraak voor mijn vader en ook voor mezelf, heup');
      const r = await talk(locale, [...turns, typed]);
      expect(r[turns.length].text).toMatch(/^Goed, dan niet\./);
    },
  );

  it.each<[Locale, string, string]>([
    ['nl-NL', 'my knee hurts, can I make an appointment?', 'ja'],
    ['nl-BE', 'hello, do you speak english? I need help with my hip', 'yes please'],
  ])('%s: after the English message ("%s"), "%s" takes its offer to book in Dutch', async (locale, english, yes) => {
    const r = await talk(locale, [english, yes]);
    expect(r[0].text).toMatch(/You can book a first appointment here in Dutch/);
    expect(r[1].text).toMatch(CONSENT);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'my knee hurts, can I make an appointment?', 'no thanks'],
    ['nl-BE', 'hello, do you speak english? I need help with my hip', 'no'],
  ])('%s: after "%s", "%s" to the English offer is answered in English', async (locale, english, typed) => {
      const r = await talk(locale, [english, typed]);
      expect(r[1].text).toMatch(/^All right\./);
      expect(r[1].actions).toContain('Iemand spreken');
    },
  );
});

/** Looks the booking up as the confirmation says to, up to "what would you like to do?". */
const lookUp = (locale: Locale, reference: string) => ['afspraak annuleren', reference, person(locale).birth];

/** A booking up to the free times. */
const toTimes = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'links', 'een jaar', no(locale), ...screeningNo(locale)];

/** The times among a turn's buttons ("ma 23 nov 13:15 – Locatie Centrum"). */
const timesIn = (actions: string[]) => actions.filter((a) => /\d{2}:\d{2}/.test(a));

describe('a weekday typed at the times shown', () => {
  it.each<[Locale, (time: string) => string]>([
    ['nl-NL', (time) => `maandag ${time}`],
    ['nl-BE', (time) => `maandag ${time}`],
    ['nl-NL', (time) => `doe maar maandag om ${time}`],
    ['nl-BE', (time) => `maandag ${time.replace(':', 'u')} graag`],
  ])('%s: today\'s weekday with a time shown today takes that time today', async (locale, typed) => {
    const at = toTimes(locale).length;
    const shown = await talk(locale, toTimes(locale));
    const time = /\d{2}:\d{2}/.exec(timesIn(shown[at - 1].actions)[1])![0];
    const p = person(locale);
    const r = await talk(locale, [...toTimes(locale), typed(time), p.name, p.birth, p.phone, 'geen']);
    expect(timesIn(r[at - 1].actions)[1]).toMatch(/^ma 23 nov/);
    expect(r[at].text).toMatch(/voor- en achternaam/);
    expect(r[r.length - 1].cards).toContain(`maandag 23 november om ${time}`);
  });

  it.each<[Locale, string, string, RegExp]>([
    ['nl-BE', 'verzetten naar volgende week', 'awel, doe maar de donderdag', /^do 3 dec/],
    ['nl-NL', 'verzetten naar volgende week', 'dan de woensdag maar', /^wo 2 dec/],
    ['nl-BE', 'liefst volgende week verplaatsen', 'de vrijdag past mij', /^vr 4 dec/],
  ])('%s: moving, "%s" then "%s" offers that day of next week', async (locale, move, day, expected) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...lookUp(locale, reference), move, day]);
    expect(timesIn(r[3].actions).every((a) => /^ma 30 nov/.test(a))).toBe(true);
    expect(timesIn(r[4].actions).length).toBeGreaterThan(0);
    for (const a of timesIn(r[4].actions)) expect(a).toMatch(expected);
  });

  it.each<[Locale, string, RegExp]>([['nl-NL', 'donderdag', /^do 3 dec/], ['nl-BE', 'de dinsdag', /^di 1 dec/]])(
    '%s: booking, "volgende week" then "%s" is that week\'s', async (locale, day, expected) => {
      const at = toTimes(locale).length;
      const r = await talk(locale, [...toTimes(locale), 'volgende week', day]);
      for (const a of timesIn(r[at + 1].actions)) expect(a).toMatch(expected);
      expect(timesIn(r[at + 1].actions).length).toBeGreaterThan(0);
    },
  );

  it('nl-NL: a weekday not shown is still the next one ("dinsdag" at Monday\'s times)', async () => {
    const at = toTimes('nl-NL').length;
    const r = await talk('nl-NL', [...toTimes('nl-NL'), 'dinsdag']);
    for (const a of timesIn(r[at].actions)) expect(a).toMatch(/^di 24 nov/);
  });
});

describe('a location named at the free times', () => {
  // The Dutch practice has two locations (Centrum, Voorbeeldstraat; Oost, Proeflaan); a Flemish
  // patient may book there too.

  it.each<[Locale, string, RegExp, RegExp]>([
    ['nl-NL', 'vrijdagochtend bij locatie oost graag', /^vr 27 nov (0\d|1[01]):\d{2} – Locatie Oost$/, /Locatie Oost/],
    ['nl-NL', 'woensdag in het centrum', /^wo 25 nov \d{2}:\d{2} – Locatie Centrum$/, /Locatie Centrum/],
    ['nl-BE', 'vrijdag in de voormiddag op de Proeflaan', /^vr 27 nov (0\d|1[01]):\d{2} – Locatie Oost$/, /Locatie Oost/],
    ['nl-BE', 'liefst in oost, maandag', /^ma 23 nov \d{2}:\d{2} – Locatie Oost$/, /Locatie Oost/],
  ])('%s: "%s" offers times at that location only, and keeps to it', async (locale, typed, time, where) => {
    const at = toTimes(locale).length;
    const r = await atDutchPractice(locale, [...toTimes(locale), typed, 'Latere tijden', 'de eerste']);
    const times = timesIn(r[at].actions);
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(time);
    for (const t of timesIn(r[at + 1].actions)) expect(t).toMatch(where);
    expect(r[at + 2].text).toMatch(/voor- en achternaam/);
  });

  it.each<[Locale, string]>([['nl-NL', 'liever bij locatie oost'], ['nl-BE', 'kan het in oost?']])(
    '%s: "%s", without a day, offers the first times at that location', async (locale, typed) => {
      const at = toTimes(locale).length;
      const r = await atDutchPractice(locale, [...toTimes(locale), typed]);
      const times = timesIn(r[at].actions);
      expect(times.length).toBeGreaterThan(0);
      for (const t of times) expect(t).toMatch(/– Locatie Oost$/);
    },
  );
});

describe('the locations\' own words', () => {
  const names = new LocationNames(loadValidatedKnowledge('knowledge').practice.locations);
  it.each<[string, string | undefined]>([
    ['bij locatie oost', 'oost'],
    ['op de Proeflaan graag', 'oost'],
    ['in het centrum', 'centrum'],
    // Words both locations share, or both locations named: none.
    ['in Utrecht', undefined],
    ['welke locatie is het?', undefined],
    ['centrum of oost, maakt niet uit', undefined],
  ])('"%s" names %s', (text, id) => {
    expect(names.in(text)).toBe(id);
  });

  it('names none at a practice with one location', () => {
    const be = loadValidatedKnowledge('knowledge', 'examples/practice-be.yaml').practice;
    expect(new LocationNames(be.locations).in('in Antwerpen')).toBeUndefined();
  });
});

describe('cancelling or moving: a mistyped date of birth, and keeping the old appointment', () => {
  /** The date of birth of the locale's patient, one day off. */
  const typo = (locale: Locale) => (locale === 'nl-NL' ? '4-9-1949' : '4/9/1949');

  it.each<[Locale, string, string]>([
    ['nl-NL', 'afzeggen graag', 'o nee {birth}'],
    ['nl-BE', 'afspraak annuleren', '{birth}'],
    ['nl-NL', 'ik wil mijn afspraak annuleren', 'oeps, het is {birth}'],
    ['nl-BE', 'ik wil mijn afspraak afzeggen', 'oei, {birth}'],
  ])('%s: "%s", a wrong date of birth, then "%s" finds the appointment', async (locale, opening, second) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [opening, reference, typo(locale), second.replace('{birth}', person(locale).birth), 'annuleren']);
    expect(r[2].text).toMatch(/^Ik vind geen afspraak met die referentie en geboortedatum samen\. Kijk ze allebei nog (even|eens) na\. Typ je geboortedatum opnieuw/);
    expect(r[2].actions).not.toContain('Iemand spreken');
    expect(r[3].text).toMatch(/Ik heb je afspraak gevonden/);
    expect(r[4].text).toMatch(/is geannuleerd/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('cancelled');
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: moving, a wrong date of birth and then the right one offers the free times', async (locale) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [`afspraak verzetten ${reference}`, typo(locale), person(locale).birth]);
    expect(r[1].text).toMatch(/Typ je geboortedatum opnieuw/);
    expect(r[2].text).toMatch(/Dan zoeken we een nieuw moment/);
    expect(timesIn(r[2].actions).length).toBeGreaterThan(0);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a second wrong date of birth ends it, with a person offered', async (locale) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, typo(locale), '5-9-1949']);
    expect(r[3].text).toBe('Ik vind geen afspraak met die referentie en geboortedatum.');
    expect(r[3].actions).toEqual(['Iemand spreken']);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee laat maar, ik hou de oude afspraak'],
    ['nl-NL', 'ik wil toch niet verzetten'],
    ['nl-NL', 'laat de oude maar staan'],
    ['nl-BE', 'neen, ik verplaats ze toch niet'],
    ['nl-BE', 'toch maar niet verplaatsen'],
    ['nl-BE', 'ik blijf bij de oude afspraak'],
  ])('%s: "%s" at the new time keeps the appointment as it was', async (locale, typed) => {
    const reference = await bookOne(locale);
    const before = (await booked(locale, `referentie is ${reference}`)).start.getTime();
    const r = await talk(locale, [...lookUp(locale, reference), 'verzetten', typed]);
    expect(timesIn(r[3].actions).length).toBeGreaterThan(0);
    expect(r[4].text).toMatch(/blijft staan/);
    expect(r[4].text).not.toMatch(/begreep ik niet/);
    const after = await booked(locale, `referentie is ${reference}`);
    expect(after.status).toBe('confirmed');
    expect(after.start.getTime()).toBe(before);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'de oude afspraak kan niet, liefst donderdag', /^do 26 nov/],
    ['nl-BE', 'niet op de oude dag, liever woensdag', /^wo 25 nov/],
  ])('%s: "%s" at the new time is a day, not a keep', async (locale, typed, day) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...lookUp(locale, reference), 'verzetten', typed]);
    expect(r[4].text).not.toMatch(/blijft staan/);
    for (const a of timesIn(r[4].actions)) expect(a).toMatch(day);
  });
});

describe('a deletion asked for during a booking', () => {
  /** A booking up to the date of birth. */
  const toBirthDate = (locale: Locale) => [...toTimes(locale), '1', person(locale).name];

  it.each<[Locale, string]>([
    ['nl-NL', 'verwijder mijn gegevens, ik vertrouw dit toch niet'],
    ['nl-BE', 'wis mijn gegevens maar, ik stop ermee'],
    ['nl-NL', 'ik wil niet verder, verwijder alles over mij'],
    ['nl-BE', 'verwijder mijn data. dit voelt niet goed'],
  ])('%s: "%s" at the date of birth asks to delete', async (locale, typed) => {
    const at = toBirthDate(locale).length;
    const r = await talk(locale, [...toBirthDate(locale), typed]);
    expect(r[at - 1].text).toMatch(/geboortedatum/);
    expect(r[at].text).toMatch(/^Wil je dat ik alles verwijder wat deze assistent/);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'verwijder mijn gegevens', 'stop'],
    ['nl-BE', 'verwijder mijn gegevens, ik vertrouw dit toch niet', 'stoppen'],
  ])('%s: "%s", then "%s" at the question keeps the booking set aside, and says so', async (locale, typed, answer) => {
    const at = toBirthDate(locale).length;
    const r = await talk(locale, [...toBirthDate(locale), typed, answer, 'verder', person(locale).birth]);
    expect(r[at + 1].text).toMatch(/niets verwijderd/);
    expect(r[at + 1].text).toMatch(/Je afspraak staat even opzij, met alles wat je al invulde/);
    expect(r[at + 1].actions).toContain('Verder met afspraak');
    expect(r[at + 2].text).toMatch(/geboortedatum/);
    expect(r[at + 3].text).toMatch(/telefoon/);
  });

  // A no to the deletion goes back to the booking's question (a sixteenth patient-style test).
  it.each<[Locale, string, string]>([
    ['nl-NL', 'wis mijn gegevens maar, ik stop ermee', 'nee'],
    ['nl-BE', 'verwijder mijn gegevens', 'neen'],
  ])('%s: "%s", then "%s" at the question goes on with the booking', async (locale, typed, answer) => {
    const at = toBirthDate(locale).length;
    const r = await talk(locale, [...toBirthDate(locale), typed, answer, person(locale).birth]);
    expect(r[at + 1].text).toMatch(/niets verwijderd/);
    expect(r[at + 1].text).toMatch(/geboortedatum/);
    expect(r[at + 2].text).toMatch(/telefoon/);
  });

  it.each<[Locale, string]>([['nl-NL', 'stop'], ['nl-BE', 'stoppen']])('%s: "%s" at the question without a booking deletes nothing', async (locale, answer) => {
    const r = await talk(locale, ['verwijder mijn gegevens', answer]);
    expect(r[1].text).toMatch(/^(Goed|In orde), ik heb niets verwijderd\.$/);
  });

  it.each<[Locale, string]>([['nl-NL', 'verwijder mijn gegevens, ik vertrouw dit toch niet'], ['nl-BE', 'verwijder mijn gegevens']])(
    '%s: "%s", then a yes deletes, the booking in progress too', async (locale, typed) => {
      const at = toBirthDate(locale).length;
      const r = await talk(locale, [...toBirthDate(locale), typed, 'ja', 'verder']);
      expect(r[at + 1].text).toMatch(/verwijderd/);
      expect(r[at + 1].text).not.toMatch(/opzij/);
      expect(r[at + 2].text).not.toMatch(/geboortedatum|verder waar je was/);
    },
  );
});

describe('a booking for a relative, in the relative\'s words', () => {
  const forOther = (locale: Locale, opening: string, email: string) => {
    const p = person(locale);
    return [opening, 'ja', 'heup', 'links', 'al jaren', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, email, 'ja'];
  };

  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'afspraak maken voor mijn moeder', 'nee heeft ze niet', 'moeder'],
    ['nl-NL', 'ik wil een afspraak voor mijn vader', 'nee, die heeft mijn vader niet', 'vader'],
    ['nl-BE', 'een afspraak voor mijn moeder aub', 'neen, heeft ze geen', 'moeder'],
    ['nl-BE', 'afspraak voor mijn man', 'mijn man heeft geen e-mail', 'man'],
  ])('%s: "%s": "%s" leaves out the e-mail, and the referral and confirmation speak of the %s', async (locale, opening, email, who) => {
    const turns = forOther(locale, opening, email);
    const r = await atDutchPractice(locale, turns);
    const referral = r[5].text;
    expect(referral).toMatch(new RegExp(`heeft je ${who} er (toch )?een, (neem|breng) hem dan mee naar de eerste afspraak`));
    const summary = r[turns.length - 2];
    expect(summary.text).toMatch(/Klopt dit\?/);
    expect(summary.cards).not.toMatch(/E-mail/);
    const confirmed = r[turns.length - 1].text;
    expect(confirmed).toMatch(new RegExp(`^De afspraak voor je ${who} is bevestigd\\. De referentie is [A-Z0-9]{3}-[A-Z0-9]{3}\\. We verwachten je ${who} op`));
    expect(confirmed).toMatch(new RegExp(`(zorgpas of het identiteitsbewijs|identiteitskaart) van je ${who}`));
    expect(confirmed).not.toMatch(/We verwachten je op|Neem je zorgpas|Breng je identiteitskaart/);
  });

  it('nl-BE: at the Flemish practice, the identity card of the relative', async () => {
    const turns = forOther('nl-BE', 'afspraak voor ons moeder', 'geen');
    const r = await talk('nl-BE', turns);
    const confirmed = r[turns.length - 1].text;
    expect(confirmed).toMatch(/^De afspraak voor je (moeder|ma|mama) is bevestigd/);
    expect(confirmed).toMatch(/Breng de identiteitskaart van je/);
    expect(referenceIn(confirmed)).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  });

  it('nl-NL: one\'s own booking keeps "je"', async () => {
    const p = person('nl-NL');
    const r = await talk('nl-NL', ['afspraak maken', 'ja', 'heup', 'links', 'al jaren', 'nee', ...screeningNo('nl-NL'), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[5].text).toMatch(/heb je er een, neem hem dan mee naar je eerste afspraak/);
    expect(r[r.length - 1].text).toMatch(/^Je afspraak is bevestigd\. Je referentie is .*We verwachten je op/);
  });
});
