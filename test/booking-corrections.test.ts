import { bookingKit, no, referenceIn, screening, screeningNo, type Locale } from './helpers/bookingScript';

// A patient who changes an earlier answer, asks for a person or asks something at a free-text
// step, books for a relative or does not know: typed as patients type, in nl-NL and nl-BE, with
// the tests' clock (Monday 23 November 2026, 10:00). The messages of the patient-style test that
// found these are among the turns; the rules that read them are general (locale word lists).

const { appOf, talk, booked } = bookingKit();
const LOCALES: Locale[] = ['nl-NL', 'nl-BE'];
/** Typed answers up to the slot question, the knee on the left. */
const toSlots = (locale: Locale) => ['ik wil een afspraak maken', 'ja', 'knie', 'links', 'een paar maanden', no(locale), ...screeningNo(locale)];
const details = (locale: Locale) => (locale === 'nl-NL'
  ? ['Jolanda Verbeek', '12 mei 81', '06 12345678', 'geen']
  : ['Marc Peeters', '12-5-1981', '0470 12 34 56', 'liever niet']);

describe('a correction of an earlier answer changes it, and the question on screen is asked again', () => {
  it.each<[Locale, string[], string, RegExp, { joint: string; side?: string; since?: string }]>([
    // At "since when?": the side named in the opening message.
    ['nl-NL', ['ik wil een afspraak maken voor mijn linkerknie', 'ja'], 'nee wacht, rechts', /Sinds wanneer/, { joint: 'knee', side: 'right', since: 'een paar maanden' }],
    ['nl-BE', ['ik wil een afspraak maken voor mijn linkerknie', 'ja'], 'nee wacht, rechts', /Sinds wanneer/, { joint: 'knee', side: 'right', since: 'een paar maanden' }],
    // The side chosen with a button, corrected with the joint at the next question.
    ['nl-NL', ['afspraak maken', 'ja', 'knie', 'links'], 'sorry, ik bedoel mijn rechterheup', /Sinds wanneer/, { joint: 'hip', side: 'right', since: 'een paar maanden' }],
    ['nl-BE', ['afspraak maken', 'ja', 'heup', 'links'], 'oei, het is de rechtse kant', /Sinds wanneer/, { joint: 'hip', side: 'right', since: 'een paar maanden' }],
  ])('%s: after %j, "%s"', async (locale, before, correction, question, complaint) => {
    const r = await talk(locale, [...before, correction, 'een paar maanden', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    const at = before.length;
    expect(r[at].text).toMatch(/^Aangepast: /);
    expect(r[at].text).toMatch(question);
    // The question asked again says nothing that no longer holds.
    expect(r[at].text).not.toMatch(/Genoteerd/);
    expect(r[at + 1].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual(complaint);
  });

  it.each(LOCALES)('%s: at the side question, "nee wacht, het is toch de heup" asks the side of the hip', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'nee wacht, het is toch de heup', 'links', 'sinds de zomer', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[3].text).toMatch(/heup/);
    expect(r[3].text).toMatch(/Aan welke kant\?/);
    expect(r[4].text).toMatch(/Sinds wanneer/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'hip', side: 'left', since: 'sinds de zomer' });
  });

  it.each(LOCALES)('%s: at the consent question, "nee wacht, het is toch de heup" is no refusal: consent is asked again, for the hip', async (locale) => {
    const r = await talk(locale, ['ik wil een afspraak maken voor mijn knie', 'nee wacht, het is toch de heup', 'ja']);
    expect(r[1].text).not.toMatch(/niets van je (opgeslagen|bijgehouden)/);
    expect(r[1].text).toMatch(/Aangepast: heup\./);
    expect(r[1].text).toMatch(/Ga je akkoord/);
    // In short: the privacy text is on screen already.
    expect(r[1].text).not.toMatch(/privacyverklaring/);
    expect(r[1].actions).toEqual(['Ja', locale === 'nl-NL' ? 'Nee' : 'Neen']);
    expect(r[2].text).toMatch(/Genoteerd: heup\.\s+Aan welke kant\?/);
  });

  it.each(LOCALES)('%s: at the name question, "toch liever dinsdag" is no name: Tuesday\'s times, then the name again', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', 'toch liever dinsdag', 'de eerste', ...details(locale), 'ja']);
    const n = toSlots(locale).length;
    expect(r[n].text).toMatch(/voor- en achternaam/);
    const times = r[n + 1].actions.filter((x) => /–/.test(x));
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(/^di /);
    expect(r[n + 2].text).toMatch(/voor- en achternaam/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(booking.start)).toBe('dinsdag');
    expect(booking.name).toBe(details(locale)[0]);
  });

  it.each(LOCALES)('%s: another day asked for at the phone question keeps the name and date of birth', async (locale) => {
    const [name, birth, phone, email] = details(locale);
    const r = await talk(locale, [...toSlots(locale), '1', name, birth, 'oeps, ik kan eigenlijk beter op woensdag', 'de eerste', phone, email, 'ja']);
    const n = toSlots(locale).length + 3;
    expect(r[n].actions.filter((x) => /–/.test(x)).every((t) => /^wo /.test(t))).toBe(true);
    expect(r[n + 1].text).toMatch(/telefoon/i);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.name).toBe(name);
    expect(booking.birthDate).toBe('1981-05-12');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'een paar maanden'], ['nl-BE', 'al een jaar of twee'], ['nl-NL', 'sinds mijn knieoperatie'], ['nl-BE', 'rechts al langer, links sinds kort'],
  ])('%s: "%s" at "since when?" is the answer', async (locale, since) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'beide kanten', since, no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[4].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'knee', side: 'both', since });
  });

  it.each(LOCALES)('%s: "de linkse" at the slot question is the first time offered, not a change of side', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'rechts', 'een paar maanden', no(locale), ...screeningNo(locale), 'de linkse', ...details(locale), 'ja']);
    const picked = r.length - details(locale).length - 2;
    const first = r[picked - 1].actions.find((x) => /–/.test(x))!;
    expect(r[picked].text).toMatch(/voor- en achternaam/);
    expect(r[picked].text).not.toMatch(/Aangepast/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.complaint.side).toBe('right');
    expect(new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(booking.start)).toBe(/(\d{2}:\d{2})/.exec(first)![1]);
  });

  it.each(LOCALES)('%s: "nee" and a side at a screening question changes the side and asks that question again', async (locale) => {
    const first = screening[locale].questions[0].text;
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'een week', no(locale), `${no(locale)} wacht, rechts`]);
    expect(r[6].text).toMatch(/^Aangepast: knie, rechts\./);
    expect(r[6].text).toContain(first);
  });
});

