import { readFileSync } from 'node:fs';
import { bookingKit, no, screeningNo, type Locale } from './helpers/bookingScript';
import { MemoryStorage } from 'botbuilder';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// Small gaps of the booking dialog that earlier patient-style tests left: "I don't remember any
// more" as the answer to "since when?", a sign for the GP typed with that answer, a second
// appointment for a relative in the opening message, the person named in the texts for someone
// else. Typed as patients type, in nl-NL and nl-BE, with the tests' clock (Monday 23 November
// 2026, 10:00); the wordings are our own.

const { talk, booked, appOf } = bookingKit();
const person = (locale: Locale) => (locale === 'nl-NL'
  ? { name: 'Ria de Wit', birth: '3-9-1949', phone: '06 23456789' }
  : { name: 'Mieke Peeters', birth: '3/9/1949', phone: '0478 23 45 67' });
const crisisLine = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);

describe('"I don\'t remember any more" at "since when?" is an answer', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik weet het niet meer'],
    ['nl-NL', 'dat weet ik niet meer'],
    ['nl-BE', 'kweet het ni meer'],
    ['nl-BE', 'ik weet het niet meer'],
  ])('%s: "%s" is kept as unknown, no crisis question, and the booking goes on to the end', async (locale, forgot) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'rechts', forgot, no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[4].text).not.toMatch(/113|1813|niet meer te willen leven|opzij/);
    expect(r[4].text).toMatch(/^Geen probleem, dat bespreek je dan/);
    expect(r[4].text).toMatch(/verwijzing|voorschrift/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBeFalsy();
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik weet het niet meer, ik wil er gewoon niet meer zijn'],
    ['nl-BE', 'kweet het ni meer, ik zie het echt ni meer zitten'],
    ['nl-NL', 'ik weet het allemaal niet meer en ik zie het niet meer zitten'],
  ])('%s: "%s" still gets the crisis line, and the booking ends', async (locale, despair) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', despair, 'een maand']);
    expect(r[4].text).toMatch(/^Dank je dat je dit vertelt/);
    expect(r[4].text).toMatch(crisisLine(locale));
    expect(r[5].text).not.toMatch(/verwijzing|voorschrift/);
  });

  it.each<[Locale, string]>([['nl-NL', 'ik weet het allemaal niet meer'], ['nl-BE', 'ik weet het allemaal niet meer']])(
    '%s: "%s" is no answer about a date: the crisis line as a question still comes', async (locale, despair) => {
      const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', despair]);
      expect(r[4].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
      expect(r[4].text).toMatch(crisisLine(locale));
    },
  );

  it('nl-NL: at the date of birth of a mother, "weet ik niet meer" asks for the date again, with no crisis question', async () => {
    const r = await talk('nl-NL', ['ik wil een afspraak maken voor mijn moeder, haar linkerknie', 'ja', 'al jaren', 'nee', ...screeningNo('nl-NL'), '1', 'Ria de Wit', 'weet ik niet meer']);
    const said = r[r.length - 1].text;
    expect(said).not.toMatch(/113|niet meer te willen leven/);
    expect(said).toMatch(/datum/);
  });
});

describe('a sign for the GP typed with the answer to "since when?"', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'al een week of vijf, en ik ben flink afgevallen zonder reden en heb \'s nachts veel pijn', 'al een week of vijf'],
    ['nl-BE', 'sinds een maand of twee; ik heb wat koorts en pijn in mijn knie', 'sinds een maand of twee'],
  ])('%s: "%s" gets the GP instruction, and "%s" is kept as the answer', async (locale, told, since) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', told, no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[4].text).toMatch(/huisarts/);
    expect(r[4].text).toMatch(/deze week/);
    expect(r[4].text).toContain(`Genoteerd voor de ${locale === 'nl-NL' ? 'fysiotherapeut' : 'kinesitherapeut'}: ${since}.`);
    expect(r[4].text).not.toMatch(/Sinds wanneer/);
    expect(r[4].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe(since);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik heb ook koorts en pijn in mijn knie', 'een paar maanden'],
    ['nl-BE', 'sinds de zomer ben ik zonder reden veel afgevallen en heb ik \'s nachts pijn', 'al een jaar of drie'],
  ])('%s: "%s" without a separate answer: the instruction, then "since when?" again saying so; "%s" is then kept', async (locale, told, since) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', told, since, no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[4].text).toMatch(/huisarts/);
    expect(r[4].text).toMatch(/Dan nog even mijn vraag van (daar)?net: het antwoord daarop lees ik niet in je bericht\.\n\nSinds wanneer/);
    expect(r[5].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe(since);
  });
});

