import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { loadValidatedKnowledge } from '../src/knowledge';
import { createApp } from '../src/app/createApp';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logging/Logger';
import { FixedClock } from '../src/util/Clock';
import { bothPractices, buildTestApp, converse, LogSink, TEST_NOW, testAdapterFor } from './helpers/testApp';

// Conversations typed the way patients type them: no button values, in nl-NL and nl-BE, with
// the tests' clock (Monday 23 November 2026, 10:00).

type Locale = 'nl-NL' | 'nl-BE';
const questions = loadValidatedKnowledge('knowledge').screening;

const practices = bothPractices();
const appOf = (locale: Locale) => (locale === 'nl-NL' ? practices.NL : practices.BE);
const no = (locale: Locale) => (locale === 'nl-NL' ? 'nee' : 'neen');
/** Typed answers up to the slot question. */
const toSlots = (locale: Locale) => [
  'ik wil een afspraak maken', 'ja', 'de knie', 'links', 'een paar maanden', no(locale), ...questions[locale].questions.map(() => no(locale)),
];
const details = (locale: Locale) => (locale === 'nl-NL'
  ? ['Jolanda Verbeek', '12 mei 81', '06 12345678', 'geen']
  : ['Marc Peeters', '12-5-1981', '0470 12 34 56', 'liever niet']);
const LOCALES: Locale[] = ['nl-NL', 'nl-BE'];

async function talk(locale: Locale, messages: string[], adapter = testAdapterFor(appOf(locale), locale)) {
  return converse(adapter, messages);
}

describe('the booking confirmation typed, with every yes word', () => {
  const words = ['ja', 'jep', 'klopt', 'ok', 'oké', 'akkoord', 'goed', 'prima', 'jazeker', 'zeker', 'doe maar'];
  it.each(LOCALES.flatMap((l) => words.map((w) => [l, w] as const)))('%s: "%s" books it', async (locale, word) => {
    const r = await talk(locale, [...toSlots(locale), 'de eerste', ...details(locale), word]);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    const done = r[r.length - 1];
    expect(done.text).toMatch(/bevestigd/);
    expect(done.text).toMatch(/referentie is [A-Z0-9]{3}-[A-Z0-9]{3}/);
    expect(done.attachments).toBe(1);
  });

  it.each(LOCALES)('%s: an answer that is not understood shows the buttons again, and "ja" then books', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'hmm weet niet', 'ja']);
    expect(r[r.length - 2].text).toMatch(/Typ "ja" als alles klopt/);
    expect(r[r.length - 2].actions).toContain('Bevestigen');
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
  });
});

describe('doubt at a yes-or-no question is asked again, never read as a no or a yes', () => {
  it.each(LOCALES.flatMap((l) => ['weet ik niet precies', 'geen idee', 'ik twijfel', 'misschien'].map((w) => [l, w] as const)))(
    '%s: "%s" at the first screening question', async (locale, answer) => {
      const first = questions[locale].questions[0].text;
      const before = toSlots(locale).slice(0, 6);
      const r = await talk(locale, [...before, answer, no(locale)]);
      expect(r[r.length - 3].text).toContain(first);
      const again = r[r.length - 2];
      expect(again.text).toMatch(/^Twijfel je\?/);
      expect(again.text).toContain(first);
      // Only a no goes on to the next question.
      expect(r[r.length - 1].text).toContain(questions[locale].questions[1].text);
    },
  );

  it.each(LOCALES)('%s: "klopt dat?" at the summary asks again instead of booking', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'de eerste', ...details(locale), 'klopt dat?']);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    expect(r[r.length - 1].text).not.toMatch(/bevestigd/);
  });
});

describe('yes and no typed at a question', () => {
  it.each(LOCALES.flatMap((l) => ['ja', 'jep', 'klopt', 'ok', 'oké', 'akkoord', 'goed', 'prima', 'jazeker', 'zeker', 'doe maar'].map((w) => [l, w] as const)))(
    '%s: "%s" at the consent question is a yes', async (locale, word) => {
      const r = await talk(locale, ['afspraak maken', word]);
      expect(r[1].text).toMatch(/Over welk gewricht/);
    },
  );
  it.each(LOCALES.flatMap((l) => ['nee', 'neen', 'niet', 'liever niet'].map((w) => [l, w] as const)))('%s: "%s" at the consent question is a no', async (locale, word) => {
    const r = await talk(locale, ['afspraak maken', word]);
    expect(r[1].text).toMatch(/niets van je (opgeslagen|bijgehouden)/);
  });
});

