import type { Booking } from '../src/booking/Booking';
import type { Ticket } from '../src/handoff/Ticket';
import { PostgresDatabase, SqlBookingRepository, SqliteDatabase, SqlTicketRepository, UniqueViolation, type SqlClient } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

// The repositories are written once over SqlClient; these check that the two clients answer alike.
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
const start = new Date('2026-11-24T09:00:00Z');

const backends: [string, () => Promise<{ client: SqlClient; close(): Promise<void> }>][] = [
  ['SQLite', async () => {
    const db = new SqliteDatabase(':memory:', clock);
    db.migrate();
    return { client: db.client, close: () => db.close() };
  }],
  ['PostgreSQL', async () => {
    const db = new PostgresDatabase(await freshPostgresUrl(), clock);
    await db.migrate();
    return { client: db.client, close: () => db.close() };
  }],
];

function booking(reference: string, at = start, therapistId?: string): Booking {
  return {
    reference, status: 'confirmed', locationId: 'centrum', appointmentTypeId: 'intake-artrose', start: at, end: new Date(at.getTime() + 45 * 60000),
    name: 'Test Patiënt', birthDate: '1961-03-14', phone: '+31612345678', complaint: { joint: 'knee' }, screening: {},
    userKey: `test:${reference}`, channel: 'test', locale: 'nl-NL', createdAt: clock.now(), updatedAt: clock.now(), lastEvent: 'new', ...(therapistId ? { therapistId } : {}),
  };
}

function ticket(id: string): Ticket {
  return {
    id, status: 'waiting', reason: 'requested', channel: 'test', locale: 'nl-NL', conversationId: `conv-${id}`, reference: {}, messages: [],
    createdAt: clock.now(), updatedAt: clock.now(),
  };
}

describe.each(backends)('one SQL client for the repositories (%s)', (_name, open) => {
  let client: SqlClient;
  let close: () => Promise<void>;
  beforeEach(async () => ({ client, close } = await open()));
  afterEach(() => close());

  it('reports a taken primary key and a taken unique index as one error, told apart', async () => {
    const insert = (reference: string, startsAt: number) => client.run(
      `INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event)
       VALUES ($1, 'confirmed', 'centrum', 'intake', $2, $2, 'u', 'test', 'nl-NL', '{}', 0, 0, 'new')`,
      [reference, startsAt],
    );
    await expect(insert('AAA-111', 1)).resolves.toBe(1);
    const pk = await insert('AAA-111', 2).catch((e: unknown) => e);
    expect(pk).toBeInstanceOf(UniqueViolation);
    expect((pk as UniqueViolation).primaryKey).toBe(true);
    const slot = await insert('BBB-222', 1).catch((e: unknown) => e);
    expect(slot).toBeInstanceOf(UniqueViolation);
    expect((slot as UniqueViolation).primaryKey).toBe(false);
    // Any other failure passes through as it is.
    await expect(client.run('INSERT INTO no_such_table VALUES ($1)', [1])).rejects.not.toBeInstanceOf(UniqueViolation);
  });

  it('reads BIGINT columns as numbers and stores booleans', async () => {
    await client.run('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES ($1, $2, $3, $4)', ['cure', 'nl-NL', true, 1_790_000_000_123]);
    await client.run('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES ($1, $2, $3, $4)', ['cure', 'nl-NL', false, 5]);
    const rows = await client.rows<{ created_at: unknown; n: unknown }>('SELECT created_at, COUNT(*) FILTER (WHERE helpful) AS n FROM answer_feedback WHERE helpful GROUP BY created_at');
    expect(rows).toEqual([{ created_at: 1_790_000_000_123, n: 1 }]);
  });

  it('books a slot once, and tells a taken reference from a taken slot', async () => {
    const repo = new SqlBookingRepository(client);
    expect(await repo.create(booking('AAA-111'))).toBe('created');
    expect(await repo.create(booking('AAA-111', new Date(start.getTime() + 3_600_000)))).toBe('reference-taken');
    expect(await repo.create(booking('BBB-222'))).toBe('slot-taken');
    // Another therapist's slot at the same time is free; moving onto a taken slot is refused.
    expect(await repo.create(booking('CCC-333', start, 'anna'))).toBe('created');
    expect(await repo.create(booking('DDD-444', new Date(start.getTime() + 3_600_000)))).toBe('created');
    expect(await repo.move('DDD-444', start, new Date(start.getTime() + 45 * 60000), 'centrum', clock.now())).toBe('slot-taken');
    expect((await repo.findByReference('AAA-111'))?.start).toEqual(start);
  });

  it('changes a ticket inside its document without losing a change made at the same time, and keeps its last 500 lines', async () => {
    const repo = new SqlTicketRepository(client);
    await repo.create(ticket('t1'));
    const later = new Date(clock.now().getTime() + 60_000);
    await Promise.all([
      repo.update('t1', { status: 'active', assignedTo: 'anna' }, later),
      repo.addMessage('t1', { from: 'patient', text: 'hallo', at: later.toISOString() }, later),
      repo.update('t1', { callbackPhone: '+31612345678' }, later),
    ]);
    const t = await repo.get('t1');
    expect(t).toMatchObject({ status: 'active', assignedTo: 'anna', callbackPhone: '+31612345678', reason: 'requested', updatedAt: later });
    expect(t?.messages.map((m) => m.text)).toEqual(['hallo']);
    expect((await repo.openFor('conv-t1'))?.id).toBe('t1');
    // A callback request is found only when asked for by its status (the bot is not silent then).
    expect(await repo.openFor('conv-t1', ['callback'])).toBeUndefined();
    await repo.update('t1', { status: 'callback' }, later);
    expect((await repo.openFor('conv-t1', ['callback']))?.id).toBe('t1');
    expect(await repo.openFor('conv-t1')).toBeUndefined();
    await repo.update('t1', { status: 'active' }, later);

    for (let i = 1; i <= 501; i++) await repo.addMessage('t1', { from: 'bot', text: `line ${i}`, at: later.toISOString() }, later);
    const lines = (await repo.get('t1'))!.messages.map((m) => m.text);
    expect(lines).toHaveLength(500);
    expect([lines[0], lines[499]]).toEqual(['line 2', 'line 501']);
    expect((await repo.list(['active', 'callback'], 10)).map((x) => x.id)).toEqual(['t1']);
    expect(await repo.list([], 10)).toEqual([]);
  });
});
