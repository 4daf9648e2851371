import { MemoryStorage } from 'botbuilder';
import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';
import { allAnswerTexts } from '../src/knowledge/TopicAnswer';
import { loadValidatedKnowledge } from '../src/knowledge';
import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';
import type { App } from '../src/app/createApp';
import type { FixedClock } from '../src/util/Clock';

// Round 20: flows that earlier patient-style testers found going wrong. Asking whether one's own
// appointment can stay, after someone else's emergency, asked for the code without a word of why;
// a Flemish "mijne pa" booked for the writer; the surname "De Heer" lost as a title; answers after
// a doctor-today tier still invited to book in a sentence the closing offer did not reach; and a
// sign told in a burst right after the crisis question. Typed as patients type, nl-NL and nl-BE.

const { talk } = bookingKit();

describe('after someone else\'s emergency, "can my appointment stay?" is about the patient\'s own appointment', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn man is net in elkaar gezakt en reageert niet', 'kan de afspraak voor later toch door?'],
    ['nl-NL', 'mijn vrouw is flauwgevallen en ademt heel raar', 'mag mijn afspraak van volgende week blijven staan?'],
    ['nl-NL', 'mijn vader ligt op de grond en reageert niet meer', 'gaat mijn afspraak van donderdag gewoon door?'],
    ['nl-BE', 'mijn vrouw is in mekaar gezakt en reageert niet', 'mag mijn afspraak van volgende week blijven staan?'],
    ['nl-BE', 'ons moeder is gevallen en reageert niet meer', 'kan mijne sessie van vrijdag toch doorgaan?'],
  ])('%s: "%s", then "%s"', async (locale, emergency, question) => {
    const [alarm, answer] = await talk(locale, [emergency, question]);
    expect(alarm.text).toMatch(/Bel nu 112/);
    expect(answer.text).toMatch(/Je afspraak blijft gewoon staan/);
    expect(answer.text).not.toMatch(/Wat is de referentie van je afspraak/);
    expect(answer.actions).toContain('Afspraak opzoeken');
    expect(answer.text).toMatch(/112/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'kan mijn afspraak van dinsdag niet doorgaan?'],
    ['nl-NL', 'kan mijn afspraak naar vrijdag?'],
    ['nl-BE', 'ik wil mijn afspraak van morgen verzetten'],
  ])('%s: a move or a cancellation ("%s") still asks for the reference', async (locale, message) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).toMatch(/Wat is de referentie van je afspraak/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil een afspraak maken, kan dat nog deze week doorgaan?'],
    ['nl-BE', 'kan ik een afspraak maken die doorgaat op zaterdag?'],
  ])('%s: a new appointment ("%s") is no question about one the patient has', async (locale, message) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).not.toMatch(/Je afspraak blijft gewoon staan/);
  });
});

describe('a Flemish "mijne" before a relative books for that relative', () => {
  it.each<[Locale, string, string]>([
    ['nl-BE', 'ik wil ne rendez-vous voor mijne pa', 'pa'],
    ['nl-BE', 'kan mijne vader ne rendez-vous krijgen?', 'vader'],
    ['nl-BE', 'een afspraak voor mijne zoon aub, hij heeft last van zijn knie', 'zoon'],
  ])('%s: "%s"', async (locale, opening, relative) => {
    const r = await talk(locale, [opening, 'ja']);
    expect(r[0].text).toMatch(new RegExp(`afspraak voor je ${relative}`));
    expect(r[1].text).toMatch(new RegExp(`Je maakt de afspraak voor je ${relative}`));
  });

  it('"mijne knie" is still the writer\'s own booking', async () => {
    const r = await talk('nl-BE', ['ik wil ne rendez-vous voor mijne knie', 'ja']);
    expect(r[0].text).not.toMatch(/afspraak voor je/);
    expect(r[1].text).toMatch(/Genoteerd: knie/);
  });
});

describe('a surname that reads as a title is kept; a title before a name is not', () => {
  const upToName = (locale: Locale) => ['afspraak maken', 'ja', 'heup', 'links', 'een paar weken', no(locale), ...screeningNo(locale), '1'];
  it.each<[Locale, string, string]>([
    ['nl-NL', 'De Heer, Anna', 'De Heer, Anna'],
    ['nl-NL', 'Anna De Heer', 'Anna De Heer'],
    ['nl-NL', 'de heer J. Jansen', 'J. Jansen'],
    ['nl-NL', 'Mevrouw de Vrouw', 'de Vrouw'],
    ['nl-BE', 'De Heer Marieke', 'De Heer Marieke'],
    ['nl-BE', 'Mevrouw De Heer', 'De Heer'],
  ])('%s: "%s" is kept as "%s"', async (locale, typed, kept) => {
    const p = person(locale);
    const r = await talk(locale, [...upToName(locale), typed, p.birth, p.phone, 'geen']);
    const card = JSON.parse(r[r.length - 1].cards) as unknown;
    expect(JSON.stringify(card)).toContain(`"value":"${kept}"`);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: "de heer Jansen" drops the title and asks for the rest of the name', async (locale) => {
    const r = await talk(locale, [...upToName(locale), 'de heer Jansen']);
    expect(r[r.length - 1].text).toMatch(/voor- en achternaam/);
  });
});

