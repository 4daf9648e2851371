import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { loadValidatedKnowledge } from '../src/knowledge';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

const SCREENING_NO = Array(7).fill('nee');
const UNTIL_SLOTS = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...SCREENING_NO];
const DETAILS = ['Jolanda Verbeek', '14-03-1961', '0612345678', 'geen'];

let app: App;
beforeAll(async () => ({ app } = await buildTestApp({}, new MemoryStorage())));
afterAll(() => app.close());

async function bookingsOf(a: App): Promise<number> {
  return (await a.database.bookings.listChanged(new Date(0), 1000)).filter((b) => b.status === 'confirmed').length;
}

describe('booking dialog', () => {
  it('books a first appointment in nl-NL: consent, complaint, screening, slot, details, confirmation', async () => {
    const before = await bookingsOf(app);
    const r = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
    expect(r[0].text).toMatch(/privacyverklaring/);
    expect(r[5].text).toMatch(/verwijzing is bij ons niet nodig/);
    expect(r[12].actions.length).toBeGreaterThanOrEqual(3);
    expect(r[17].text).toMatch(/Klopt dit\?/);
    expect(r[17].attachments).toBe(1);
    const done = r[18];
    expect(done.text).toMatch(/bevestigd/);
    expect(done.text).toMatch(/referentie is [A-Z0-9]{3}-[A-Z0-9]{3}/);
    expect(done.text).toMatch(/Voorbeeldstraat 12/);
    expect(done.attachments).toBe(1);
    expect(await bookingsOf(app)).toBe(before + 1);
  });

  it.each([
    ['nl-NL', 'iets anders', 'mijn linkerschouder'],
    ['nl-BE', 'Iets anders', 'ik heb last van mijn nek'],
  ])('asks what the complaint is after "something else" (%s) and keeps it with the booking', async (locale, other, what) => {
    const r = await converse(testAdapterFor(app, locale), ['Afspraak maken', 'ja', other, what, 'een paar weken', 'nee', ...SCREENING_NO, '1', ...DETAILS, 'Bevestigen']);
    expect(r[2].text).toMatch(/Waar heb je last van\?/);
    expect(r[3].text).toMatch(/Sinds wanneer/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
    const booked = (await app.database.bookings.listChanged(new Date(0), 1000)).filter((b) => b.complaint.other === what);
    expect(booked.map((b) => b.complaint)).toEqual([{ joint: 'other', other: what, since: 'een paar weken' }]);
  });

  it.each(['allebei', 'beide', 'aan allebei de kanten', 'links'])('takes "%s" typed as the side', async (side) => {
    const r = await converse(testAdapterFor(app), ['Afspraak maken', 'ja', 'Knie', side]);
    expect(r[3].text).toMatch(/Sinds wanneer/);
  });

  it.each([
    ['ik wil een afspraak maken voor mijn moeder', 'nl-NL', 'je moeder'],
    ['kan ons ma een afspraak krijgen voor haar heup?', 'nl-BE', 'je ma'],
    ['ik wil een afspraak maken', 'nl-NL', undefined],
  ])('"%s" (%s): a booking for a relative says the questions are then about them (%s)', async (opening, locale, forOther) => {
    const r = await converse(testAdapterFor(app, locale), [opening, 'ja']);
    expect(r[0].text).toMatch(/privacyverklaring/);
    // Said, not asked: the patient said whom it is for.
    if (forOther) expect(r[1].text).toMatch(new RegExp(`^Je maakt de afspraak voor ${forOther}\\. Beantwoord de vragen dan over de klachten van ${forOther};`));
    else expect(r[1].text).not.toMatch(/iemand anders|afspraak voor je /);
    expect(r[1].text).toMatch(/Over welk gewricht|Aan welke kant/);
  });

  it('books in nl-BE for a Flemish practice, explaining the voorschrift and reimbursement', async () => {
    const { app: be } = await buildTestApp({ PRACTICE_FILE: 'examples/practice-be.yaml' }, new MemoryStorage());
    const r = await converse(testAdapterFor(be, 'nl-BE'), [
      'Afspraak maken', 'ja', 'Heup', 'Rechts', 'sinds vorig jaar', 'neen', ...Array(7).fill('neen'), '1',
      'Marc Peeters', '2 februari 1958', '0470 12 34 56', 'marc@example.be', 'Bevestigen',
    ]);
    expect(r[3].text).toMatch(/Sinds wanneer/);
    expect(r[4].text).toMatch(/voorschrift/);
    expect(r[5].text).toMatch(/ziekenfonds|mutualiteit/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
    expect(r[r.length - 1].text).toMatch(/identiteitskaart/);
    expect(await bookingsOf(be)).toBe(1);
    await be.close();
  });

  it.each<[number, RegExp]>([
    [0, /vandaag nog door een arts.*huisartsenpost/],
    [1, /^Bel nu 112\./],
    [2, /vandaag nog door een arts/],
    [3, /vandaag nog door een arts/],
    [4, /vandaag nog door een arts/],
    [5, /vandaag nog door een arts/],
  ])('stops at red flag question %i with its tier\'s instruction: no booking, no appointment or callback instead', async (i, instruction) => {
    const before = await bookingsOf(app);
    const answers = [...Array(i).fill('nee'), 'ja'];
    const r = await converse(testAdapterFor(app), ['Afspraak maken', 'ja', 'Knie', 'Links', 'een week', 'nee', ...answers]);
    const last = r[r.length - 1];
    expect(last.text).toMatch(instruction);
    expect(last.text).toMatch(/112/);
    expect(last.text).not.toMatch(/terugbelt/);
    expect(last.actions).toEqual([]);
    expect(await bookingsOf(app)).toBe(before);
  });

  // An eighth patient-style test: "jawel" twice at the chest question got "I did not quite understand".
  it.each<[string, number, string, RegExp]>([
    ['nl-NL', 1, 'jawel', /^Bel nu 112\./],
    ['nl-BE', 1, 'ja wel', /^Bel nu 112\./],
    ['nl-NL', 0, 'helaas wel', /vandaag nog door een arts.*huisartsenpost/],
    ['nl-BE', 0, 'wel', /vandaag nog door een dokter.*huisartsenpost/],
    ['nl-NL', 2, 'jup', /vandaag nog door een arts/],
    ['nl-BE', 3, 'toch wel', /vandaag nog door een dokter/],
  ])('(%s) at red flag question %i a typed "%s" is a yes', async (locale, i, yes, instruction) => {
    const no = locale === 'nl-NL' ? 'nee' : 'neen';
    const r = await converse(testAdapterFor(app, locale), ['Afspraak maken', 'ja', 'Knie', 'Links', 'een week', no, ...Array(i).fill(no), yes]);
    expect(r[r.length - 1].text).toMatch(instruction);
  });

  it('sends to the GP this week at the last question (cancer, night pain) and goes on with the booking', async () => {
    const r = await converse(testAdapterFor(app), ['Afspraak maken', 'ja', 'Knie', 'Links', 'een week', 'nee', ...Array(6).fill('nee'), 'ja']);
    const last = r[r.length - 1];
    expect(last.text).toMatch(/deze week een afspraak bij de huisarts/);
    expect(last.actions.length).toBeGreaterThanOrEqual(3);
  });

  it.each<[string, string[], RegExp]>([
    ['a name with digits', ['12345'], /minstens twee letters/],
    ['a first name only', ['Jan'], /ook je achternaam nodig/],
    ['an impossible date of birth', ['Jan Jansen', '31-02-1990'], /bestaat niet/],
    ['a date of birth in no known format', ['Jan Jansen', 'gisteren'], /herken ik niet/],
    ['a date of birth in the future', ['Jan Jansen', '01-01-2030'], /toekomst/],
    ['an implausible date of birth', ['Jan Jansen', '01-01-1850'], /lijkt niet te kloppen/],
    ['a date of birth a few months ago', ['Jan Jansen', '01-06-2026'], /lijkt niet te kloppen/],
    ['a phone number that is not one', ['Jan Jansen', '14 maart 1961', '12345'], /geldig Nederlands of Belgisch/],
    ['a foreign phone number', ['Jan Jansen', '14 maart 1961', '+44 20 7946 0958'], /alleen Nederlandse of Belgische/],
    ['an invalid e-mail address', ['Jan Jansen', '14 maart 1961', '0612345678', 'jan@'], /geen geldig e-mailadres/],
  ])('re-prompts specifically for %s', async (_name, details, expected) => {
    const r = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', ...details]);
    expect(r[r.length - 1].text).toMatch(expected);
  });

  it('offers help, a person and "later" after three failed tries, and keeps the question open', async () => {
    const r = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', 'Jan Jansen', 'gisteren', 'ooit', 'weet ik niet', '14-03-1961']);
    expect(r[r.length - 2].text).toMatch(/Lukt het niet\?/);
    expect(r[r.length - 2].actions).toEqual(['Iemand spreken', 'Later verder']);
    expect(r[r.length - 1].text).toMatch(/telefoonnummer/);
  });

  it('stops when the patient says "stop" mid-dialog', async () => {
    const a = testAdapterFor(app);
    const r = await converse(a, ['Afspraak maken', 'ja', 'Knie', 'stop', 'hallo']);
    expect(r[3].text).toMatch(/gestopt/);
    expect(r[4].text).toMatch(/Waarmee kan ik je helpen/);
  });

  it('answers a FAQ question mid-dialog and resumes where it was', async () => {
    const r = await converse(testAdapterFor(app), ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'Heb ik een verwijzing van de huisarts nodig?', 'nee']);
    expect(r[5].text).toMatch(/verwijzing/i);
    expect(r[5].text).toMatch(/verder met je afspraak/);
    expect(r[5].text).toMatch(/Heb je een verwijzing van je huisarts\?/);
    expect(r[6].text).toMatch(/gevallen/);
  });

  it('stores nothing without consent and offers a call', async () => {
    const storage = new MemoryStorage();
    const { app: fresh } = await buildTestApp({}, storage);
    const r = await converse(testAdapterFor(fresh), ['Afspraak maken', 'nee', 'Jan Jansen']);
    expect(r[1].text).toMatch(/niets van je opgeslagen/);
    expect(r[1].text).toMatch(/030 123 45 67/);
    expect(await bookingsOf(fresh)).toBe(0);
    expect(JSON.stringify((storage as unknown as { memory: unknown }).memory)).not.toMatch(/Jansen/);
    await fresh.close();
  });

  it('cancels by reference and date of birth, and frees the slot', async () => {
    const a = testAdapterFor(app);
    const made = await converse(a, [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const slotLabel = made[12].actions[0];
    const wrong = await converse(testAdapterFor(app), ['afspraak annuleren', reference, '15-03-1961']);
    expect(wrong[2].text).toMatch(/geen afspraak met die referentie/);
    const r = await converse(testAdapterFor(app), ['afspraak annuleren', reference.toLowerCase().replace('-', ' '), '14-03-1961', 'Annuleren']);
    expect(r[2].text).toMatch(/gevonden/);
    expect(r[3].text).toMatch(/geannuleerd/);
    expect((await app.database.bookings.findByReference(reference))!.status).toBe('cancelled');
    const again = await converse(testAdapterFor(app), UNTIL_SLOTS);
    expect(again[again.length - 1].actions).toContain(slotLabel);
  });

  // As the confirmation tells patients to do it: the command and the reference in one message.
  it.each([
    (ref: string) => `afspraak annuleren ${ref}`,
    (ref: string) => `ik wil mijn afspraak annuleren, ref ${ref.toLowerCase().replace('-', ' ')}`,
  ])('takes the reference from the message that asks to cancel (%#)', async (typed) => {
    const made = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const r = await converse(testAdapterFor(app), [typed(reference), '14-03-1961', 'Annuleren']);
    expect(r[0].text).toMatch(/geboortedatum/);
    expect(r[1].text).toMatch(/gevonden/);
    expect(r[2].text).toMatch(/geannuleerd/);
    expect((await app.database.bookings.findByReference(reference))!.status).toBe('cancelled');
  });

  it('moves a booking to another free slot', async () => {
    const made = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '2', ...DETAILS, 'Bevestigen']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const before = (await app.database.bookings.findByReference(reference))!.start;
    const r = await converse(testAdapterFor(app), ['ik wil mijn afspraak verzetten', reference, '14-03-1961', 'morgen', '1', 'ja']);
    expect(r[r.length - 2].text).toMatch(/^Je afspraak van .+ verzetten naar .+ bij Locatie .+\. Klopt dit\?$/);
    expect(r[r.length - 1].text).toMatch(/Je afspraak is verzet/);
    expect(r[r.length - 1].attachments).toBe(1);
    const after = await app.database.bookings.findByReference(reference);
    expect(after!.start.getTime()).not.toBe(before.getTime());
    expect(after!.lastEvent).toBe('moved');
  });

  it('keeps the booking where it was when the patient says no to the new time', async () => {
    const made = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '3', ...DETAILS, 'Bevestigen']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const before = (await app.database.bookings.findByReference(reference))!.start;
    const r = await converse(testAdapterFor(app), ['ik wil mijn afspraak verzetten', reference, '14-03-1961', 'morgen', '1', 'nee, toch niet']);
    expect(r[r.length - 1].text).toMatch(/blijft staan/);
    expect((await app.database.bookings.findByReference(reference))!.start.getTime()).toBe(before.getTime());
  });

  it('understands a typed day when choosing a slot', async () => {
    const r = await converse(testAdapterFor(app), [...UNTIL_SLOTS, 'volgende week dinsdag na vier uur']);
    const options = r[r.length - 1].actions.filter((x) => /–/.test(x));
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      expect(o).toMatch(/^di 1 dec/);
      expect(Number(/(\d{2}):\d{2}/.exec(o)![1])).toBeGreaterThanOrEqual(16);
    }
  });
});

