import { MemoryStorage, type Activity } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

let app: App;
let clock: Awaited<ReturnType<typeof buildTestApp>>['clock'];
beforeEach(async () => {
  ({ app, clock } = await buildTestApp({}, new MemoryStorage()));
});
afterEach(() => app.close());

/** A receptionist signed in with the console's live queue open (what the console page does). */
const signIn = () => {
  void app.consoleSessions.create('anna');
  app.handoff.watch(() => undefined);
};
async function ticketOf(conversation: string) {
  return (await app.handoff.queue()).find((t) => t.conversationId === conversation);
}

describe('handoff to a person', () => {
  it('during opening hours with a receptionist signed in: waits in the chat, bot falls silent, patient releases', async () => {
    signIn();
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    const r = await converse(adapter, ['mag ik sporten met knieartrose?', 'ik wil een medewerker spreken', 'In de chat wachten']);
    expect(r[1].text).toMatch(/meelezen|terugbellen/);
    expect(r[1].actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(r[2].text).toMatch(/medewerker gevraagd/);
    const ticket = await ticketOf(conversation);
    expect(ticket?.status).toBe('waiting');
    expect(ticket?.messages.map((m) => m.text).join('\n')).toMatch(/mag ik sporten met knieartrose/);

    const silent = await converse(adapter, ['hallo? is daar iemand?', 'helpt afvallen bij knieartrose?']);
    expect(silent.map((x) => x.text).join('')).toBe('');
    const forwarded = await app.handoff.get(ticket!.id);
    expect(forwarded!.messages.slice(-2).map((m) => m.text)).toEqual(['hallo? is daar iemand?', 'helpt afvallen bij knieartrose?']);

    const back = await converse(adapter, ['terug naar de assistent', 'helpt afvallen bij knieartrose?']);
    expect(back[0].text).toMatch(/weer met de digitale assistent/);
    expect(back[1].text).toMatch(/gewicht|afvallen|kilo/i);
    expect((await app.handoff.get(ticket!.id))!.status).toBe('closed');
  });

  it('emits the Bot Framework handoff.initiate event with the transcript', async () => {
    signIn();
    const adapter = testAdapterFor(app);
    await adapter.send('ik wil een medewerker spreken').startTest();
    adapter.activeQueue.splice(0);
    await adapter.send('In de chat wachten').startTest();
    const event = adapter.activeQueue.find((a: Partial<Activity>) => a.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
  });

  it('marks the ticket with the red-flag tier the patient had mentioned, so the console puts it first', async () => {
    signIn();
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    const r = await converse(adapter, ['ik heb sinds een maand s nachts pijn in mijn heup, ook als ik stil lig, en ben zonder te lijnen 6 kilo kwijt', 'ik wil een medewerker spreken', 'In de chat wachten']);
    expect(r[0].text).toMatch(/huisarts/);
    expect((await ticketOf(conversation))?.safetyTier).toBe('soon');
    const plain = testAdapterFor(app);
    await converse(plain, ['ik wil een medewerker spreken', 'In de chat wachten']);
    expect((await ticketOf(conversationIdOf(plain)))?.safetyTier).toBeUndefined();
  });

  it('outside opening hours says when the practice responds and offers a callback', async () => {
    clock.set(new Date('2026-11-22T12:00:00Z')); // a Sunday
    signIn();
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    const r = await converse(adapter, ['bel me terug', 'ja', '06 12345678', 'over de oefeningen voor mijn knie']);
    expect(r[0].text).toMatch(/niemand van de praktijk bereikbaar/);
    expect(r[0].text).toMatch(/Openingstijden/);
    expect(r[1].text).toMatch(/Op welk nummer/);
    expect(r[2].text).toMatch(/Waarover wil je dat we je terugbellen\?/);
    expect(r[3].text).toMatch(/belt je terug op 06 12345678/);
    const queue = await app.handoff.queue();
    const ticket = queue.find((t) => t.conversationId === conversation);
    expect(ticket?.status).toBe('callback');
    expect(ticket?.callbackPhone).toBe('+31612345678');
    // What the call is about reaches the receptionist with the ticket.
    expect(ticket?.messages.map((m) => m.text)).toContain('over de oefeningen voor mijn knie');
  });

  it.each([
    ['nl-NL', 'geen'],
    ['nl-BE', 'liever aan de telefoon'],
  ])('in %s plans the callback also when the patient keeps the reason for the call (%s)', async (locale, answer) => {
    clock.set(new Date('2026-11-22T12:00:00Z')); // a Sunday
    const adapter = testAdapterFor(app, locale);
    const r = await converse(adapter, ['bel me terug', 'ja', '06 12345678', answer]);
    expect(r[2].text).toMatch(/Waarover wil je dat we je terugbellen\?/);
    expect(r[3].text).toMatch(/belt je terug op/);
    expect((await ticketOf(conversationIdOf(adapter)))?.callbackPhone).toBe('+31612345678');
  });

  // From a patient-style test: the instruction came, but the callback was dropped without a word.
  it.each<[string, string, RegExp, boolean]>([
    ['nl-NL', 'over mijn knie, die is sinds vanochtend dik en rood en ik heb koorts', /vandaag nog door een arts/, true],
    ['nl-BE', 'mijn vader zijn mond hangt ineens scheef en hij praat raar', /^Bel nu 112\./, false],
  ])('in %s a red flag given as what the call is about gets its instruction, and the callback stands', async (locale, reason, instruction, told) => {
    clock.set(new Date('2026-11-22T12:00:00Z')); // a Sunday
    const adapter = testAdapterFor(app, locale);
    const r = await converse(adapter, ['bel me terug', 'ja', '06 12345678', reason]);
    expect(r[3].text).toMatch(instruction);
    // After 112 nothing else is said.
    if (told) expect(r[3].text).toMatch(/teruggebeld te worden blijft staan: een medewerker belt je op 06 12345678/);
    else expect(r[3].text).not.toMatch(/teruggebeld/);
    const ticket = await ticketOf(conversationIdOf(adapter));
    expect(ticket?.callbackPhone).toBe('+31612345678');
    expect(ticket?.safetyTier).toBe(told ? 'now' : '112');
    expect(ticket?.messages.map((m) => m.text)).toContain(reason);
    // The flow is over: the next message is no answer to it.
    const [next] = await converse(adapter, ['06 98765432']);
    expect(next.text).not.toMatch(/belt je terug op/);
  });

  // From a fourth patient-style test: the patient was not told, and might wait for a call.
  it.each([
    ['at the phone question (no number yet)', ['bel me terug', 'ja', 'ik ben gevallen en kan niet meer op mijn been staan']],
    ['before saying yes to the callback', ['bel me terug', 'ik ben gevallen en kan niet meer op mijn been staan']],
  ])('a red flag %s gets its instruction, opens no callback and says the request did not go through', async (_when, messages) => {
    clock.set(new Date('2026-11-22T12:00:00Z'));
    const adapter = testAdapterFor(app);
    const r = await converse(adapter, messages);
    const last = r[r.length - 1].text;
    expect(last).toMatch(/vandaag nog door een arts/);
    expect(last).toMatch(/nog niet doorgegeven/);
    expect(last).not.toMatch(/blijft staan/);
    expect(await ticketOf(conversationIdOf(adapter))).toBeUndefined();
  });

  it('with nobody signed in offers the callback, even during opening hours', async () => {
    const r = await converse(testAdapterFor(app), ['kan ik iemand spreken']);
    // Within opening hours it says so, with the phone to call now, not the hours as if closed.
    expect(r[0].text).toMatch(/niemand van de praktijk in de chat, maar de praktijk is nu open/);
    expect(r[0].text).not.toMatch(/Openingstijden/);
    expect(r[0].actions).toEqual(['Ja', 'Nee']);
  });

  it.each(['nl-NL', 'nl-BE'])('in %s promises no waiting in the chat when a receptionist is signed in but has no console open', async (locale) => {
    await app.consoleSessions.create('anna');
    const r = await converse(testAdapterFor(app, locale), ['kan ik iemand spreken']);
    expect(r[0].text).toMatch(/niemand van de praktijk in de chat/);
    expect(r[0].text).toMatch(/030 123 45 67|Openingstijden|Openingsuren/);
    expect(r[0].actions).not.toContain('In de chat wachten');
    expect(r[0].actions).toEqual(['Ja', locale === 'nl-NL' ? 'Nee' : 'Neen']);
  });

  it('promises waiting in the chat only while the console is open, not after it closed', async () => {
    await app.consoleSessions.create('anna');
    const stop = app.handoff.watch(() => undefined);
    const open = await converse(testAdapterFor(app), ['kan ik iemand spreken']);
    expect(open[0].actions).toContain('In de chat wachten');
    stop();
    const closed = await converse(testAdapterFor(app), ['kan ik iemand spreken']);
    expect(closed[0].actions).not.toContain('In de chat wachten');
  });

  it('names a "medewerker" or "collega" in Flemish', async () => {
    signIn();
    const r = await converse(testAdapterFor(app, 'nl-BE'), ['ik wil iemand spreken']);
    expect(r[0].text).toMatch(/collega/);
  });

  it.each<[string, string[], RegExp]>([
    ['two misses after the offer', ['qwerty zxcv', 'blablabla', 'Iemand spreken'], /meelezen|terugbellen/],
    ['three failed inputs in a dialog and the person then asked for', ['Afspraak maken', 'ja', 'Knie', 'Links', 'een jaar', 'nee', ...Array(7).fill('nee'), '1', '12', '34', '56', 'Iemand spreken'], /meelezen|terugbellen/],
  ])('is offered after %s', async (_name, messages, expected) => {
    signIn();
    const r = await converse(testAdapterFor(app), messages);
    expect(r[r.length - 1].text).toMatch(expected);
  });

  it('hands over topics the practice marks "always a person"', async () => {
    signIn();
    app.knowledge.practice.alwaysHumanTopics.push('reimbursement');
    const r = await converse(testAdapterFor(app), ['wordt fysiotherapie vergoed door de zorgverzekeraar?']);
    expect(r[0].text).toMatch(/meelezen|terugbellen/);
  });

  it('falls back to the callback offer when nobody picks the ticket up in time', async () => {
    signIn();
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    await converse(adapter, ['ik wil een medewerker spreken', 'In de chat wachten']);
    expect(await app.handoff.heldBy(conversation)).toBeDefined();
    clock.advance(9 * 60000);
    expect(await app.handoff.fallBackOverdue(() => 'x')).toBe(0);
    clock.advance(2 * 60000);
    expect(await app.handoff.fallBackOverdue(() => 'x')).toBe(1);
    expect(await app.handoff.heldBy(conversation)).toBeUndefined();
    const after = await converse(adapter, ['helpt afvallen bij knieartrose?']);
    expect(after[0].text).toMatch(/gewicht|afvallen|kilo/i);
  });

  it('lets the receptionist release the conversation back to the bot', async () => {
    signIn();
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    await converse(adapter, ['ik wil een medewerker spreken', 'In de chat wachten']);
    const ticket = await ticketOf(conversation);
    await app.handoff.release(ticket!.id);
    const after = await converse(adapter, ['helpt afvallen bij knieartrose?']);
    expect(after[0].text).toMatch(/gewicht|afvallen|kilo/i);
  });
});

// From a seventeenth patient-style test: an angry "CHAT! not call back" at the choice got the
// number question, and "I don't want to be called" there was a number that is no good.
describe('a refusal of the call back at the choice is the chat', () => {
  it.each<[string, string]>([
    ['nl-NL', 'CHAT!! niet terugbellen, dat gebeurt toch nooit'],
    ['nl-NL', 'in de chat graag, NIET terugbellen'],
    ['nl-BE', 'CHAT aub, zeker niet terugbellen'],
  ])('in %s: "%s" waits in the chat, no number asked', async (locale, refusal) => {
    signIn();
    const adapter = testAdapterFor(app, locale);
    const r = await converse(adapter, ['ik wil een medewerker spreken', refusal]);
    expect(r[0].actions).toContain('Terugbellen');
    expect(r[1].text).not.toMatch(/Op welk nummer/);
    expect(r[1].text).toMatch(/gevraagd/);
    const ticket = await ticketOf(conversationIdOf(adapter));
    expect(ticket).toMatchObject({ status: 'waiting' });
    expect(ticket?.callbackPhone).toBeUndefined();
  });
});

// From a seventeenth patient-style test: the callback's number was shown as stored, "+31611122233".
describe('the callback number is shown as it is written in the practice country', () => {
  it.each<[string, string, RegExp]>([
    ['nl-NL', '06-11122233', /belt je terug op 06 11122233\b/],
    ['nl-BE', '+31 6 1112 2233', /belt je terug op 06 11122233\b/],
  ])('in %s: "%s"', async (locale, typed, shown) => {
    clock.set(new Date('2026-11-22T12:00:00Z')); // a Sunday: the callback is offered
    const r = await converse(testAdapterFor(app, locale), ['bel me terug', 'ja', typed, 'over mijn oefeningen']);
    expect(r[3].text).toMatch(shown);
    expect(r[3].text).not.toMatch(/\+31/);
  });
});
