import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, conversationIdOf, describe as show, testAdapterFor } from './helpers/testApp';

let app: App;
const storage = new MemoryStorage();
beforeAll(async () => {
  ({ app } = await buildTestApp({}, storage));
});

/** Sends a message and returns the texts and button titles of all replies. */
async function say(adapter: ReturnType<typeof testAdapterFor>, text: string): Promise<{ text: string; actions: string[] }> {
  const before = adapter.activeQueue.length;
  await adapter.send(text).startTest();
  const replies = adapter.activeQueue.splice(before).map(show);
  return { text: replies.map((r) => r.text).join('\n'), actions: replies.flatMap((r) => r.actions) };
}

describe('conversations', () => {
  it.each([
    ['nl-NL', /digitale assistent/, /112/],
    ['nl-BE', /kine/, /112/],
  ])('greets a new conversation in %s, mentioning 112, with the main actions', async (locale, who, emergency) => {
    const adapter = testAdapterFor(app, locale);
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'x' }], recipient: { id: 'bot', name: 'bot' } })
      .assertReply((a) => {
        expect(a.text).toMatch(who);
        expect(a.text).toMatch(emergency);
      })
      .assertReply((a) => expect(show(a).actions).toEqual(['Een vraag stellen', 'Afspraak maken', 'Iemand spreken']))
      .startTest();
  });

  it.each<[string, string, RegExp, RegExp | null]>([
    ['nl-NL', 'mag ik sporten met knieartrose?', /fietsen/, /Beweegnorm/],
    ['nl-NL', 'ik ben gevallen en kan niet meer staan', /112/, null],
    ['nl-BE', 'ik ben gevallen en kan niet meer staan', /huisartsenpost/, null],
    ['nl-NL', 'ik heb geen koorts, wel een stijve knie als ik opsta, hoe komt dat?', /stijf/i, null],
  ])('in %s answers "%s"', async (locale, text, expected, action) => {
    const adapter = testAdapterFor(app, locale);
    const reply = await say(adapter, text);
    expect(reply.text).toMatch(expected);
    if (action) expect(reply.actions.join('|')).toMatch(action);
    // An emergency gets an instruction, never an appointment.
    if (/112|huisartsenpost/.test(reply.text)) expect(reply.actions).not.toContain('Afspraak maken');
    else expect(reply.actions).toContain('Afspraak maken');
  });

  it('answers a clicked follow-up and a typed one', async () => {
    const adapter = testAdapterFor(app);
    const first = await say(adapter, 'mag ik sporten met knieartrose?');
    const label = first.actions[0];
    const clicked = await say(adapter, label);
    expect(clicked.text.length).toBeGreaterThan(50);
    const typed = await say(adapter, 'en hoeveel moet ik dan bewegen per week?');
    expect(typed.text).toMatch(/beweegnorm/i);
  });

  it('asks which topic is meant and continues with the chosen one', async () => {
    const adapter = testAdapterFor(app);
    const ask = await say(adapter, 'heup');
    expect(ask.text).toMatch(/onderwerpen/);
    const chosen = await say(adapter, ask.actions[0]);
    expect(chosen.text).not.toMatch(/onderwerpen/);
    expect(chosen.text.length).toBeGreaterThan(50);
  });

  it('offers a person first after two misses in a row', async () => {
    const adapter = testAdapterFor(app);
    const first = await say(adapter, 'qwerty zxcv');
    expect(first.actions).toContain('Anders vragen');
    const second = await say(adapter, 'blablabla');
    expect(second.text).toMatch(/medewerker/);
    expect(second.actions[0]).toBe('Iemand spreken');
  });

  it('switches to Flemish on request and remembers it', async () => {
    const adapter = testAdapterFor(app, 'nl-NL');
    const switched = await say(adapter, 'Vlaams');
    expect(switched.text).toMatch(/Vlaams/);
    // The numbers follow the practice (Utrecht), not the patient's Flemish.
    const next = await say(adapter, 'ik ben gevallen en kan niet meer staan');
    expect(next.text).toMatch(/huisartsenpost/);
    expect(next.text).not.toMatch(/1733/);
  });

  it('answers a conversation whose saved dialog stack comes from an older version (a dialog it no longer has)', async () => {
    const adapter = testAdapterFor(app);
    const stale = { id: 'mainDialog', state: { dialogs: { dialogStack: [{ id: 'mainWaterfall', state: { stepIndex: 0 } }] } } };
    await storage.write({ [`test/conversations/${conversationIdOf(adapter)}/`]: { memory: { misses: 0 }, dialogState: { dialogStack: [stale] } } });
    const reply = await say(adapter, 'mag ik sporten met knieartrose?');
    expect(reply.text).toMatch(/fietsen/);
    expect(reply.actions).toContain('Afspraak maken');
  });

  it('starts again on "opnieuw" and explains itself on "help"', async () => {
    const adapter = testAdapterFor(app);
    expect((await say(adapter, 'help')).text).toMatch(/eigen woorden/);
    expect((await say(adapter, 'begin opnieuw')).text).toMatch(/opnieuw/);
  });
});