describe('choices by number, label and position', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', '2', /Aan welke kant/],
    ['nl-NL', 'de tweede', /Aan welke kant/],
    ['nl-BE', 'de knie', /Aan welke kant/],
    ['nl-NL', 'de laatste', /algemene eerste afspraak/],
    ['nl-BE', 'iets anders', /algemene eerste consultatie/],
  ])('%s: the joint as "%s"', async (locale, answer, expected) => {
    const r = await talk(locale, ['afspraak maken', 'ja', answer]);
    expect(r[2].text).toMatch(expected);
  });

  it.each(LOCALES)('%s: "de rechtse" at the side question is the right side', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'de rechtse', 'sinds gisteren', no(locale), ...questions[locale].questions.map(() => no(locale)), 'de eerste', ...details(locale), 'ja']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(r[r.length - 1].text)![1];
    expect((await appOf(locale).database.bookings.findByReference(reference))!.complaint.side).toBe('right');
  });

  it.each(LOCALES)('%s: "die van dinsdag" takes the one Tuesday slot among those offered', async (locale) => {
    const { app: fresh } = await buildTestApp(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}, new MemoryStorage());
    const a = testAdapterFor(fresh, locale);
    let turn = (await converse(a, toSlots(locale))).pop()!;
    for (let page = 0; page < 12 && turn.actions.filter((x) => x.startsWith('di ')).length !== 1; page++) {
      turn = (await converse(a, [locale === 'nl-NL' ? 'latere tijden' : 'latere momenten'])).pop()!;
    }
    expect(turn.actions.filter((x) => x.startsWith('di '))).toHaveLength(1);
    const picked = await converse(a, ['die van dinsdag', ...details(locale), 'ja']);
    expect(picked[0].text).toMatch(/voor- en achternaam/);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(picked[picked.length - 1].text)![1];
    const booked = (await fresh.database.bookings.findByReference(reference))!;
    expect(new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(booked.start)).toBe('dinsdag');
    await fresh.close();
  });
});