describe('an appointment for the writer and one for a relative, asked for in one message', () => {
  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'ik wil graag een afspraak maken, mijn vader wil er ook een', 'je vader', 'Afspraak maken voor mijn vader'],
    ['nl-BE', 'ik wou een afspraak maken, ons ma wil er ook eentje', 'je ma', 'Afspraak maken voor mijn ma'],
    ['nl-NL', 'een afspraak voor mij en mijn man graag', 'je man', 'Afspraak maken voor mijn man'],
    ['nl-BE', 'mijn vrouw en ik willen allebei een afspraak', 'je vrouw', 'Afspraak maken voor mijn vrouw'],
  ])('%s: "%s" books the writer first, says once that the one for %s follows, and offers it after the confirmation', async (locale, opening, who, button) => {
    const p = person(locale);
    const r = await talk(locale, [opening, 'ja', 'heup', 'rechts', 'een half jaar', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja', button, 'ja']);
    const said = r.map((t) => t.text);
    expect(said[0]).not.toMatch(/iemand anders|afspraak voor je /);
    expect(said[1]).toMatch(new RegExp(`^Ik maak eerst jouw afspraak\\. Die voor ${who} maken we daarna apart`));
    expect(said.filter((t) => t.includes('maken we daarna apart'))).toHaveLength(1);
    expect(said[3]).toMatch(/^Sinds wanneer heb je /);
    const confirmation = r[r.length - 3];
    expect(confirmation.text).toMatch(/bevestigd/);
    expect(confirmation.text).toContain(`de afspraak voor ${who}`);
    expect(confirmation.actions[0]).toBe(button);
    const b = await booked(locale, confirmation.text);
    expect(b.name).toBe(p.name);
    // The button starts the relative's booking, with the questions about them.
    expect(r[r.length - 2].text).toMatch(new RegExp(`^Voor een afspraak voor ${who} `));
    expect(r[r.length - 1].text).toMatch(new RegExp(`^Je maakt de afspraak voor ${who}\\.`));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil een afspraak maken voor mijn moeder, zij wil dat zelf ook graag'],
    ['nl-BE', 'mijn schoonvader wil een consultatie voor zijn knie'],
  ])('%s: "%s" is still a booking for the relative only', async (locale, opening) => {
    const r = await talk(locale, [opening, 'ja']);
    expect(r[0].text).toMatch(/^Voor een afspraak voor je (moeder|schoonvader) /);
    expect(r[1].text).not.toMatch(/eerst jouw afspraak/);
  });
});