// Found by a code review: a day under a negation was searched as if asked for, and the patient
// was offered exactly the day refused. A refused day or part of one is left out instead.
describe('a day or part of one refused is left out, never searched', () => {
  const weekday = (d: Date) => new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(d);
  const hour = (d: Date) => Number(new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(d));
  const times = (actions: string[]) => actions.filter((x) => /–/.test(x));

  it.each(LOCALES)('%s: a Tuesday chosen, "dinsdag kan ik toch niet" at the name question offers other days, and the name is asked on', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'dinsdag', '1', 'dinsdag kan ik toch niet', 'de eerste', ...details(locale), 'ja']);
    const n = toSlots(locale).length;
    expect(times(r[n].actions).every((t) => /^di /.test(t))).toBe(true);
    expect(r[n + 2].text).toMatch(/^Goed, dan niet op dinsdag 24 november\./);
    expect(times(r[n + 2].actions).length).toBeGreaterThan(0);
    for (const t of times(r[n + 2].actions)) expect(t).not.toMatch(/^di /);
    expect(r[n + 3].text).toMatch(/voor- en achternaam/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(weekday(booking.start)).not.toBe('dinsdag');
    expect(booking.name).toBe(details(locale)[0]);
  });

  it.each(LOCALES)('%s: tomorrow chosen, "nee, morgen kan ik niet" (no word of correcting) at the date of birth keeps the name', async (locale) => {
    const [name, birth, phone, email] = details(locale);
    const r = await talk(locale, [...toSlots(locale), 'morgen', '1', name, 'nee, morgen kan ik niet', 'de eerste', birth, phone, email, 'ja']);
    const n = toSlots(locale).length + 3;
    expect(r[n].text).toMatch(/^Goed, dan niet op dinsdag 24 november\./);
    for (const t of times(r[n].actions)) expect(t).not.toMatch(/^di /);
    expect(r[n + 1].text).toMatch(/geboortedatum/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(weekday(booking.start)).not.toBe('dinsdag');
    expect(booking.name).toBe(name);
  });

  it.each(LOCALES)('%s: a morning chosen, "toch liever niet in de ochtend" at the summary offers afternoons, then the summary', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'morgenochtend', '1', ...details(locale), 'toch liever niet in de ochtend', 'de eerste', 'ja']);
    const offered = r[r.length - 3];
    expect(offered.text).toMatch(/^Goed, dan niet 's (ochtends|voormiddags)\./);
    expect(times(offered.actions).length).toBeGreaterThan(0);
    for (const t of times(offered.actions)) expect(Number(/(\d{2}):\d{2}/.exec(t)![1])).toBeGreaterThanOrEqual(12);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    expect(hour((await booked(locale, r[r.length - 1].text)).start)).toBeGreaterThanOrEqual(12);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'dinsdag kan ik niet, woensdag wel', /^wo /],
    ['nl-BE', 'dinsdag kan ik nie, maar woensdag wel', /^wo /],
    ['nl-NL', 'vandaag past me niet', /^(di|wo|do|vr) /],
    ['nl-BE', 'vandaag gaat ni', /^(di|wo|do|vr) /],
  ])('%s: "%s" at the slot question', async (locale, said, day) => {
    const r = await talk(locale, [...toSlots(locale), said]);
    const offered = r[r.length - 1];
    expect(offered.text).toMatch(/^Goed, dan niet op/);
    expect(times(offered.actions).length).toBeGreaterThan(0);
    for (const t of times(offered.actions)) expect(t).toMatch(day);
  });

  it.each(LOCALES)('%s: "niet voor tien uur" is still a time after ten, not a refusal', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'woensdag niet voor tien uur']);
    const offered = r[r.length - 1];
    expect(offered.text).not.toMatch(/dan niet/);
    for (const t of times(offered.actions)) {
      expect(t).toMatch(/^wo /);
      expect(Number(/(\d{2}):\d{2}/.exec(t)![1])).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(LOCALES)('%s: a date in the past ("sorry, 12 mei 1948") is no day to search: at the date of birth, it is the date of birth', async (locale) => {
    const [name, , phone, email] = details(locale);
    const r = await talk(locale, [...toSlots(locale), '1', name, 'sorry, 12 mei 1948', phone, email, 'ja']);
    const reply = r[toSlots(locale).length + 2];
    expect(reply.text).not.toMatch(/(tijden|momenten) zijn vrij|dan niet/);
    expect(reply.actions.filter((x) => /–/.test(x))).toEqual([]);
    expect(reply.text).toMatch(/telefoon/i);
    expect((await booked(locale, r[r.length - 1].text)).birthDate).toBe('1948-05-12');
  });

  it.each(LOCALES)('%s: "sorry, 12 mei 1948" at the phone question is no day to search either', async (locale) => {
    const [name, birth] = details(locale);
    const r = await talk(locale, [...toSlots(locale), '1', name, birth, 'sorry, 12 mei 1948']);
    const reply = r[r.length - 1];
    expect(reply.text).not.toMatch(/(tijden|momenten) zijn vrij|dan niet/);
    expect(reply.actions.filter((x) => /–/.test(x))).toEqual([]);
  });
});