describe('times typed as patients write them', () => {
  it.each<[Locale, string, (hour: number, minute: number) => boolean]>([
    ['nl-NL', 'dinsdag na vieren', (h) => h >= 16],
    ['nl-BE', 'dinsdag na vieren', (h) => h >= 16],
    ['nl-NL', "dinsdag 's middags", (h) => h >= 12 && h < 17],
    ['nl-NL', 'dinsdag smiddags', (h) => h >= 12 && h < 17],
    ['nl-NL', 'dinsdag kwart over drie', (h, m) => Math.abs(h * 60 + m - 915) <= 90],
    ['nl-BE', 'dinsdag half vier', (h, m) => Math.abs(h * 60 + m - 930) <= 90],
  ])('%s: "%s" offers only matching times', async (locale, text, ok) => {
    const r = await talk(locale, [...toSlots(locale), text]);
    const options = r[r.length - 1].actions.filter((x) => /–/.test(x));
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      expect(o).toMatch(/^di /);
      const [, h, m] = /(\d{2}):(\d{2})/.exec(o)!;
      expect(ok(+h, +m)).toBe(true);
    }
  });

  it.each<[Locale, string, string, (hour: number) => boolean]>([
    ['nl-NL', 'donderdag', 'na vier uur', (h) => h >= 16],
    ['nl-BE', 'volgende week dinsdag', 'liefst in de namiddag', (h) => h >= 12 && h < 17],
  ])('%s: "%s", then "%s": the time narrows that day, not the whole agenda', async (locale, day, time, ok) => {
    const r = await talk(locale, [...toSlots(locale), day, time]);
    const first = r[r.length - 2].actions.filter((x) => /–/.test(x));
    const dayOf = (label: string) => label.replace(/\s+\d{2}:\d{2}.*$/, '');
    const options = r[r.length - 1].actions.filter((x) => /–/.test(x));
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      expect(dayOf(o)).toBe(dayOf(first[0]));
      expect(ok(Number(/(\d{2}):\d{2}/.exec(o)![1]))).toBe(true);
    }
  });

  it.each(LOCALES)('%s: typing the time of an offered slot ("14:00", "die van 14:00 graag") takes it', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'donderdag']);
    const second = r[r.length - 1].actions.filter((x) => /–/.test(x))[1];
    const time = /(\d{2}:\d{2})/.exec(second)![1];
    for (const typed of [time, `die van ${time} graag`]) {
      const again = await talk(locale, [...toSlots(locale), 'donderdag', typed, ...details(locale), 'ja']);
      expect(again[again.length - 1 - details(locale).length - 1].text).toMatch(/voor- en achternaam/);
      const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(again[again.length - 1].text)![1];
      const booked = (await appOf(locale).database.bookings.findByReference(reference))!;
      const local = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(booked.start);
      expect(local).toBe(`donderdag ${time}`);
      // Free again for the next way of typing it.
      await appOf(locale).database.bookings.cancel(reference, new Date(TEST_NOW));
    }
  });

  it('nl-NL: "dinsdag 14:45", free, is taken at once and the details follow', async () => {
    const r = await talk('nl-NL', [...toSlots('nl-NL'), 'dinsdag 14:45']);
    expect(r[r.length - 1].text).toMatch(/voor- en achternaam/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'dinsdag 14:50', /^Op dinsdag 24 november om 14:50 is er geen tijd vrij\./],
    ['nl-BE', 'dinsdag om 7 uur \'s avonds', /^Op dinsdag 24 november om 19:00 is er geen moment vrij\./],
  ])('%s: "%s", not free, is said to be taken before the nearest free times', async (locale, asked, taken) => {
    const r = await talk(locale, [...toSlots(locale), asked]);
    const last = r[r.length - 1];
    expect(last.text).toMatch(taken);
    expect(last.actions.filter((x) => /–/.test(x)).length).toBeGreaterThan(0);
  });

  it.each<[Locale, string]>([['nl-NL', '12 mei 81'], ['nl-BE', '12-5-1981'], ['nl-NL', '12/05/1981'], ['nl-BE', '12 mei 1981']])(
    '%s: the date of birth "%s" is understood as 12-05-1981', async (locale, birth) => {
      const [name, , phone, email] = details(locale);
      const r = await talk(locale, [...toSlots(locale), '1', name, birth, phone, email]);
      expect(r[r.length - 1].text).toMatch(/Klopt dit\?/);
      expect(JSON.stringify(r[r.length - 1])).not.toMatch(/herken ik niet/);
    },
  );
});

