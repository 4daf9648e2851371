import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Booking } from '../src/booking/Booking';
import type { BookingRepository } from '../src/booking/BookingRepository';
import { PostgresDatabase, SqlBookingRepository, SqliteDatabase } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
const start = new Date('2026-11-24T09:00:00Z');

function booking(reference: string, userKey: string): Booking {
  return {
    reference, status: 'confirmed', locationId: 'centrum', appointmentTypeId: 'intake-artrose', start, end: new Date(start.getTime() + 45 * 60000),
    name: 'Test Patiënt', birthDate: '1961-03-14', phone: '+31612345678', complaint: { joint: 'knee' }, screening: {},
    userKey, channel: 'test', locale: 'nl-NL', createdAt: clock.now(), updatedAt: clock.now(), lastEvent: 'new',
  };
}

const backends: [string, () => Promise<{ repo: BookingRepository; close: () => Promise<void> }>][] = [
  ['SQLite', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'race-')), 'db.sqlite');
    const a = new SqliteDatabase(file, clock);
    a.migrate();
    // Two connections to one file, as two processes would have.
    const b = new SqliteDatabase(file, clock);
    const ra = new SqlBookingRepository(a.client);
    const rb = new SqlBookingRepository(b.client);
    let turn = 0;
    const repo = { ...ra, create: (x: Booking) => ((turn++ % 2 ? rb : ra).create(x)), findByReference: ra.findByReference.bind(ra), listChanged: ra.listChanged.bind(ra) } as unknown as BookingRepository;
    return { repo, close: async () => { await a.close(); await b.close(); } };
  }],
  ['PostgreSQL', async () => {
    const db = new PostgresDatabase(await freshPostgresUrl(), clock);
    await db.migrate();
    return { repo: new SqlBookingRepository(db.client), close: () => db.close() };
  }],
];

describe.each(backends)('two patients racing for one slot (%s)', (_name, open) => {
  it('gives the slot to exactly one of 20 concurrent claims', async () => {
    const { repo, close } = await open();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.create(booking(`R${String(i).padStart(2, '0')}-AAA`, `test:user${i}`))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'slot-taken')).toHaveLength(19);
    const confirmed = (await repo.listChanged(new Date(0), 100)).filter((b) => b.status === 'confirmed');
    expect(confirmed).toHaveLength(1);
    await close();
  });
});