describe('a request for a person or a question at a free-text step', () => {
  it.each<[Locale, string[], string]>([
    ['nl-NL', ['afspraak maken', 'ja', 'knie', 'links'], 'kan ik niet gewoon even iemand aan de lijn krijgen?'],
    ['nl-BE', ['afspraak maken', 'ja', 'knie', 'links'], 'kan ik nie gewoon iemand aan de lijn krijgen?'],
    ['nl-NL', ['afspraak maken', 'ja', 'iets anders'], 'ik wil toch liever iemand van de praktijk spreken'],
  ])('%s: after %j, "%s" brings in a person, and is not kept as an answer', async (locale, before, asked) => {
    const r = await talk(locale, [...before, asked]);
    const reply = r[before.length];
    expect(reply.text).toMatch(/terugbel|medewerker/);
    expect(reply.text).not.toMatch(/verwijzing|voorschrift/);
  });

  it.each(LOCALES)('%s: a question at "since when?" is answered, not kept as the answer, and the question asked again', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'hoe lang duurt een behandeling meestal?', 'een paar weken', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[4].text.length).toBeGreaterThan(80);
    expect(r[4].text).toMatch(/Sinds wanneer/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe('een paar weken');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil eigenlijk liever even iemand van de praktijk spreken'],
    ['nl-BE', 'ik zou eigenlijk liever eens iemand van de praktijk spreken'],
    ['nl-NL', 'ik wil iemand spreken'],
  ])('%s: "%s" at the slot question brings in a person', async (locale, asked) => {
    const r = await talk(locale, [...toSlots(locale), asked]);
    const reply = r[r.length - 1];
    expect(reply.text).not.toMatch(/begreep ik niet/);
    expect(reply.text).toMatch(/terugbel|medewerker/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'Ine Mens', /geboortedatum/],
    ['nl-NL', 'Jan van der Mens', /geboortedatum/],
    ['nl-BE', 'Lieve Op de Beeck', /geboortedatum/],
    ['nl-NL', 'April de Vries', /geboortedatum/],
    ['nl-NL', 'toch liever dinsdag', /Deze tijden zijn vrij/],
    ['nl-NL', 'dinsdag', /lijkt me geen naam/],
    ['nl-BE', 'ja dat is goed', /lijkt me geen naam/],
    ['nl-NL', 'morgenochtend', /lijkt me geen naam/],
    // Found by a code review: first names that are words of sentences too, and weekdays as surnames.
    ['nl-NL', 'Wil van Dam', /geboortedatum/],
    ['nl-BE', 'Wil Peeters', /geboortedatum/],
    ['nl-NL', 'Ben de Jong', /geboortedatum/],
    ['nl-NL', 'Piet Zondag', /geboortedatum/],
    ['nl-BE', 'Anna Vrijdag', /geboortedatum/],
    ['nl-NL', 'Kees Maandag', /geboortedatum/],
    ['nl-BE', 'Jan van Maandag', /geboortedatum/],
    ['nl-BE', 'toch liever dinsdag', /Deze (tijden|momenten) zijn vrij/],
    ['nl-NL', 'vrijdag dan', /lijkt me geen naam/],
    ['nl-BE', 'ja Marc Peeters', /lijkt me geen naam/],
    ['nl-NL', 'ik wil iets anders', /lijkt me geen naam/],
  ])('%s: "%s" at the name question', async (locale, name, expected) => {
    const r = await talk(locale, [...toSlots(locale), '1', name]);
    expect(r[r.length - 1].text).toMatch(expected);
  });
});