describe('no dead ends: three slips in each field', () => {
  it.each(LOCALES.flatMap((l) => [
    ['name', [], ['123', '456', '789'], /voor- en achternaam/],
    ['date of birth', ['Jan Jansen'], ['gisteren', 'ooit', 'weet ik niet'], /dag, maand en jaar/],
    ['phone', ['Jan Jansen', '14-03-1961'], ['12345', 'geen idee', '0000'], /nummer/],
  ].map(([field, before, slips, help]) => [l, field, before, slips, help] as [Locale, string, string[], string[], RegExp])))(
    '%s: three slips in the %s get help, a person and "later" offered, and the booking goes on',
    async (locale, _field, before, slips, help) => {
      const a = testAdapterFor(appOf(locale), locale);
      const r = await talk(locale, [...toSlots(locale), '1', ...before, ...slips], a);
      const third = r[r.length - 1];
      expect(third.text).toMatch(help);
      expect(third.text).toMatch(/medewerker/);
      expect(third.actions).toEqual(expect.arrayContaining(['Iemand spreken', 'Later verder']));
      // The question is still open: a good answer now goes on.
      const [name, birth, phone] = details(locale);
      const good = before.length === 0 ? name : before.length === 1 ? birth : phone;
      const next = await talk(locale, [good], a);
      expect(next[0].text).not.toMatch(/lukt het niet/i);
      expect(next[0].text).toMatch(/geboortedatum|telefoon|e-mailadres/i);
    },
  );

  it.each(LOCALES)('%s: three slips in the optional e-mail leave it out and go to the summary', async (locale) => {
    const [name, birth, phone] = details(locale);
    const r = await talk(locale, [...toSlots(locale), '1', name, birth, phone, 'jan@', 'jan at home', 'nog steeds fout']);
    expect(r[r.length - 1].text).toMatch(/laat het e-mailadres leeg/);
    expect(r[r.length - 1].text).toMatch(/Klopt dit\?/);
  });

  it.each(LOCALES)('%s: two slips in the reference of an appointment to cancel offer a person, not the question a third time', async (locale) => {
    const r = await talk(locale, ['afspraak annuleren', 'KX7', '12345']);
    expect(r[1].text).toMatch(/referentie herken ik niet/);
    expect(r[2].text).toMatch(/geen referentie, dus ik vraag er niet nog eens naar/);
    expect(r[2].text).toMatch(/terugbelt\?/);
    expect(r[2].text).not.toMatch(/Wat is de referentie/);
  });

  it.each(LOCALES)('%s: three slips at the slot question keep the times and offer help', async (locale) => {
    const r = await talk(locale, [...toSlots(locale), 'blabla', 'pfff', 'geen idee']);
    expect(r[r.length - 1].text).toMatch(/medewerker/);
    expect(r[r.length - 1].actions.filter((x) => /–/.test(x)).length).toBeGreaterThan(0);
  });

  it.each(LOCALES)('%s: three slips at a choice show the buttons each time and then offer a person', async (locale) => {
    // Not "elleboog?": a question is answered (the other-joints topic) and is no slip.
    const r = await talk(locale, ['afspraak maken', 'ja', 'elleboog', 'pols', 'teen']);
    for (const turn of r.slice(2)) expect(turn.actions).toContain('Knie');
    expect(r[4].text).toMatch(/medewerker/);
  });
});

describe('a person asked for in the patient\'s own words, in the middle of a booking', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil een mens spreken'],
    ['nl-NL', 'kan ik een echt persoon spreken'],
    ['nl-BE', 'geen robot aub, ik wil iemand aan de lijn'],
  ])('%s: "%s" at the joint question starts the handoff', async (locale, text) => {
    const r = await talk(locale, ['afspraak maken', 'ja', text]);
    expect(r[2].text).not.toMatch(/begreep ik niet/);
    expect(r[2].text).toMatch(/terugbel|medewerker/);
  });

  it('nl-NL: a name that says "mens" at the name question is a name, not a request for a person', async () => {
    const r = await talk('nl-NL', [...toSlots('nl-NL'), 'de eerste', 'Ine Mens']);
    expect(r[r.length - 1].text).toMatch(/geboortedatum/);
  });
});

