import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// Dialog problems an eleventh patient-style test found in the booking and move flows: a time
// with its minutes after the hour word read as the whole hour, the move command typed again at
// the move's free times stopping the move, a question typed at the free times not answered, a
// spelled code in a first message, and a few wordings. Typed as patients type, in nl-NL and
// nl-BE, with the tests' clock (Monday 23 November 2026, 10:00); besides the tester's wordings, our own.

const { talk, booked, bookOne } = bookingKit();

/** A booking up to the free times. */
const toTimes = (locale: Locale) => ['afspraak maken', 'ja', 'knie', 'links', 'een jaar', no(locale), ...screeningNo(locale)];

/** The times among a turn's buttons ("do 26 nov 09:30 – Locatie Centrum"). */
const timesIn = (actions: string[]) => actions.filter((a) => /\d{2}:\d{2}/.test(a));

/** Looks the booking up to move it, as the confirmation says to, up to the free times. */
const toMove = (locale: Locale, reference: string) => ['afspraak verzetten', reference, person(locale).birth];

/** Hours and minutes as patients say them in words. */
const HOUR_WORDS = ['twaalf', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf'];
const MINUTE_WORDS: Record<number, string> = { 15: 'vijftien', 30: 'dertig', 45: 'vijfenveertig' };

describe('a time typed with its minutes after the hour word', () => {
  // The time is one shown on Thursday with minutes (09:30, 10:15 …), typed as the writer would say it.
  it.each<[Locale, (h: number, m: number) => string]>([
    ['nl-NL', (h, m) => `doe maar ${h} uur ${m}`],
    ['nl-NL', (h, m) => `donderdag om ${h} uur ${m} graag`],
    ['nl-NL', (h, m) => `${HOUR_WORDS[h % 12]} uur ${MINUTE_WORDS[m]}`],
    ['nl-BE', (h, m) => `om ${h} uur ${m} past mij`],
    ['nl-BE', (h, m) => `donderdag ${HOUR_WORDS[h % 12]} uur ${MINUTE_WORDS[m]}`],
  ])('%s: that very time is taken, not the whole hour', async (locale, typed) => {
    const at = toTimes(locale).length;
    const shown = await talk(locale, [...toTimes(locale), 'donderdag']);
    const time = timesIn(shown[at].actions).map((a) => /(\d{2}):(\d{2})/.exec(a)!).find((m) => MINUTE_WORDS[+m[2]])!;
    const p = person(locale);
    const r = await talk(locale, [...toTimes(locale), 'donderdag', typed(+time[1], +time[2]), p.name, p.birth, p.phone, 'geen']);
    expect(r[at + 1].text).toMatch(/voor- en achternaam/);
    expect(r[at + 1].text).not.toMatch(/geen (tijd|moment) vrij/);
    expect(r[r.length - 1].cards).toContain(`donderdag 26 november om ${time[0]}`);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'donderdag om 9 uur'],
    ['nl-BE', 'donderdag rond negen uur'],
  ])('%s: "%s" alone is still the whole hour', async (locale, typed) => {
    const at = toTimes(locale).length;
    const r = await talk(locale, [...toTimes(locale), typed]);
    expect(r[at].text).not.toMatch(/voor- en achternaam/);
    for (const a of timesIn(r[at].actions)) expect(a).toMatch(/^do 26 nov/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik kan maar 2 uur 30 minuten blijven'],
    ['nl-BE', 'ik heb 1 uur 45 minuten nodig om er te geraken'],
  ])('%s: a length of time ("%s") picks no time', async (locale, typed) => {
    const at = toTimes(locale).length;
    const r = await talk(locale, [...toTimes(locale), typed]);
    expect(r[at].text).not.toMatch(/voor- en achternaam|geen (tijd|moment) vrij/);
  });
});

describe('the move command typed again at the move\'s free times', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'verzetten'],
    ['nl-NL', 'ja verzetten'],
    ['nl-NL', 'Verzetten'],
    ['nl-BE', 'verplaatsen'],
    ['nl-BE', 'verzetten'],
    ['nl-BE', 'ja, verplaatsen'],
  ])('%s: "%s" says the move goes on and shows the times again; a time then moves it', async (locale, typed) => {
    const reference = await bookOne(locale);
    const before = (await booked(locale, `referentie is ${reference}`)).start.getTime();
    const r = await talk(locale, [...toMove(locale, reference), typed, '2', 'ja']);
    expect(timesIn(r[2].actions).length).toBeGreaterThan(0);
    expect(r[3].text).toMatch(/aan het (verzetten|verplaatsen); er is nog niets aan veranderd/);
    expect(r[3].text).not.toMatch(/gestopt/);
    expect(timesIn(r[3].actions)).toEqual(timesIn(r[2].actions));
    expect(r[4].text).toMatch(/Klopt d(it|at)\?/);
    expect(r[5].text).toMatch(/Je afspraak is (verzet|verplaatst)/);
    expect((await booked(locale, `referentie is ${reference}`)).start.getTime()).not.toBe(before);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'toch niet verzetten'],
    ['nl-BE', 'neen, niet verplaatsen'],
  ])('%s: "%s" still keeps the appointment as it was', async (locale, typed) => {
    const reference = await bookOne(locale);
    const before = (await booked(locale, `referentie is ${reference}`)).start.getTime();
    const r = await talk(locale, [...toMove(locale, reference), typed]);
    expect(r[3].text).toMatch(/blijft staan/);
    expect((await booked(locale, `referentie is ${reference}`)).start.getTime()).toBe(before);
  });
});