describe('names that read as words', () => {
  it.each<[Locale, string]>([['nl-NL', 'Wil van Dam'], ['nl-BE', 'Piet Zondag']])('%s: "%s" is booked under that name', async (locale, name) => {
    const [, birth, phone, email] = details(locale);
    const r = await talk(locale, [...toSlots(locale), '1', name, birth, phone, email, 'ja']);
    expect(r.map((x) => x.text).join('\n')).not.toMatch(/lijkt me geen naam/);
    expect((await booked(locale, r[r.length - 1].text)).name).toBe(name);
  });
});

describe('the summary changes the complaint too', () => {
  it.each(LOCALES)('%s: "het is toch de rechterknie" shows the summary with the right knee, and books it', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'het is toch de rechterknie', 'ja']);
    const summary = r[r.length - 2];
    expect(summary.text).toMatch(/Aangepast: knie, rechts\./);
    expect(summary.text).toMatch(/Klopt dit\?/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'knee', side: 'right', since: 'een paar maanden' });
  });

  it.each(LOCALES)('%s: "wijzig de kant" asks the complaint again (joint, then side), the rest kept', async (locale) => {
    // "Since when?" is asked with the complaint too (a fifteenth patient-style test); the same answer keeps it.
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'wijzig de kant', 'knie', 'de rechtse', 'een paar maanden', 'ja']);
    expect(r[r.length - 5].text).toMatch(/Over welk gewricht/);
    expect(r[r.length - 4].text).toMatch(/Aan welke kant/);
    expect(r[r.length - 3].text).toMatch(/Sinds wanneer/);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.complaint).toEqual({ joint: 'knee', side: 'right', since: 'een paar maanden' });
    expect(booking.name).toBe(details(locale)[0]);
  });

  it.each(LOCALES)('%s: "Gegevens wijzigen" asks which, and only that one is asked again', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'Gegevens wijzigen', 'klacht', 'heup', 'links', 'een paar maanden', 'ja']);
    const choice = r[r.length - 6];
    expect(choice.text).toMatch(/Wat wil je (wijzigen|aanpassen)\?/);
    expect(choice.actions).toEqual(expect.arrayContaining(['Klacht', 'Naam', 'Telefoonnummer']));
    expect(r[r.length - 5].text).toMatch(/Over welk gewricht/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'hip', side: 'left', since: 'een paar maanden' });
  });

  it.each(LOCALES)('%s: "Gegevens wijzigen", then the phone number: the name is not asked again', async (locale) => {
    const number = locale === 'nl-NL' ? '0687654321' : '0498 76 54 32';
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'Gegevens wijzigen', 'telefoonnummer', number, 'ja']);
    expect(r[r.length - 3].text).toMatch(/telefoon/i);
    expect(r[r.length - 3].text).not.toMatch(/naam/);
    expect((await booked(locale, r[r.length - 1].text)).phone).toBe(locale === 'nl-NL' ? '+31687654321' : '+32498765432');
  });

  it.each(LOCALES)('%s: "toch liever donderdag" at the summary offers Thursday\'s times, then the summary', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'toch liever donderdag', 'de eerste', 'ja']);
    expect(r[r.length - 3].actions.filter((x) => /–/.test(x)).every((t) => /^do /.test(t))).toBe(true);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(booking.start)).toBe('donderdag');
  });
});