describe('no dead ends: back, later, change one answer, a question in between', () => {
  it.each(LOCALES)('%s: "terug" goes one question back, and the answer can be given again', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'terug', 'heup', 'links']);
    expect(r[3].text).toMatch(/Over welk gewricht/);
    expect(r[4].text).toMatch(/Aan welke kant/);
    expect(r[5].text).toMatch(/Sinds wanneer/);
  });

  it.each(LOCALES)('%s: "terug" eight times from the times goes back through every screening question to the referral question, and forward again', async (locale) => {
    const asked = questions[locale].questions.map((q) => q.text);
    const r = await talk(locale, [...toSlots(locale), ...Array<string>(9).fill('terug'), no(locale), no(locale)]);
    const at = toSlots(locale).length;
    expect(r[at - 1].text).toMatch(/(tijden|momenten) zijn vrij/);
    // One question back each time: the seventh screening question first, the first one last.
    for (let i = 0; i < asked.length; i++) {
      expect(r[at + i].text).toMatch(/een stap terug/);
      expect(r[at + i].text).toContain(asked[asked.length - 1 - i]);
    }
    expect(r[at + 7].text).toMatch(/verwijzing|voorschrift/);
    // Eight steps are kept: a ninth goes no further and asks the same question again.
    expect(r[at + 8].text).toMatch(/Verder terug gaat hier niet/);
    expect(r[at + 8].text).toMatch(/verwijzing|voorschrift/);
    expect(r[at + 9].text).toContain(asked[0]);
    expect(r[at + 10].text).toContain(asked[1]);
  });

  it.each(LOCALES)('%s: "terug" after "later" and "verder" still goes back through the questions before the pause', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'later', 'verder', 'terug', 'terug', 'heup']);
    expect(r[5].text).toMatch(/Sinds wanneer/);
    expect(r[6].text).toMatch(/Aan welke kant/);
    expect(r[7].text).toMatch(/Over welk gewricht/);
    expect(r[8].text).toMatch(/Aan welke kant/);
  });

  it.each(LOCALES)('%s: "later" parks the booking with a way back; a FAQ question in between; "verder" resumes at the same question', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'later', 'mag ik sporten met knieartrose?', 'verder', 'links']);
    expect(r[3].text).toMatch(/opzij/);
    expect(r[3].actions).toContain('Verder met afspraak');
    expect(r[4].text.length).toBeGreaterThan(50);
    expect(r[5].text).toMatch(/Aan welke kant/);
    expect(r[6].text).toMatch(/Sinds wanneer/);
  });

  it.each(LOCALES)('%s: "opnieuw" drops a booking set aside: "verder" then resumes nothing', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'later', 'opnieuw', 'verder']);
    expect(r[4].text).toMatch(/opnieuw/);
    expect(r[5].text).not.toMatch(/Aan welke kant/);
    // Said so, not answered as a question about how artrose goes on.
    expect(r[5].text).toMatch(/geen afspraak of vraag open/);
  });

  it.each(LOCALES)('%s: "verder met de afspraak" after 112 resumes nothing and offers no booking', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'ik heb ineens pijn op de borst en krijg geen lucht', 'verder met de afspraak']);
    expect(r[3].text).toMatch(/112/);
    // Going on with the booking is asked for, and still ruled out after 112.
    expect(r[4].text).toMatch(/pas nadat een (arts|dokter)/);
    expect(r[4].text).not.toMatch(/Over welk gewricht/);
    expect(r[4].actions).not.toContain('Afspraak maken');
  });

  it.each(LOCALES)('%s: asking for a person mid-booking keeps it for afterwards', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'iemand spreken', no(locale), 'verder met afspraak']);
    expect(r[3].text).toMatch(/opzij/);
    expect(r[3].text).toMatch(/terugbel/);
    expect(r[5].text).toMatch(/Aan welke kant/);
  });

  it.each(LOCALES)('%s: "wijzig mijn telefoonnummer" at the summary changes that one answer', async (locale) => {
    const a = testAdapterFor(appOf(locale), locale);
    const [number, international] = locale === 'nl-NL' ? ['0687654321', '+31687654321'] : ['0498 76 54 32', '+32498765432'];
    const r = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'wijzig mijn telefoonnummer', number, 'klopt'], a);
    expect(r[r.length - 3].text).toMatch(/telefoon/i);
    expect(r[r.length - 2].text).toMatch(/Klopt dit\?/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(r[r.length - 1].text)![1];
    expect((await appOf(locale).database.bookings.findByReference(reference))!.phone).toBe(international);
  });
});

describe('a booking in progress survives a restart of the service (SQLite)', () => {
  it.each(LOCALES)('%s: resumes at the question it stopped at', async (locale) => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'fysio-restart-')), ...(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}) };
    const template = {
      locale, channelId: 'test', conversation: { id: `restart-${locale}` }, from: { id: 'patient-restart', name: 'patient' }, recipient: { id: 'bot', name: 'bot' },
    } as Partial<Activity>;
    // The app's own storage (SQLite under DATA_DIR), not a MemoryStorage: what a restart keeps.
    const start = async () => {
      const config = parseConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
      return createApp(config, createLogger(config.logLevel, new LogSink()), { clock: new FixedClock(new Date(TEST_NOW)), noBackgroundJobs: true });
    };
    const first = await start();
    const before = await converse(new TestAdapter((c) => first.bot.run(c), template), ['afspraak maken', 'ja', 'knie']);
    expect(before[2].text).toMatch(/Aan welke kant/);
    await first.close();
    const second = await start();
    const after = await converse(new TestAdapter((c) => second.bot.run(c), template), ['links', 'een paar weken']);
    expect(after[0].text).toMatch(/Sinds wanneer/);
    expect(after[1].text).toMatch(/verwijzing|voorschrift/);
    await second.close();
  });
});

