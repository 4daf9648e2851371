import { MemoryStorage } from 'botbuilder';
import { BotStorage } from '../src/bot/BotStorage';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen'];

describe('personal data', () => {
  it('deletes what the bot holds about a patient on "verwijder mijn gegevens", after confirmation', async () => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    const adapter = testAdapterFor(app);
    await converse(adapter, BOOK);
    expect((await app.database.bookings.listChanged(new Date(0), 10)).length).toBe(1);
    const kept = await converse(adapter, ['verwijder mijn gegevens', 'nee']);
    expect(kept[0].text).toMatch(/verwijder/);
    expect(kept[1].text).toMatch(/niets verwijderd/);
    expect((await app.database.bookings.listChanged(new Date(0), 10)).length).toBe(1);
    const r = await converse(adapter, ['verwijder mijn gegevens', 'ja']);
    expect(r[1].text).toMatch(/verwijderd: dit gesprek met je taalkeuze en 1 afspraak \(die is ook geannuleerd\)/);
    // The practice still sees the slot came free, but nothing about who had it.
    const [left] = await app.database.bookings.listChanged(new Date(0), 10);
    expect(left).toMatchObject({ status: 'cancelled', lastEvent: 'deleted', name: '', birthDate: '', phone: '', userKey: '' });
    expect(left.email).toBeUndefined();
    expect(JSON.stringify(left)).not.toMatch(/Jolanda|Verbeek|1961|612345678/);
    await app.close();
  });

  // Typed in the middle of a booking, at a yes/no question and at free-text questions: never
  // taken as the complaint or the name, always the confirmed deletion.
  it.each([
    ['at a yes/no question', ['Afspraak maken', 'verwijder mijn gegevens']],
    ['as the complaint', ['Afspraak maken', 'ja', 'Knie', 'Links', 'verwijder mijn gegevens']],
    ['as the name', [...BOOK.slice(0, 14), 'verwijder al mijn gegevens']],
  ])('"verwijder mijn gegevens" %s stops the booking and asks to delete', async (_where, turns) => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    const adapter = testAdapterFor(app);
    const before = await converse(adapter, turns);
    expect(before[before.length - 1].text).toMatch(/verwijder/i);
    expect(before[before.length - 1].actions).toEqual(['Ja', 'Nee']);
    const r = await converse(adapter, ['ja']);
    expect(r[0].text).toMatch(/verwijderd: dit gesprek/);
    // The booking is gone with the conversation: the next message starts afresh, nothing is summarised.
    const next = await converse(adapter, ['Bevestigen']);
    expect(next.map((m) => m.text).join('\n')).not.toMatch(/Klacht|Naam:|verwijder mijn gegevens/);
    expect(await app.database.bookings.listChanged(new Date(0), 10)).toHaveLength(0);
    await app.close();
  });

  it('retention deletes old conversation state, handoff tickets and past bookings, and nothing younger', async () => {
    const { app, clock } = await buildTestApp({ RETENTION_CONVERSATION_DAYS: '30', RETENTION_BOOKING_DAYS: '90' });
    // Conversation state in the real database this time.
    const storage = new BotStorage(app.database);
    await storage.write({ 'test/conversations/old': { v: 1 } });
    await app.handoff.open({ reason: 'requested', channel: 'test', locale: 'nl-NL', conversationId: 'old-ticket', reference: {}, transcript: [] });
    await converse(testAdapterFor(app), BOOK);
    clock.advance(29 * 86400000);
    expect(await app.retention.run()).toEqual({ conversations: 0, bookings: 0, tickets: 0 });
    clock.advance(2 * 86400000);
    expect(await app.retention.run()).toMatchObject({ conversations: 1, tickets: 1 });
    expect((await storage.read(['test/conversations/old']))['test/conversations/old']).toBeUndefined();
    expect((await app.database.bookings.listChanged(new Date(0), 10)).length).toBe(1);
    clock.advance(60 * 86400000);
    expect((await app.retention.run()).bookings).toBe(1);
    expect((await app.database.bookings.listChanged(new Date(0), 10)).length).toBe(0);
    await app.close();
  });
});