// A review of round 15: giving up beside the move word is giving up, not the move going on.
describe('giving up the move at its free times, with the move word in the message', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'laat dat verzetten maar'],
    ['nl-NL', 'verzetten? nee'],
    ['nl-BE', 'verplaatsen laat maar'],
  ])('%s: "%s" is not told the move goes on, and the appointment stays', async (locale, typed) => {
    const reference = await bookOne(locale);
    const before = (await booked(locale, `referentie is ${reference}`)).start.getTime();
    const r = await talk(locale, [...toMove(locale, reference), typed]);
    expect(r[3].text).not.toMatch(/aan het (verzetten|verplaatsen); er is nog niets aan veranderd/);
    expect((await booked(locale, `referentie is ${reference}`)).start.getTime()).toBe(before);
  });
});

describe('a question typed at the free times', () => {
  it.each<[Locale, string, RegExp]>([
    // Questions no topic answers: said honestly, with a person to ask.
    ['nl-NL', 'moet ik met een lege maag komen?', /^Daar weet ik geen zeker antwoord op\. .*"medewerker"/],
    ['nl-NL', 'mag mijn man mee naar binnen', /^Daar weet ik geen zeker antwoord op\./],
    ['nl-BE', 'mag mijn zoon mee naar binnen komen', /^Daar weet ik geen zeker antwoord op\./],
    ['nl-BE', 'moet ik nuchter zijn voor die eerste keer?', /^Daar weet ik geen zeker antwoord op\./],
    // Questions a topic answers, also without a question mark.
    ['nl-NL', 'hoeveel kost zo een behandeling eigenlijk', /vergoed|betaal/],
    ['nl-BE', 'wat kost dat dan bij jullie', /ziekenfonds|remgeld/],
  ])('%s: "%s" is answered, then the same times are asked again and one can be chosen', async (locale, question, answer) => {
    const at = toTimes(locale).length;
    const r = await talk(locale, [...toTimes(locale), question, '1']);
    const replies = r[at].text;
    expect(replies).not.toMatch(/begreep ik niet/);
    expect(replies).toMatch(answer);
    expect(timesIn(r[at].actions)).toEqual(timesIn(r[at - 1].actions));
    expect(r[at + 1].text).toMatch(/voor- en achternaam/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'kan het ook donderdag', /^do 26 nov/],
    ['nl-BE', 'kan het bij jullie op vrijdag', /^vr 27 nov/],
  ])('%s: a day asked as a question ("%s") still offers that day', async (locale, typed, day) => {
    const at = toTimes(locale).length;
    const r = await talk(locale, [...toTimes(locale), typed]);
    expect(timesIn(r[at].actions).length).toBeGreaterThan(0);
    for (const a of timesIn(r[at].actions)) expect(a).toMatch(day);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a plain no at the times is still not understood', async (locale) => {
    const at = toTimes(locale).length;
    const r = await talk(locale, [...toTimes(locale), no(locale)]);
    expect(r[at].text).toMatch(/^Dat begreep ik niet/);
  });
});