describe('closed days and public holidays', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'zondag', /zondag 29 november is de praktijk gesloten/],
    ['nl-BE', 'zondag', /zondag 29 november is de praktijk gesloten/],
    ['nl-NL', '25 december', /gesloten \(Kerstmis\)/],
    ['nl-BE', '25 december', /gesloten \(Kerstmis\)/],
    ['nl-NL', '26 december', /gesloten \(Tweede kerstdag\)/],
    ['nl-NL', 'op 2e kerstdag', /zaterdag 26 december is de praktijk gesloten \(Tweede kerstdag\)/],
    ['nl-BE', 'met kerst', /vrijdag 25 december is de praktijk gesloten \(Kerstmis\)/],
  ])('%s: "%s" at the slot question is said to be closed, and later times are offered', async (locale, day, expected) => {
    const r = await talk(locale, [...toSlots(locale), day]);
    const last = r[r.length - 1];
    expect(last.text).toMatch(expected);
    expect(last.actions.filter((x) => /–/.test(x)).length).toBeGreaterThan(0);
    expect(last.actions.join('|')).not.toMatch(/25 dec|zo 29 nov/);
  });
});

describe('a question about a day, outside a booking', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'kan ik zondag komen?', /zondag 29 november is de praktijk gesloten\. Openingstijden/],
    ['nl-BE', 'kan ik zondag komen?', /zondag 29 november is de praktijk gesloten\. Openingsuren/],
    ['nl-NL', 'zijn jullie op 25 december open?', /gesloten \(Kerstmis\)/],
    ['nl-BE', 'zijn jullie op 25 december open?', /gesloten \(Kerstmis\)/],
    ['nl-NL', 'zijn jullie woensdag open?', /woensdag 25 november zijn we open: Locatie Centrum 08:00–12:30; Locatie Oost 08:30–17:00/],
    // Holidays by name: the next one in the practice's country, whatever the patient calls it.
    ['nl-NL', 'zijn jullie open op 2e kerstdag?', /zaterdag 26 december is de praktijk gesloten \(Tweede kerstdag\)/],
    ['nl-NL', 'kan ik met koningsdag komen', /dinsdag 27 april is de praktijk gesloten \(Koningsdag\)/],
    ['nl-NL', 'kan ik op paasmaandag terecht?', /maandag 29 maart is de praktijk gesloten \(Tweede paasdag\)/],
    ['nl-BE', 'zijt ge open op paasmaandag?', /maandag 29 maart is de praktijk gesloten \(Paasmaandag\)/],
    ['nl-BE', 'kan ik op de nationale feestdag langskomen?', /woensdag 21 juli is de praktijk gesloten \(Nationale feestdag\)/],
  ])('%s: "%s"', async (locale, text, expected) => {
    const r = await talk(locale, [text]);
    expect(r[0].text).toMatch(expected);
    expect(r[0].actions).toContain('Afspraak maken');
  });

  it('nl-NL: "kan ik woensdag langskomen?" on an open day starts the booking', async () => {
    const r = await talk('nl-NL', ['kan ik woensdag langskomen?']);
    expect(r[0].text).toMatch(/Ga je hiermee akkoord/);
  });
});