describe('moving an appointment', () => {
  it.each(LOCALES)('%s: "verzetten" said: no "Wat wil je doen?"; a no with a new wish looks for that wish', async (locale) => {
    const made = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const reference = referenceIn(made[made.length - 1].text);
    const before = (await appOf(locale).database.bookings.findByReference(reference))!.start;
    const r = await talk(locale, ['ik wil mijn afspraak verzetten naar donderdag', reference, '12-05-1981', 'de eerste', `${no(locale)} toch liever vrijdagochtend`, 'de eerste', 'ja']);
    expect(r[2].text).toMatch(/gevonden/);
    expect(r[2].text).not.toMatch(/Wat wil je doen/);
    expect(r[2].actions.filter((x) => /–/.test(x)).every((t) => /^do /.test(t))).toBe(true);
    expect(r[3].text).toMatch(/Klopt d(it|at)\?/);
    expect(r[4].text).not.toMatch(/blijft staan/);
    const friday = r[4].actions.filter((x) => /–/.test(x));
    expect(friday.length).toBeGreaterThan(0);
    for (const t of friday) expect(t).toMatch(/^vr .* (0[89]|1[01]):\d{2}/);
    expect(r[5].text).toMatch(/vrijdag 27 november/);
    expect(r[6].text).toMatch(/Je afspraak is (verzet|verplaatst)/);
    const after = (await appOf(locale).database.bookings.findByReference(reference))!;
    expect(after.start.getTime()).not.toBe(before.getTime());
    expect(new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(after.start)).toBe('vrijdag');
  });

  it.each(LOCALES)('%s: "nee, morgen kan ik niet" at "Klopt dit?" is no move to tomorrow: other days are offered', async (locale) => {
    const made = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const reference = referenceIn(made[made.length - 1].text);
    const r = await talk(locale, ['ik wil mijn afspraak verzetten naar morgen', reference, '12-05-1981', 'de eerste', `${no(locale)}, morgen kan ik niet`, 'de eerste', 'ja']);
    expect(r[2].actions.filter((x) => /–/.test(x)).every((t) => /^di /.test(t))).toBe(true);
    expect(r[3].text).toMatch(/dinsdag 24 november/);
    expect(r[4].text).toMatch(/^Goed, dan niet op dinsdag 24 november\./);
    expect(r[4].text).not.toMatch(/blijft staan/);
    const offered = r[4].actions.filter((x) => /–/.test(x));
    expect(offered.length).toBeGreaterThan(0);
    for (const t of offered) expect(t).not.toMatch(/^di /);
    expect(r[5].text).not.toMatch(/naar dinsdag 24 november/);
    expect(r[6].text).toMatch(/Je afspraak is (verzet|verplaatst)/);
    const after = (await appOf(locale).database.bookings.findByReference(reference))!;
    expect(new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(after.start)).not.toBe('dinsdag');
  });

  it.each(LOCALES)('%s: "verzetten, maar niet naar vrijdag" leaves Friday out', async (locale) => {
    const made = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const reference = referenceIn(made[made.length - 1].text);
    const r = await talk(locale, ['ik wil mijn afspraak verzetten, maar niet naar vrijdag', reference, '12-05-1981', 'latere tijden', 'latere tijden']);
    expect(r[0].text).toMatch(/^Goed, dan niet op vrijdag 27 november\./);
    for (const reply of r.slice(2)) for (const t of reply.actions.filter((x) => /–/.test(x))) expect(t).not.toMatch(/^vr 27/);
  });

  it.each(LOCALES)('%s: "annuleren" still asks what to do, and a plain no at "Klopt dit?" keeps the appointment', async (locale) => {
    const made = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const reference = referenceIn(made[made.length - 1].text);
    const cancel = await talk(locale, ['afspraak annuleren', reference, '12-05-1981']);
    expect(cancel[2].text).toMatch(/Wat wil je doen\?/);
    const r = await talk(locale, ['ik wil mijn afspraak verzetten', reference, '12-05-1981', 'de eerste', no(locale)]);
    expect(r[4].text).toMatch(/blijft staan/);
  });
});

