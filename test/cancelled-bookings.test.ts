import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import type { Booking } from '../src/booking/Booking';
import type { BookingRepository } from '../src/booking/BookingRepository';
import { openDatabase, type Database } from '../src/storage';
import { MIGRATIONS } from '../src/storage/migrations';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
const PERSONAL = ['Jolanda', 'Verbeek', '1961-03-14', '+31612345678', 'jolanda@example.nl', 'sinds de zomer', 'whatsapp:+31612345678'];

function booking(reference: string, userKey: string, startIso: string): Booking {
  const start = new Date(startIso);
  return {
    reference, status: 'confirmed', locationId: 'centrum', appointmentTypeId: 'intake-artrose', start, end: new Date(start.getTime() + 45 * 60000),
    name: 'Jolanda Verbeek', birthDate: '1961-03-14', phone: '+31612345678', email: 'jolanda@example.nl',
    complaint: { joint: 'knee', side: 'left', since: 'sinds de zomer' }, hasReferral: false, screening: { fever: false },
    userKey, channel: 'whatsapp', locale: 'nl-NL', createdAt: clock.now(), updatedAt: clock.now(), lastEvent: 'new',
  };
}

const backends: { name: string; open(): Promise<Database> }[] = [
  { name: 'SQLite', open: () => openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'cancelled-')) }, clock) },
  { name: 'PostgreSQL', open: async () => openDatabase({ dataDir: '', databaseUrl: await freshPostgresUrl() }, clock) },
];

describe.each(backends)('cancelled and deleted bookings on $name', ({ open }) => {
  let db: Database;
  let repo: BookingRepository;
  beforeAll(async () => {
    db = await open();
    repo = db.bookings;
  });
  afterAll(() => db.close());

  it('a cancelled booking frees its slot and keeps time, place, type, reference, made on and cancelled on, nothing personal', async () => {
    const key = 'whatsapp:+31612345678';
    expect(await repo.create(booking('CAN-CEL', key, '2026-11-25T09:00:00Z'))).toBe('created');
    const cancelledAt = new Date('2026-11-23T10:30:00Z');
    expect(await repo.cancel('CAN-CEL', cancelledAt)).toBe(true);
    const b = (await repo.findByReference('CAN-CEL'))!;
    expect(b).toMatchObject({
      status: 'cancelled', lastEvent: 'cancelled', locationId: 'centrum', appointmentTypeId: 'intake-artrose',
      start: new Date('2026-11-25T09:00:00Z'), createdAt: clock.now(), updatedAt: cancelledAt, userKey: '',
    });
    for (const p of PERSONAL) expect(JSON.stringify(b)).not.toContain(p);
    // The patient's own look-up finds nothing of theirs any more; the slot is free again.
    expect(await repo.findForUser(key)).toEqual([]);
    expect(await repo.takenStarts('centrum', new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z'))).toEqual([]);
    expect(await repo.create(booking('NEW-ONE', 'whatsapp:+31687654321', '2026-11-25T09:00:00Z'))).toBe('created');
  });

  it('"verwijder mijn gegevens" leaves the bookings as cancelled rows without personal data', async () => {
    const key = 'webchat:gone-user';
    await repo.create(booking('DEL-ONE', key, '2026-11-26T09:00:00Z'));
    await repo.create(booking('DEL-TWO', key, '2026-11-27T09:00:00Z'));
    expect(await repo.deleteForUser(key, new Date('2026-11-23T11:00:00Z'))).toBe(2);
    const left = (await repo.listChanged(new Date(0), 50)).filter((b) => b.reference.startsWith('DEL-'));
    expect(left.map((b) => [b.reference, b.status, b.lastEvent, b.updatedAt.toISOString()]).sort()).toEqual([
      ['DEL-ONE', 'cancelled', 'deleted', '2026-11-23T11:00:00.000Z'],
      ['DEL-TWO', 'cancelled', 'deleted', '2026-11-23T11:00:00.000Z'],
    ]);
    for (const p of PERSONAL) expect(JSON.stringify(left)).not.toContain(p);
    // An empty key (a cancelled row's) never matches those rows.
    expect(await repo.findForUser('')).toEqual([]);
    expect(await repo.deleteForUser('', clock.now())).toBe(0);
  });

  it('lists the bookings of a day, cancelled ones too, earliest first', async () => {
    const day = await repo.listStarting(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-27T00:00:00Z'), 10);
    expect(day.map((b) => [b.reference, b.status]).sort()).toEqual([['CAN-CEL', 'cancelled'], ['DEL-ONE', 'cancelled'], ['NEW-ONE', 'confirmed']]);
    expect(day[day.length - 1].reference).toBe('DEL-ONE');
  });
});

describe('migration 10', () => {
  const v10 = MIGRATIONS.find((m) => m.version === 10)!;
  const row = (status: string, reference: string) => [reference, status, 'centrum', 'intake-artrose', 1, 2, 'whatsapp:+31612345678', 'whatsapp', 'nl-NL', JSON.stringify({ name: 'Jolanda Verbeek', phone: '+31612345678' }), 1, 1, status === 'cancelled' ? 'cancelled' : 'new'];

  it('empties the cancelled bookings made before it on SQLite, and only those', () => {
    const db = new BetterSqlite3(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version < 10)) db.exec(m.sqlite);
    const insert = db.prepare('INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(...row('cancelled', 'OLD-CAN'));
    insert.run(...row('confirmed', 'OLD-CON'));
    db.exec(v10.sqlite);
    const rows = db.prepare('SELECT reference, user_key, details FROM bookings ORDER BY reference').all();
    expect(rows).toEqual([
      { reference: 'OLD-CAN', user_key: '', details: '{}' },
      { reference: 'OLD-CON', user_key: 'whatsapp:+31612345678', details: JSON.stringify({ name: 'Jolanda Verbeek', phone: '+31612345678' }) },
    ]);
    db.close();
  });

  it('empties the cancelled bookings made before it on PostgreSQL, and only those', async () => {
    const pool = new Pool({ connectionString: await freshPostgresUrl(), max: 1 });
    try {
      for (const m of MIGRATIONS.filter((x) => x.version < 10)) await pool.query(m.postgres);
      for (const r of [row('cancelled', 'OLD-CAN'), row('confirmed', 'OLD-CON')]) {
        await pool.query('INSERT INTO bookings (reference, status, location_id, appointment_type_id, starts_at, ends_at, user_key, channel, locale, details, created_at, updated_at, last_event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)', r);
      }
      await pool.query(v10.postgres);
      const { rows } = await pool.query('SELECT reference, user_key, details FROM bookings ORDER BY reference');
      expect(rows).toEqual([
        { reference: 'OLD-CAN', user_key: '', details: {} },
        { reference: 'OLD-CON', user_key: 'whatsapp:+31612345678', details: { name: 'Jolanda Verbeek', phone: '+31612345678' } },
      ]);
    } finally {
      await pool.end();
    }
  });
});