describe('moving a booking', () => {
  it.each(LOCALES)('%s: the new time, the address, the old one cancelled and a new .ics in one message', async (locale) => {
    const made = await talk(locale, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const a = testAdapterFor(appOf(locale), locale);
    const birth = '12-05-1981';
    const before = a.activeQueue.length;
    const steps = await converse(a, ['ik wil mijn afspraak verzetten', reference, birth, 'overmorgen']);
    // "verzetten" was said: the times follow, without "Wat wil je doen?".
    expect(steps[2].text).toMatch(/gevonden/);
    expect(steps[2].text).not.toMatch(/Wat wil je doen/);
    await a.send('de eerste').startTest();
    expect(a.activeQueue[a.activeQueue.length - 1].text).toMatch(/Klopt d(it|at)\?/);
    await a.send(locale === 'nl-BE' ? 'dat klopt' : 'klopt').startTest();
    const replies = a.activeQueue.splice(before).slice(-1);
    const moved = replies[0];
    expect(moved.text).toMatch(/oude afspraak van .* vervalt/);
    expect(moved.text).toMatch(/Voorbeeldstraat 12, 3511 AB Utrecht|Voorbeeldlei 21, 2000 Antwerpen|Proeflaan 3/);
    const ics = moved.attachments!.find((x) => x.contentType === 'text/calendar')!;
    const content = Buffer.from(String(ics.contentUrl).split(',')[1], 'base64').toString('utf8');
    expect(content).toContain(`UID:${reference}@fysio-assistent`);
    expect(content).toMatch(/SEQUENCE:[1-9]\d*/);
    expect(content).toMatch(/DTSTART:20261125T/);
    expect(content).toMatch(/LOCATION:.+/);
  });
});

describe('polish', () => {
  it.each(LOCALES)('%s: the summary is one message with the card, not the facts twice', async (locale) => {
    const a = testAdapterFor(appOf(locale), locale);
    await converse(a, [...toSlots(locale), '1', ...details(locale).slice(0, 3)]);
    const before = a.activeQueue.length;
    await a.send(details(locale)[3]).startTest();
    const replies = a.activeQueue.splice(before).filter((x) => x.type === 'message');
    const summaries = replies.filter((x) => (x.attachments ?? []).length || /Geboortedatum/.test(x.text ?? ''));
    expect(summaries).toHaveLength(1);
    expect(summaries[0].text).toBe('Klopt dit?');
  });

  it.each(LOCALES)('%s: the screening is introduced once', async (locale) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'een week', no(locale)]);
    expect(r[5].text.match(/korte vragen/g)).toHaveLength(1);
    expect(r[5].text).not.toMatch(/We stellen je eerst een paar vragen/);
  });

  it.each(LOCALES)('%s: delete-my-data says what it removed, singular and plural right', async (locale) => {
    const a = testAdapterFor(appOf(locale), locale);
    await converse(a, [...toSlots(locale), '1', ...details(locale), 'ja']);
    const r = await converse(a, ['verwijder mijn gegevens', 'ja']);
    expect(r[1].text).toMatch(/1 afspraak \(die is ook geannuleerd\)/);
    expect(r[1].text).not.toMatch(/afspraak\/afspraken|1 afspraken/);
    const empty = await talk(locale, ['verwijder mijn gegevens', 'ja']);
    expect(empty[1].text).toMatch(/geen afspraken/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'Hello, can I book an appointment for my knee?', /huisartsenpost/],
    ['nl-BE', 'Do you speak English? I have pain in my hip', /1733/],
  ])('%s: "%s" is answered in English with the language offer and the country\'s emergency numbers', async (locale, text, emergency) => {
    const r = await talk(locale, [text]);
    expect(r[0].text).toMatch(/digital assistant/);
    expect(r[0].text).toMatch(/in Dutch/);
    expect(r[0].text).toMatch(/112/);
    expect(r[0].text).toMatch(emergency);
    // A standing notice, not an instruction: plain knee pain is not told to see a doctor today.
    expect(r[0].text).not.toMatch(/today/);
    expect(r[0].actions).toContain('Afspraak maken');
    // The button it names is the one shown.
    expect(r[0].text).toMatch(/"Iemand spreken"/);
    expect(r[0].actions).toContain('Iemand spreken');
  });

  it.each(LOCALES)('%s: a Dutch question is not taken for English', async (locale) => {
    const r = await talk(locale, ['mag ik sporten met knieartrose?']);
    expect(r[0].text).not.toMatch(/digital assistant/);
  });
});
