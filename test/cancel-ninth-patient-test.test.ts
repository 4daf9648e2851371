import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// Dialog problems a ninth patient-style test found in the cancel and move flows and around them:
// a complaint with "any more" and a wish for an appointment read as a cancellation, a booking
// asked for at the code's question, a sentence of not coming read as keeping it, a day wish and
// a new phone number read as a wish for a person, a wrong code blamed on the date of birth, a date
// of birth after a sentence, and two questions not understood. Typed as patients type, in nl-NL
// and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00); besides the tester's
// wordings, our own.

const { talk, booked, bookOne } = bookingKit();

/** The consent question a booking opens with. */
const CONSENT = /^Voor een afspraak (voor .+ )?stel ik je/;
/** The cancel flow's question for the code. */
const ASKS_CODE = /Wat is de referentie van je afspraak/;

describe('a complaint with "any more" and a wish for an appointment books one', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'het gaat niet meer met mijn knie, ik wil een afspraak'],
    ['nl-NL', 'mijn knie wil niet meer, graag een afspraak'],
    ['nl-NL', 'mijn heup doet niet meer mee, ik wil graag een afspraak maken'],
    ['nl-BE', 'mijn knie gaat niet meer, ik wil een afspraak'],
    ['nl-BE', 'het lukt niet meer met mijn heup. graag een afspraak bij de kine'],
  ])('%s: "%s" starts a booking, not the cancellation', async (locale, opening) => {
    const r = await talk(locale, [opening]);
    expect(r[0].text).toMatch(CONSENT);
    expect(r[0].text).not.toMatch(ASKS_CODE);
  });

  it.each<[Locale, string]>([
    // The negation is the appointment's: still the cancellation.
    ['nl-NL', 'ik kan morgen niet komen, ik wil een andere afspraak'],
    ['nl-BE', 'ik geraak donderdag niet tot bij jullie, mijn afspraak moet naar een andere dag'],
    ['nl-NL', 'ik ben ziek en kan morgen niet komen'],
  ])('%s: "%s" still cancels or moves', async (locale, opening) => {
    const r = await talk(locale, [opening]);
    expect(r[0].text).toMatch(ASKS_CODE);
  });
});

describe('at the code\'s question, a wish for a new appointment is a booking', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'afspraak annuleren', 'ik heb nog geen afspraak, ik wil er een maken'],
    ['nl-NL', 'ik wil mijn afspraak verzetten', 'afspraak maken'],
    ['nl-NL', 'afspraak annuleren', 'sorry ik bedoel een nieuwe afspraak maken'],
    ['nl-BE', 'afspraak verzetten', 'afspraak maken'],
    ['nl-BE', 'afspraak annuleren', 'ik heb er nog geen, ik wil een afspraak maken'],
  ])('%s: "%s", then "%s" starts the booking', async (locale, opening, typed) => {
    const r = await talk(locale, [opening, typed, 'ja']);
    expect(r[0].text).toMatch(ASKS_CODE);
    expect(r[1].text).not.toMatch(/referentie herken ik niet/);
    expect(r[1].text).toMatch(/nieuwe afspraak/);
    expect(r[1].text).toMatch(/stel ik je/);
    expect(r[2].text).toMatch(/Over welk gewricht/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a code at the question is still read as the code', async (locale) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', `mijn code is ${reference}`, person(locale).birth]);
    expect(r[2].text).toMatch(/Ik heb je afspraak gevonden/);
  });
});