describe('after a doctor-today tier no answer invites to book', () => {
  const answers = new AnswerWords(new I18nextTranslator('locales'));
  const kb = loadValidatedKnowledge('knowledge');
  /** Words that invite to book in the chat, in any sentence. */
  const INVITES = /hier (in de chat )?een afspraak|maak (daarvoor |dan )?een afspraak|afspraak maken\?|(kun|kan) je hier maken/i;
  const texts = [...kb.topics.values()].flatMap((topic) => (['nl-NL', 'nl-BE'] as const).flatMap((locale) =>
    allAnswerTexts(topic.locales[locale]).map(({ where, text }) => [`${topic.id} ${locale} ${where}`, text] as const)));

  it('reads every topic in both locales', () => {
    expect(texts.length).toBeGreaterThan(112);
  });

  it.each(texts)('%s', (_where, text) => {
    expect(answers.withoutBookingOffer(text)).not.toMatch(INVITES);
  });

  it.each([
    ['Eerst uitleg. Heb je ook dikke gewrichten? Ga dan naar je huisarts. Wil je beginnen met oefenen? Maak een afspraak.', 'Eerst uitleg. Heb je ook dikke gewrichten? Ga dan naar je huisarts.'],
    ['Eerst uitleg. Welke tijden vrij zijn, zie je meteen als je hier een afspraak maakt.\nBel bij koorts je huisarts.', 'Eerst uitleg.\nBel bij koorts je huisarts.'],
    ['Vraag je ziekenfonds wat voor jou geldt, of maak hier een afspraak.', 'Vraag je ziekenfonds wat voor jou geldt.'],
    ['Je kunt zelf rechtstreeks een afspraak maken. Neem je pasje mee.', 'Je kunt zelf rechtstreeks een afspraak maken. Neem je pasje mee.'],
  ])('%j -> %j', (text, expected) => {
    expect(answers.withoutBookingOffer(text)).toBe(expected);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn knie is sinds vannacht dik, rood en heet en ik heb 39 graden koorts', 'ik ben pas 35, kan ik al artrose hebben?'],
    ['nl-NL', 'mijn knie is sinds vannacht dik, rood en heet en ik heb 39 graden koorts', 'hoe lang is de wachttijd bij jullie?'],
    ['nl-BE', 'mijn knie is sinds deze nacht dik en warm en ik heb 39,2 koorts', 'ik ben nog maar 38, kan ik al artrose hebben?'],
    ['nl-BE', 'mijn knie is sinds deze nacht dik en warm en ik heb 39,2 koorts', 'hoeveel sessies betaalt het ziekenfonds terug?'],
  ])('%s: after "%s", "%s" gets no invitation', async (locale, flag, question) => {
    const [alarm, answer] = await talk(locale, [flag, question]);
    expect(alarm.text).toMatch(/vandaag nog/);
    expect(answer.text.length).toBeGreaterThan(80);
    expect(answer.text).not.toMatch(INVITES);
  });
});

describe('a sign told in a burst after the crisis question gets its tier', () => {
  const apps: Partial<Record<Locale, { app: App; clock: FixedClock }>> = {};
  beforeAll(async () => {
    apps['nl-NL'] = await buildTestApp({}, new MemoryStorage());
    apps['nl-BE'] = await buildTestApp({ PRACTICE_FILE: 'examples/practice-be.yaml' }, new MemoryStorage());
  });
  afterAll(async () => {
    await apps['nl-NL']?.app.close();
    await apps['nl-BE']?.app.close();
  });
  /** The messages a few seconds apart, as a patient types a burst (the tests' clock stands still otherwise). */
  const burst = async (locale: Locale, messages: string[]) => {
    const { app, clock } = apps[locale]!;
    const adapter = testAdapterFor(app, locale);
    const out = [];
    for (const m of messages) {
      clock.advance(6000);
      out.push(...(await converse(adapter, [m])));
    }
    return out;
  };

  it.each<[Locale, string[]]>([
    ['nl-NL', ['ik ben er klaar mee', 'mijn knie is sinds vannacht dik en heet en ik heb 39,2']],
    ['nl-NL', ['ik ben er klaar mee', 'mijn knie is sinds vannacht dik', 'en heet', 'en ik heb 39,2']],
    ['nl-NL', ['ik zie het niet meer zitten', 'mijn heup is sinds gisteren rood en gloeiend heet', 'en ik heb koorts, 39']],
    ['nl-BE', ['ik ben het beu', 'mijn knie is sinds deze nacht dik en warm', 'en ik heb 39,2 koorts']],
  ])('%s: %j', async (locale, messages) => {
    const r = await burst(locale, messages);
    expect(r[0].text).toMatch(/Denk je er(over|aan) om niet meer te willen leven|Dank je dat je dit vertelt/);
    expect(r.slice(1).map((x) => x.text).join('\n')).toMatch(/vandaag nog door een (arts|dokter)/);
  });
});
