import { bookingKit, person, type Locale } from './helpers/bookingScript';

// Small dialog gaps a review left: "never mind" read as the wish to delete one's data, "later" in
// a second flow while a booking waits set aside, keeping the old appointment and refusing the
// move at a move's new time. Typed as patients type, in nl-NL and nl-BE, with the tests' clock
// (Monday 23 November 2026, 10:00); the wordings are our own.

const { talk, booked, bookOne } = bookingKit();

/** The question the deletion asks before it deletes anything. */
const DELETION_ASKED = /^Wil je dat ik alles verwijder wat deze assistent van je (bewaart|bijhoudt)/;
/** The acknowledgement of a never mind with nothing running. */
const NEVER_MIND = /^Goed, dan laten we het daarbij; ik heb niets veranderd of verwijderd\./;
/** The question a soft stop asks in a booking. */
const STOP_ASKED = /^Wil je stoppen met de afspraak\?/;

describe('"never mind" is no request to delete one\'s data', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'vergeet het maar'],
    ['nl-BE', 'vergeet het maar'],
    ['nl-NL', 'Vergeet het nou maar!'],
    ['nl-BE', 'ach, vergeet dat maar'],
    ['nl-NL', 'laat maar zitten'],
    ['nl-BE', 'laat het maar zitten hoor'],
    ['nl-NL', 'vergeet wat ik zei'],
    ['nl-BE', 'Vergeet wat ik vroeg.'],
    ['nl-NL', 'vergeet het'],
  ])('%s: "%s" with nothing running is acknowledged, deleting nothing', async (locale, typed) => {
    const r = await talk(locale, [typed]);
    expect(r[0].text).not.toMatch(DELETION_ASKED);
    expect(r[0].text).toMatch(NEVER_MIND);
    expect(r[0].actions).toContain('Afspraak maken');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'hoe lang duurt een behandeling'],
    ['nl-BE', 'wat kost een kine'],
  ])('%s: after an answer to "%s", "vergeet wat ik zei" gets no other answer', async (locale, question) => {
    const r = await talk(locale, [question, 'vergeet wat ik zei']);
    expect(r[1].text).toMatch(NEVER_MIND);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'vergeet het maar'],
    ['nl-BE', 'laat maar zitten'],
    ['nl-NL', 'vergeet wat ik zei'],
    ['nl-BE', 'vergeet dat maar'],
  ])('%s: "%s" in a booking asks whether to stop it, and a yes stops it', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', typed, 'Ja, stoppen']);
    expect(r[3].text).toMatch(STOP_ASKED);
    expect(r[3].text).not.toMatch(DELETION_ASKED);
    expect(r[4].text).toMatch(/gestopt/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'vergeet mijn gegevens'],
    ['nl-BE', 'verwijder alles wat je van mij weet'],
    ['nl-NL', 'wis mijn gegevens'],
    ['nl-BE', 'vergeet mij'],
    ['nl-NL', 'Vergeet mij aub'],
    ['nl-BE', 'vergeet alles over mij'],
    ['nl-NL', 'verwijder alles wat jullie over mij hebben'],
  ])('%s: "%s" still asks to delete, and a no deletes nothing', async (locale, typed) => {
    const r = await talk(locale, [typed, locale === 'nl-NL' ? 'nee' : 'neen']);
    expect(r[0].text).toMatch(DELETION_ASKED);
    expect(r[1].text).toMatch(/niets verwijderd/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'vergeet mijn gegevens'],
    ['nl-BE', 'verwijder aub alles over mij'],
  ])('%s: "%s" in a booking asks to delete, not whether to stop', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', typed]);
    expect(r[3].text).toMatch(DELETION_ASKED);
  });
});

describe('"later" in a second flow while a booking waits set aside', () => {
  /** A booking up to the side of the joint, set aside with a plain "later". */
  const bookingSetAside = ['afspraak maken', 'ja', 'knie', 'later'];
  /** The question the booking set aside was at. */
  const SIDE = /^Aan welke kant\?/m;

  it.each<[Locale, string, string]>([
    ['nl-NL', 'afspraak annuleren', 'later'],
    ['nl-BE', 'ik wil mijn afspraak annuleren', 'ga later verder'],
    ['nl-NL', 'ik wil mijn afspraak verzetten', 'ik doe het straks'],
    ['nl-BE', 'afspraak verzetten', 'straks'],
  ])('%s: "%s", then "%s": the patient hears the cancellation stopped and the booking kept, and "verder" finds it', async (locale, second, later) => {
    const r = await talk(locale, [...bookingSetAside, second, later, 'verder']);
    const at = bookingSetAside.length + 1;
    expect(r[at].text).toMatch(/^Het (afzeggen|annuleren) of verzetten waar je mee bezig was, is gestopt/);
    expect(r[at].text).toMatch(/Je afspraak staat even opzij, met alles wat je al invulde/);
    expect(r[at].actions).toContain('Verder met afspraak');
    expect(r[at + 1].text).toMatch(SIDE);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'afspraak annuleren', 'later'],
    ['nl-BE', 'afspraak annuleren', 'ga later verder'],
    ['nl-NL', 'ik moet mijn afspraak verzetten', 'even pauze'],
  ])('%s: a booking started after "%s" was set aside is not lost to "%s": it waits in the cancellation\'s place', async (locale, cancel, later) => {
    const turns = [cancel, 'later', 'afspraak maken', 'ja', 'knie', later, 'verder'];
    const r = await talk(locale, turns);
    const at = turns.length - 2;
    expect(r[at].text).toMatch(/^Het (afzeggen|annuleren) of verzetten dat opzij stond, is gestopt/);
    expect(r[at].text).toMatch(/Je afspraak staat even opzij, met alles wat je al invulde/);
    expect(r[at + 1].text).toMatch(SIDE);
  });

  it.each<[Locale]>([['nl-NL'], ['nl-BE']])('%s: asking for a person in the cancellation says the same before the person is offered', async (locale) => {
    const r = await talk(locale, [...bookingSetAside, 'afspraak annuleren', 'medewerker']);
    const at = bookingSetAside.length + 1;
    expect(r[at].text).toMatch(/waar je mee bezig was, is gestopt/);
    expect(r[at].text).toMatch(/Je afspraak staat zolang opzij/);
  });
});