describe('stopping before any code was given says nothing of an appointment', () => {
  it.each<[Locale, string[]]>([
    ['nl-NL', ['afspraak annuleren', 'stop']],
    ['nl-BE', ['afspraak verzetten', 'stoppen']],
    ['nl-NL', ['afspraak annuleren', 'weet ik niet', 'xyz', 'stop']],
  ])('%s: %j ends with a plain "stopped"', async (locale, messages) => {
    const r = await talk(locale, messages);
    const last = r[r.length - 1];
    expect(last.text).toMatch(/^Oké, ik ben ermee gestopt\./);
    expect(last.text).not.toMatch(/blijft gewoon staan/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: after the appointment was found, stopping says it stays', async (locale) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, person(locale).birth, 'stop']);
    expect(r[3].text).toMatch(/blijft gewoon staan/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });
});

describe('at the cancel choice, a sentence of not coming is not keeping it', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik kan er niks aan doen, het gaat gewoon niet meer met die rug van mijn man'],
    ['nl-NL', 'ik kan er ook niets aan doen, mijn vrouw ligt in het ziekenhuis'],
    ['nl-BE', 'ik kan er niets aan doen maar ik geraak er echt niet'],
    ['nl-BE', 'sorry, er is niks aan te doen, mijn auto is kapot'],
  ])('%s: "%s" is asked about again, and the appointment stays booked until a choice', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, person(locale).birth, typed, 'annuleren']);
    expect(r[3].text).not.toMatch(/blijft staan/);
    expect(r[3].text).toMatch(/Wat wil je doen\?/);
    expect(r[3].actions).toContain('Annuleren');
    expect(r[4].text).toMatch(/is geannuleerd/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('cancelled');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'niks'],
    ['nl-NL', 'nee niks'],
    ['nl-BE', 'niets'],
    ['nl-BE', 'laat maar staan'],
  ])('%s: "%s" still keeps it', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, person(locale).birth, typed]);
    expect(r[3].text).toMatch(/blijft staan/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('confirmed');
  });
});

describe('answers the open question reads are no wish for a person', () => {
  /** The free times' buttons of a turn. */
  const timesIn = (actions: string[]) => actions.filter((a) => /\d{2}:\d{2}/.test(a));

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'het lukt me maandag niet meer, liever dinsdag', /^di 24 nov/],
    ['nl-NL', 'maandag gaat niet meer lukken, doe maar woensdag', /^wo 25 nov/],
    ['nl-BE', 'maandag lukt mij niet meer, liever dinsdag', /^di 24 nov/],
    ['nl-BE', 'ik geraak maandag niet meer, liefst op donderdag', /^do 26 nov/],
  ])('%s: moving, "%s" at the free times offers that day', async (locale, typed, day) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak verzetten', reference, person(locale).birth, typed]);
    expect(r[3].text).not.toMatch(/staat zolang opzij|terugbelt/);
    expect(timesIn(r[3].actions).length).toBeGreaterThan(0);
    for (const a of timesIn(r[3].actions)) expect(a).toMatch(day);
  });

  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'wacht, dat nummer klopt niet meer, ik heb een nieuw nummer', '06 12345678', '+31612345678'],
    ['nl-NL', 'oeps mijn telefoonnummer is niet meer goed, ik heb een ander nummer', '0612345678', '+31612345678'],
    ['nl-BE', 'wacht, dat nummer klopt niet meer, ik heb een nieuw nummer', '0470 12 34 56', '+32470123456'],
    ['nl-BE', 'sorry, dat gsm-nummer is niet meer juist, ik heb een nieuw', '0470123456', '+32470123456'],
  ])('%s: at the summary, "%s" asks the number again and books with the new one', async (locale, typed, number, stored) => {
    const p = person(locale);
    const turns = ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
    const r = await talk(locale, [...turns, typed, number, 'ja']);
    const asked = r[turns.length];
    expect(asked.text).not.toMatch(/staat zolang opzij|terugbelt/);
    expect(asked.text).toMatch(/Op welk telefoon/);
    const confirmation = r[turns.length + 2].text;
    expect(confirmation).toMatch(/bevestigd/);
    expect((await booked(locale, confirmation)).phone).toBe(stored);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil liever iemand van de praktijk spreken'],
    ['nl-BE', 'kan ik niet gewoon met iemand bellen?'],
  ])('%s: at the free times, "%s" still asks for a person', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), typed]);
    expect(r[r.length - 1].text).toMatch(/staat zolang opzij/);
  });
});