describe('booking for a relative', () => {
  it.each(LOCALES)('%s: said in the opening message: consent, questions and details are about them, not asked again', async (locale) => {
    const r = await talk(locale, ['ik wil een afspraak maken voor mijn vader', 'ja', 'knie', 'links', 'een paar maanden', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[0].text).toMatch(/^Voor een afspraak voor je vader /);
    expect(r[0].text).toMatch(/toestemming van je vader/);
    expect(r[1].text).toMatch(/^Je maakt de afspraak voor je vader\./);
    expect(r[1].text).not.toMatch(/\?\s*Beantwoord/);
    expect(r[3].text).toMatch(/Sinds wanneer heeft je vader/);
    const name = r[5 + screeningNo(locale).length + 1];
    expect(name.text).toMatch(/voor- en achternaam van je vader\?/);
    expect(name.text).not.toMatch(/je voor- en achternaam/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
  });

  it.each<[Locale, string]>([['nl-NL', 'voor mijn vader'], ['nl-BE', 'het is voor ons ma']])(
    '%s: "%s" at the consent question asks consent again, for someone else', async (locale, forWhom) => {
      const r = await talk(locale, ['afspraak maken', forWhom, 'ja']);
      expect(r[1].text).not.toMatch(/begreep ik niet/);
      expect(r[1].text).toMatch(/toestemming van je (vader|ma)/);
      expect(r[1].text).not.toMatch(/privacyverklaring/);
      expect(r[1].actions).toEqual(['Ja', locale === 'nl-NL' ? 'Nee' : 'Neen']);
      expect(r[2].text).toMatch(/^Je maakt de afspraak voor je (vader|ma)\./);
      expect(r[2].text).toMatch(/Over welk gewricht/);
    },
  );

  it.each(LOCALES)('%s: "het is voor mijn moeder" at the name question asks her name instead', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', 'het is voor mijn moeder', 'Anna Jansen']);
    const n = toSlots(locale).length + 1;
    expect(r[n].text).toMatch(/voor je moeder/);
    expect(r[n].text).toMatch(/voor- en achternaam van je moeder/);
    expect(r[n + 1].text).toMatch(/geboortedatum van je moeder/);
  });

  it.each<[Locale, string]>([['nl-NL', 'ik ben een vrouw van 70 met knieklachten'], ['nl-BE', 'ik wil een afspraak maken']])(
    '%s: "%s" is no booking for someone else', async (locale, opening) => {
      const r = await talk(locale, [opening, 'ja']);
      expect(`${r[0].text}\n${r[1].text}`).not.toMatch(/iemand anders|afspraak voor je /);
    },
  );
});

describe('not knowing about a referral is no', () => {
  // Not "da weet ik ni" of the patient-style test: the crisis net (src/safety) takes that for a crisis today.
  it.each<[Locale, string]>([['nl-NL', 'weet ik niet'], ['nl-BE', 'weet ik ni'], ['nl-NL', 'geen idee'], ['nl-BE', 'weet ik niet zeker']])(
    '%s: "%s" at the referral question goes on to the screening, and is kept as no referral', async (locale, unsure) => {
      const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'een paar maanden', unsure, ...screeningNo(locale), '1', ...details(locale), 'ja']);
      expect(r[5].text).not.toMatch(/Twijfel je/);
      expect(r[5].text).toContain(screening[locale].questions[0].text);
      expect((await booked(locale, r[r.length - 1].text)).hasReferral).toBe(false);
    },
  );

  it.each(LOCALES)('%s: doubt at a screening question is still asked again', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'een paar maanden', no(locale), 'weet ik niet']);
    expect(r[6].text).toMatch(/^Twijfel je\?/);
  });
});