describe('a code typed with spaces in the first message', () => {
  const spaced = (reference: string) => reference.replace('-', '').split('').join(' ');
  // Spaced by the character, with the dash kept ("K X 7 - 4 P M") or without it.
  const dashed = (reference: string) => reference.split('').join(' ');
  it.each<[Locale, (reference: string) => string, RegExp]>([
    ['nl-NL', (c) => `ik moet mijn afspraak afzeggen, code ${dashed(c)}`, /Wat wil je doen\?/],
    // With commas each letter is a clause of its own, and a lone letter ("N") read as a request
    // once kept the whole message from the cancellation.
    ['nl-NL', (c) => `afzeggen, code ${spaced(c).split(' ').join(', ')}`, /Wat wil je doen\?/],
    ['nl-BE', (c) => `mijn afspraak verplaatsen, code ${spaced(c).toLowerCase().split(' ').join(', ')}`, /Dan zoeken we een nieuw moment/],
    ['nl-NL', (c) => `afspraak annuleren, mijn code is ${dashed(c)}`, /Wat wil je doen\?/],
    ['nl-NL', (c) => `ik wil mijn afspraak verzetten, referentie ${spaced(c).toLowerCase()}`, /Dan zoeken we een nieuw moment/],
    ['nl-BE', (c) => `afspraak annuleren aub, mijn referentie is ${spaced(c)}`, /Wat wil je doen\?/],
    ['nl-BE', (c) => `ik wil mijn afspraak verplaatsen, de code is ${dashed(c).toLowerCase()}`, /Dan zoeken we een nieuw moment/],
  ])('%s (%#): the code is taken from the first message and only the date of birth is asked', async (locale, opening, found) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [opening(reference), person(locale).birth]);
    expect(r[0].text).toMatch(/^Wat is je geboortedatum\?/);
    expect(r[1].text).toMatch(/Ik heb je afspraak gevonden/);
    expect(r[1].text).toMatch(found);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'afspraak annuleren, de code heb ik niet bij de hand'],
    ['nl-BE', 'ik wil mijn afspraak annuleren maar de code is weg'],
  ])('%s: "%s" has no code in it: the code is asked, or a person offered', async (locale, opening) => {
    const r = await talk(locale, [opening]);
    expect(r[0].text).not.toMatch(/^Wat is je geboortedatum\?/);
  });
});

describe('wordings', () => {
  it.each<[Locale, string, string[]]>([
    ['nl-NL', 'wat kan ik doen als mijn knie opspeelt', ['nee', 'nee']],
    ['nl-NL', 'helpt warmte bij artrose', ['nee hoor']],
    ['nl-BE', 'wat kan ik doen als mijn knie opspeelt', ['neen', 'neen']],
  ])('%s: a bare no to "more about this?" after "%s" is acknowledged, with what else the bot does', async (locale, question, nos) => {
    const r = await talk(locale, [question, ...nos]);
    expect(r[0].text).toMatch(/Wil je (hier|daar) meer over weten\?$/);
    expect(r[1].text).toMatch(/^(Goed|In orde)\. Heb je nog een andere vraag/);
    expect(r[1].text).toMatch(/afspraak maken of een medewerker/);
    expect(r[1].actions).toHaveLength(3);
    // A second no gets neither "no separate answer" nor the answer again.
    for (const reply of r.slice(1)) expect(reply.text).not.toMatch(/apart antwoord|Wil je (hier|daar) meer over weten/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik weet het nog steeds niet'],
    ['nl-NL', 'weet ik echt nog niet'],
    ['nl-BE', 'weet ik nog altijd niet'],
  ])('%s: "%s" after "I don\'t know" at a red-flag question is not knowing again: taken as the yes it said', async (locale, again) => {
    const at = toTimes(locale).length - 1;
    const r = await talk(locale, [...toTimes(locale).slice(0, at), 'weet ik niet', again]);
    expect(r[at].text).toMatch(/^Twijfel je\?/);
    expect(r[at + 1].text).not.toMatch(/begreep ik niet/);
    expect(r[at + 1].text).not.toMatch(/^Twijfel je\?/);
    expect(r[at + 1].text).toMatch(/huisarts/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'ik moet de afspraak van mijn vader afzeggen', /^Wat is de geboortedatum van je vader\? Zo weten we zeker dat het de goede afspraak is\.$/],
    ['nl-NL', 'kan ik voor mijn moeder haar afspraak verzetten', /^Wat is de geboortedatum van je moeder\? /],
    ['nl-BE', 'ik wil de afspraak van mijn man annuleren', /^Wat is de geboortedatum van je man\? Zo zijn we zeker dat het om de juiste afspraak gaat\.$/],
    ['nl-NL', 'ik wil mijn afspraak afzeggen', /^Wat is je geboortedatum\? Zo weten we zeker dat het jouw afspraak is\.$/],
  ])('%s: "%s" asks the date of birth of the person the appointment is for', async (locale, opening, asked) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [opening, reference, person(locale).birth]);
    expect(r[1].text).toMatch(asked);
    expect(r[2].text).toMatch(/Ik heb je afspraak gevonden/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'wat neem ik mee naar de eerste keer?'],
    ['nl-BE', 'wat moet ik allemaal meebrengen?'],
  ])('%s: "%s" asked during a booking is answered without "no appointment yet? make one here"', async (locale, question) => {
    const at = toTimes(locale).length;
    const during = await talk(locale, [...toTimes(locale), '1', question]);
    expect(during[at + 1].text).toMatch(/identiteit/);
    expect(during[at + 1].text).not.toMatch(/nog geen afspraak/);
    expect(during[at + 1].text).toMatch(/Dan (gaan|doen) we verder met je afspraak/);
    expect(during[at + 1].text).toMatch(/voor- en achternaam\?$/);
    // Outside a booking the offer stays.
    const outside = await talk(locale, [question]);
    expect(outside[0].text).toMatch(/nog geen afspraak/);
  });
});