describe('a conversation saved mid-screening by the version that replaced its waterfall per question', () => {
  it('goes on with the question it was waiting at, keeping the answers given before', async () => {
    const storage = new MemoryStorage();
    const { app: legacy } = await buildTestApp({}, storage);
    const questions = loadValidatedKnowledge('knowledge').screening['nl-NL'].questions;
    const adapter = testAdapterFor(legacy);
    const asked = await converse(adapter, ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee']);
    expect(asked[5].text).toContain(questions[0].text);

    // What the old version saved while waiting for the answer to question 3: a new waterfall at
    // its first step, started with index 3 and the first three answers.
    const key = `test/conversations/${adapter.template.conversation!.id}/`;
    const item = (await storage.read([key]))[key] as Record<string, unknown>;
    const waterfall = findInstance(item.dialogState, 'screeningWaterfall')!;
    const earlier = Object.fromEntries(questions.slice(0, 3).map((q) => [q.id, false]));
    waterfall.state = { options: { index: 3, answers: earlier }, values: { instanceId: 'old' }, stepIndex: 0 };
    await storage.write({ [key]: { ...item, eTag: '*' } });

    const r = await converse(adapter, ['nee', 'nee', 'nee']);
    expect(r.map((x) => x.text.includes(questions[4].text) || x.text.includes(questions[5].text) || x.text.includes(questions[6].text))).toEqual([true, true, true]);
    const done = await converse(adapter, ['nee', '1', ...DETAILS, 'Bevestigen']);
    expect(done[done.length - 1].text).toMatch(/bevestigd/);
    const booked = (await legacy.database.bookings.listChanged(new Date(0), 10)).find((b) => b.status === 'confirmed')!;
    expect(booked.screening).toEqual(Object.fromEntries(questions.map((q) => [q.id, false])));
    await legacy.close();
  });
});

/** The dialog instance with this id anywhere in a (nested) dialog state. */
function findInstance(state: unknown, id: string): { id: string; state: unknown } | undefined {
  const stack = (state as { dialogStack?: { id: string; state: unknown }[] } | undefined)?.dialogStack ?? [];
  for (const instance of stack) {
    if (instance.id === id) return instance;
    const inner = findInstance((instance.state as { dialogs?: unknown } | undefined)?.dialogs, id);
    if (inner) return inner;
  }
  return undefined;
}

describe('yes and no at a booking question, as patients say them', () => {
  // The consent question: yes goes on to the joint, no ends the booking.
  it.each([
    ['jazeker', /Over welk gewricht/],
    ['ja hoor', /Over welk gewricht/],
    ['klopt', /Over welk gewricht/],
    ['nee hoor', /niets van je opgeslagen/],
    ['neen', /niets van je opgeslagen/],
    ['liever niet', /niets van je opgeslagen/],
  ])('"%s"', async (answer, expected) => {
    const r = await converse(testAdapterFor(app), ['Afspraak maken', answer]);
    expect(r[1].text).toMatch(expected);
  });

  it('are understood in a conversation saved by the version that kept their synonyms in the dialog state', async () => {
    const storage = new MemoryStorage();
    const { app: legacy } = await buildTestApp({}, storage);
    const adapter = testAdapterFor(legacy);
    await converse(adapter, ['Afspraak maken']);
    const key = `test/conversations/${adapter.template.conversation!.id}/`;
    const item = (await storage.read([key]))[key] as Record<string, unknown>;
    const prompt = findInstance(item.dialogState, 'choicePrompt')! as { state: { options: { choices: unknown[] } } };
    expect(JSON.stringify(prompt.state.options.choices)).toBe('[{"value":"Ja"},{"value":"Nee"}]');
    // The old shape: buttons with their action, the synonyms in the state.
    prompt.state.options.choices = [
      { value: 'Ja', action: { type: 'imBack', title: 'Ja', value: 'Ja' }, synonyms: ['ja', 'jawel graag'] },
      { value: 'Nee', action: { type: 'imBack', title: 'Nee', value: 'Nee' }, synonyms: ['nee'] },
    ];
    await storage.write({ [key]: { ...item, eTag: '*' } });
    const r = await converse(adapter, ['jawel graag']);
    expect(r[0].text).toMatch(/Over welk gewricht/);
    await legacy.close();
  });
});

describe('a booking opened with the joint already named', () => {
  it.each<[string, string, RegExp, { joint: string; side: string }]>([
    ['ik wil een afspraak maken voor mijn rechterknie', 'nl-NL', /^Genoteerd: knie, rechts\.\s+Sinds wanneer/, { joint: 'knee', side: 'right' }],
    ['kan ik een afspraak maken voor mijn heup?', 'nl-NL', /^Genoteerd: heup\.\s+Aan welke kant\?/, { joint: 'hip', side: 'left' }],
    ['afspraak voor allebei mijn knieën graag', 'nl-NL', /^Genoteerd: knie, beide kanten\.\s+Sinds wanneer/, { joint: 'knee', side: 'both' }],
    ['ik zou graag een consultatie boeken voor mijn linkerheup', 'nl-BE', /^Genoteerd: heup, links\.\s+Sinds wanneer/, { joint: 'hip', side: 'left' }],
  ])('"%s" (%s): consent, then no joint question; the booking holds that joint', async (opening, locale, next, complaint) => {
    const be = locale === 'nl-BE';
    const { app: a } = await buildTestApp(be ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}, new MemoryStorage());
    const side = next.source.includes('welke kant') ? ['de linkse'] : [];
    const details = be ? ['Marc Peeters', '2 februari 1958', '0470 12 34 56', 'geen'] : DETAILS;
    const r = await converse(testAdapterFor(a, locale), [opening, 'ja', ...side, 'een paar maanden', 'nee', ...SCREENING_NO, '1', ...details, 'Bevestigen']);
    expect(r[0].text).toMatch(/akkoord/);
    expect(r[1].text).toMatch(next);
    expect(r[1].text).not.toMatch(/welk gewricht/);
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
    const [booking] = (await a.database.bookings.listChanged(new Date(0), 10)).filter((b) => b.status === 'confirmed');
    expect(booking.complaint).toMatchObject(complaint);
    await a.close();
  });

  it('asks the joint when the opening names both a knee and a hip', async () => {
    const r = await converse(testAdapterFor(app), ['een afspraak voor mijn knie, of eigenlijk mijn heup', 'ja']);
    expect(r[1].text).toMatch(/Over welk gewricht gaat het\?/);
  });
});