describe('a date of birth after a sentence, and waiting at its question', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik word er gek van, 3 sept 1949'],
    ['nl-NL', 'pff wat een vragen allemaal: 3-9-1949'],
    ['nl-BE', "'t is om zot van te worden al die vragen. 3/9/1949"],
    ['nl-BE', 'amai, nog een vraag... 3 september 1949'],
  ])('%s: cancelling, "%s" finds the appointment', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, typed]);
    expect(r[2].text).toMatch(/Ik heb je afspraak gevonden/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik word er gek van, 3 sept 1949'],
    ['nl-BE', "'t is om zot van te worden. 3/9/1949"],
  ])('%s: booking, "%s" is taken as the date of birth', async (locale, typed) => {
    const p = person(locale);
    const turns = ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, typed, p.phone, 'geen', 'ja'];
    const r = await talk(locale, turns);
    expect(r[turns.length - 4].text).toMatch(/Op welk telefoon/);
    expect((await booked(locale, r[r.length - 1].text)).birthDate).toBe('1949-09-03');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'wacht even hoor'],
    ['nl-NL', 'momentje hoor'],
    ['nl-BE', 'wacht eens hoor'],
    ['nl-BE', 'ogenblikje aub'],
  ])('%s: "%s" at the date of birth gets time, and the date after it is read', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, typed, person(locale).birth]);
    expect(r[2].text).toMatch(/^Geen haast/);
    expect(r[3].text).toMatch(/Ik heb je afspraak gevonden/);
  });
});

describe('a wrong code with the right date of birth', () => {
  /** A code of the right shape that no booking has (the tests' codes come from a seeded random). */
  const unknown = 'ZZZ-222';

  it.each<[Locale, string, (reference: string, birth: string) => string[]]>([
    ['nl-NL', 'the right code next, then the date', (ref, birth) => [ref, birth]],
    ['nl-NL', 'both in one message', (ref, birth) => [`sorry, het is ${ref} en ${birth}`]],
    ['nl-BE', 'the right code next, then the date', (ref, birth) => [`oei, de code is ${ref}`, birth]],
    ['nl-BE', 'both in one message', (ref, birth) => [`${ref} ${birth}`]],
  ])('%s: the bot asks to check both, and %s finds the appointment', async (locale, _how, fix) => {
    const reference = await bookOne(locale);
    const birth = person(locale).birth;
    const typed = fix(reference, birth);
    const r = await talk(locale, ['afspraak annuleren', unknown, birth, ...typed, 'annuleren']);
    expect(r[2].text).toMatch(/die referentie en geboortedatum samen/);
    expect(r[2].text).toMatch(/referentie als die anders is/);
    // Which of the two was wrong is not said.
    expect(r[2].text).not.toMatch(/bestaat niet|onbekend/);
    expect(r[2 + typed.length].text).toMatch(/Ik heb je afspraak gevonden/);
    expect(r[3 + typed.length].text).toMatch(/is geannuleerd/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a wrong code and a wrong date read the same as a wrong date alone', async (locale) => {
    const reference = await bookOne(locale);
    const wrongDate = locale === 'nl-NL' ? '4-9-1949' : '4/9/1949';
    const a = await talk(locale, ['afspraak annuleren', unknown, wrongDate]);
    const b = await talk(locale, ['afspraak annuleren', reference, wrongDate]);
    expect(a[2].text).toBe(b[2].text);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a second wrong pair ends it, with a person offered', async (locale) => {
    const birth = person(locale).birth;
    const r = await talk(locale, ['afspraak annuleren', unknown, birth, 'ZZZ-333', birth]);
    expect(r[4].text).toBe('Ik vind geen afspraak met die referentie en geboortedatum.');
    expect(r[4].actions).toEqual(['Iemand spreken']);
  });
});

// Two questions the bot did not understand, fixed on the dlg13 branch and left out of its merge:
// "wanneer is mijn afspraak ook alweer" got a topic of its own (appointment-lookup), whose
// phrasings, which the crisis net reads as ordinary messages, cost a blind crisis message (audit12
// 36 -> 35/40); "ik wil dat alles van mij weg is bij jullie" got four delete-data phrasings, and
// any of them turned "wanneer moet ik beginnen met fysio" into a booking (a router test).