describe('at a move\'s new time, keeping the old appointment and refusing the move are one answer', () => {
  /** Looks the booking up, asks to move it, up to the free times. */
  const toNewTime = (locale: Locale, reference: string) => ['afspraak annuleren', reference, person(locale).birth, 'verzetten'];
  /** The one reply: the move ends, the appointment stays as it was. */
  const KEPT = /^(Prima|In orde), dan verzet ik niets: je afspraak blijft staan zoals (hij|ze) was\.$/;

  it.each<[Locale, string]>([
    // Keeping the old one.
    ['nl-NL', 'ik hou de oude'],
    ['nl-BE', 'nee, ik hou toch liever de oude'],
    ['nl-NL', 'laat die oude afspraak maar gewoon staan'],
    // Refusing the move, or the change at all.
    ['nl-NL', 'ik wil toch niet verzetten'],
    ['nl-BE', 'neen, toch niet verplaatsen'],
    ['nl-NL', 'ik wil hem niet afzeggen'],
    ['nl-BE', 'ik wil ze toch niet annuleren'],
    // Both at once, in either order.
    ['nl-NL', 'niet verzetten, ik hou de oude'],
    ['nl-BE', 'ik blijf bij de oude, niet verplaatsen'],
  ])('%s: "%s" ends the move with the one reply, and the appointment is unchanged', async (locale, typed) => {
    const reference = await bookOne(locale);
    const before = (await booked(locale, `referentie is ${reference}`)).start.getTime();
    const r = await talk(locale, [...toNewTime(locale, reference), typed]);
    expect(r[3].actions.some((a) => /\d{2}:\d{2}/.test(a))).toBe(true);
    expect(r[4].text).toMatch(KEPT);
    expect(r[4].actions).toContain('Afspraak maken');
    const after = await booked(locale, `referentie is ${reference}`);
    expect([after.status, after.start.getTime()]).toEqual(['confirmed', before]);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil de oude toch niet'],
    ['nl-BE', 'neen, de oude wil ik toch niet'],
  ])('%s: "%s" refuses the old appointment, so the move goes on', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [...toNewTime(locale, reference), typed]);
    expect(r[4].text).not.toMatch(/blijft staan/);
    expect(r[4].actions.some((a) => /\d{2}:\d{2}/.test(a))).toBe(true);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });
});

describe('"what do you mean?" at a flow\'s first question', () => {
  /** The reply that asks the question again. */
  const AGAIN = /^Geen probleem, ik stel de vraag nog (een keer|eens)\./;

  it.each<[Locale, string]>([
    ['nl-NL', 'wat bedoel je?'],
    ['nl-BE', 'wat bedoel je daarmee?'],
    ['nl-NL', 'hoe bedoel je'],
    ['nl-BE', 'Wablieft?'],
    ['nl-NL', '?'],
    ['nl-BE', 'ik snap de vraag niet'],
  ])('%s: "%s" at the booking\'s consent question asks it again, no topic and no answer', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', typed, 'ja']);
    expect(r[1].text).toMatch(AGAIN);
    expect(r[1].text).toMatch(/Voor een afspraak stel ik je/);
    expect(r[1].text).not.toMatch(/Artrose is/);
    expect(r[2].text).toMatch(/Over welk gewricht/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', '?'],
    ['nl-BE', 'hoe bedoel je?'],
    ['nl-NL', 'wat vraag je nu precies'],
    ['nl-BE', 'wat bedoelt u'],
  ])('%s: "%s" at the code\'s question asks for the code again, not read as one', async (locale, typed) => {
    const r = await talk(locale, ['afspraak annuleren', typed]);
    expect(r[1].text).toMatch(AGAIN);
    expect(r[1].text).toMatch(/Wat is de referentie van je afspraak\?/);
    expect(r[1].text).not.toMatch(/herken ik niet/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'pardon, hoe lang duurt een behandeling?'],
    ['nl-NL', 'wat bedoel je met de vergoeding van de verzekering?'],
    ['nl-BE', 'hoe lang duurt een behandeling?'],
  ])('%s: a question that only opens like one ("%s") is still answered', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', typed]);
    expect(r[1].text).not.toMatch(AGAIN);
    expect(r[1].text).toMatch(/Dan gaan we verder met je afspraak/);
  });
});
