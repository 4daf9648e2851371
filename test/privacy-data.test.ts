import { MemoryStorage } from 'botbuilder';
import { BotStorage } from '../src/bot/BotStorage';
import { screeningNo } from './helpers/bookingScript';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

const BOOK_BE = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'neen', ...screeningNo('nl-BE'), '1', 'Marc Peeters', '2 februari 1958', '0470 12 34 56', 'geen', 'Bevestigen'];
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

  // An eighth patient-style test: booked in one chat, moved in another, deleted there. The
  // appointment was not this chat's, so it stays; the reply must not say nothing is kept.
  it.each<[string, 'nl-NL' | 'nl-BE', string[], string, RegExp]>([
    ['nl-NL', 'nl-NL', BOOK, '14-03-1961', /Je afspraak is verzet/],
    ['nl-BE', 'nl-BE', BOOK_BE, '02-02-1958', /Je afspraak is (verzet|verplaatst)/],
  ])('%s: an appointment made in another chat and moved in this one stays, and the reply says so', async (_name, locale, book, birthDate, moved) => {
    const { app } = await buildTestApp(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}, new MemoryStorage());
    const made = await converse(testAdapterFor(app, locale), book);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const other = testAdapterFor(app, locale);
    const move = await converse(other, ['ik wil mijn afspraak verzetten', reference, birthDate, 'de eerste', 'ja']);
    expect(move[move.length - 1].text).toMatch(moved);
    const r = await converse(other, ['verwijder mijn gegevens', 'ja']);
    expect(r[0].text).toMatch(/ander gesprek of telefonisch maakte, blijven staan/);
    expect(r[1].text).toMatch(/verwijderd: dit gesprek met je taalkeuze en geen afspraken/);
    expect(r[1].text).not.toMatch(/niets meer van je/);
    expect(r[1].text).toMatch(/Niet verwijderd zijn afspraken die je in een ander gesprek of telefonisch maakte, ook als je ze hier/);
    expect(r[1].text).toMatch(/tot je ze annuleert, en anders tot 365 dagen na de afspraak/);
    expect(r[1].text).toMatch(/typ "afspraak annuleren" met je referentie/);
    expect(r[1].text).toContain(locale === 'nl-NL' ? '030 123 45 67' : '03 123 45 67');
    // What the reply says holds: the appointment is still there, with the patient's details.
    expect(await app.database.bookings.findByReference(reference)).toMatchObject({ status: 'confirmed' });
    expect((await app.database.bookings.findByReference(reference))!.name).not.toBe('');
    await app.close();
  });

  it('an appointment of this chat that is over is not called cancelled: only its details went', async () => {
    const { app, clock } = await buildTestApp({}, new MemoryStorage());
    const adapter = testAdapterFor(app);
    await converse(adapter, BOOK);
    clock.advance(30 * 86400000);
    const r = await converse(adapter, ['verwijder mijn gegevens', 'ja']);
    expect(r[1].text).toMatch(/verwijderd: dit gesprek met je taalkeuze en je gegevens bij 1 afspraak uit deze chat die al voorbij was\./);
    expect(r[1].text).not.toMatch(/geannuleerd/);
    const [left] = await app.database.bookings.listChanged(new Date(0), 10);
    expect(JSON.stringify(left)).not.toMatch(/Jolanda|Verbeek|1961|612345678/);
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