describe('a relative\'s appointment promised after the writer\'s, when the writer\'s is not made', () => {
  // A review: stopped halfway, at the summary or after the time was taken, the relative's
  // appointment was never offered though it had been promised ("that one we make afterwards").
  const relative = (locale: Locale) => (locale === 'nl-NL'
    ? { opening: 'graag een afspraak voor mezelf en ook voor mijn moeder', who: 'je moeder', button: 'Afspraak maken voor mijn moeder' }
    : { opening: 'ik wil een afspraak voor mij en ook voor mijn vader', who: 'je vader', button: 'Afspraak maken voor mijn vader' });
  /** The opening, consent and the complaint, up to "since when?". */
  const toSince = (locale: Locale) => [relative(locale).opening, 'ja', 'knie', 'rechts'];
  /** On to the summary with the first free time. */
  const toSummary = (locale: Locale) => {
    const p = person(locale);
    return [...toSince(locale), 'een week of drie', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
  };

  const saysNeither = (locale: Locale, stopped: { text: string; actions: string[] }) => {
    const { who, button } = relative(locale);
    expect(stopped.text).toMatch(new RegExp(`^Oké, ik ben ermee gestopt\\. Je eigen afspraak is niet gemaakt, en die voor ${who} ook niet\\.`));
    expect(stopped.actions[0]).toBe(button);
  };

  it.each<[Locale, string, (l: Locale) => string[]]>([
    ['nl-NL', '"stop" at "since when?"', (l) => [...toSince(l), 'stop']],
    ['nl-BE', '"stoppen" at "since when?"', (l) => [...toSince(l), 'stoppen']],
    ['nl-NL', '"laat maar", then yes', (l) => [...toSince(l), 'een paar maanden', 'laat maar', 'ja']],
    ['nl-BE', '"laat maar zitten", then yes', (l) => [...toSince(l), 'een paar maanden', 'laat maar zitten', 'ja']],
    ['nl-NL', 'the summary\'s stop button and its yes', (l) => [...toSummary(l), 'Stoppen', 'Ja, stoppen']],
    ['nl-BE', 'the summary\'s stop button and its yes', (l) => [...toSummary(l), 'Stoppen', 'ja']],
  ])('%s: stopped by %s, the patient hears neither was made, with the relative\'s button first; it starts that booking', async (locale, _how, turns) => {
    const r = await talk(locale, [...turns(locale), relative(locale).button]);
    expect(r[1].text).toMatch(/^Ik maak eerst jouw afspraak\./);
    saysNeither(locale, r[r.length - 2]);
    expect(r[r.length - 1].text).toMatch(new RegExp(`^Voor een afspraak voor ${relative(locale).who} `));
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: the time taken by someone else meanwhile, then a stop: neither was made, the button is offered', async (locale) => {
    const mine = testAdapterFor(appOf(locale), locale);
    const summary = await talk(locale, toSummary(locale), mine);
    expect(summary[summary.length - 1].actions).toContain('Bevestigen');
    // Another patient takes the same first free time before this one confirms.
    const other = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', 'sinds vorig jaar', no(locale), ...screeningNo(locale), '1', 'Piet Jansen', '1-1-1950', locale === 'nl-NL' ? '06 11223344' : '0475 11 22 33', 'geen', 'ja']);
    expect(other[other.length - 1].text).toMatch(/bevestigd/);
    const r = await talk(locale, ['Bevestigen', 'stop'], mine);
    expect(r[0].text).toMatch(/net weg/);
    saysNeither(locale, r[1]);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a booking for the writer alone still stops with the plain text', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'stop']);
    expect(r[4].text).toMatch(/^Oké, ik ben ermee gestopt\. Waarmee kan ik je (verder|nog) helpen\?$/);
    expect(r[4].actions[0]).not.toMatch(/^Afspraak maken voor mijn/);
  });
});

describe('the texts of a booking for someone else name the person as the writer did', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'graag een afspraak voor mijn oma, ze heeft last van haar rechterknie', 'je oma'],
    ['nl-BE', 'ik wil een consultatie boeken voor mijn vrouw, voor haar linkerheup', 'je vrouw'],
  ])('%s: "%s": consent, the note, the details and a detail changed from the summary speak of %s', async (locale, opening, who) => {
    const p = person(locale);
    const r = await talk(locale, [opening, 'ja', 'een maand of drie', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'Gegevens wijzigen', 'Geboortedatum']);
    expect(r[0].text).toMatch(new RegExp(`^Voor een afspraak voor ${who} `));
    expect(r[0].text).toContain(`toestemming van ${who}`);
    expect(r[1].text).toMatch(new RegExp(`^Je maakt de afspraak voor ${who}\\. Beantwoord de vragen dan over de klachten van ${who};`));
    const n = 4 + screeningNo(locale).length;
    expect(r[n].text.split('\n').pop()).toBe(`Wat is de voor- en achternaam van ${who}?`);
    expect(r[n + 1].text).toMatch(new RegExp(`^Wat is de geboortedatum van ${who}\\?`));
    expect(r[n + 2].text).toContain(`kunnen we ${who} (of jou) bereiken?`);
    expect(r[r.length - 1].text).toMatch(new RegExp(`^Wat is de geboortedatum van ${who}\\?`));
    for (const t of r) expect(t.text).not.toMatch(/zijn of haar|hij of zij|hem of haar/);
  });

  it.each<[Locale, string]>([['nl-NL', 'ik maak een afspraak voor mijn mom, voor haar heup links'], ['nl-BE', 'ik wil een afspraak maken voor mijn dad, zijn rechterknie']])(
    '%s: "%s", a word not to say back: the neutral wording', async (locale, opening) => {
      const p = person(locale);
      const r = await talk(locale, [opening, 'ja', 'al lang', no(locale), ...screeningNo(locale), '1', p.name]);
      expect(r[0].text).toMatch(/^Voor een afspraak voor iemand anders .*zijn of haar toestemming/);
      expect(r[1].text).toMatch(/^Je maakt de afspraak voor iemand anders\./);
      expect(r[r.length - 2].text.split('\n').pop()).toBe('Wat is de voor- en achternaam van die persoon?');
      expect(r[r.length - 1].text).toMatch(/^Wat is de geboortedatum van die persoon\?/);
    },
  );

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: no text for someone else says "hij of zij" where the person can be named', (locale) => {
    const { booking } = JSON.parse(readFileSync(`locales/${locale}/booking.json`, 'utf8')) as { booking: Record<string, Record<string, unknown>> };
    const texts = [booking.screeningOther, booking.detailsOther].flatMap((o) => JSON.stringify(o).match(/"[^"]*"/g) ?? []);
    for (const t of texts) expect(t).not.toMatch(/hij of zij|zijn of haar|hem of haar/);
    expect(JSON.stringify(booking.screeningOther)).toContain('{{who}}');
  });
});

describe('a time at the other location says where', () => {
  // The Dutch test practice has two locations; on Wednesday afternoon only Locatie Oost is open.
  // Already so before these changes: kept here as the check that it stays so.
  it('nl-NL: "woensdagmiddag" offers times labelled with Locatie Oost; the summary and the confirmation give its address', async () => {
    const p = person('nl-NL');
    const r = await talk('nl-NL', ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', 'nee', ...screeningNo('nl-NL'), 'woensdagmiddag', '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    const offered = r[6 + screeningNo('nl-NL').length].actions.filter((a) => /^wo /.test(a));
    expect(offered.length).toBeGreaterThan(0);
    for (const a of offered) expect(a).toMatch(/– Locatie Oost$/);
    expect(r[r.length - 2].cards).toContain('Locatie Oost, Proeflaan 3, 3581 CD Utrecht');
    expect(r[r.length - 1].text).toContain('bij Locatie Oost, Proeflaan 3');
  });
});

// A review: a deletion asked in a cancellation while a booking waited set aside overwrote that
// booking with the cancellation; "verder" then went on with the cancellation.
describe('a booking set aside stays set aside', () => {
  it('through a cancellation and a deletion declined: "verder" goes on with the booking', async () => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    const r = await converse(testAdapterFor(app), ['Afspraak maken', 'ja', 'Knie', 'Links', 'al jaren', 'later', 'Afspraak annuleren', 'verwijder mijn gegevens, ik vertrouw dit niet', 'nee', 'verder']);
    expect(r[9].text).toMatch(/verwijzing/);
    await app.close();
  });
});
