import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgendaBookings, BuiltInAgenda, createAgendas, initials, TherapistAgendas, type Agenda } from '../src/agenda';
import { ConfigError, parseConfig } from '../src/config';
import { AvailabilityService } from '../src/booking/AvailabilityService';
import type { Booking } from '../src/booking/Booking';
import type { BookingRepository } from '../src/booking/BookingRepository';
import { loadKnowledge, loadValidatedKnowledge } from '../src/knowledge';
import { lintKnowledge } from '../src/knowledge/KnowledgeLinter';
import type { Practice } from '../src/knowledge/types';
import { PostgresDatabase, SqlBookingRepository, SqliteDatabase } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

// The built-in agenda needs no server: these tests always run.
const kb = loadValidatedKnowledge(join(__dirname, '..', 'knowledge'));
const NOW = '2026-11-23T09:00:00Z'; // Monday 10:00 in Amsterdam
const cet = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h - 1, mi));
type Week = Practice['locations'][number]['openingHours'];
/** A week of working hours: the days given, the others free. */
const week = (days: Partial<Week>): Week => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days });
const monday = week({ mon: [['08:00', '12:00']] });

/** The example practice with therapists in the built-in agenda (no calendar). */
function practiceWith(therapists: Practice['agenda']['therapists']): Practice {
  return { ...kb.practice, agenda: { phoneInCalendar: false, therapists } };
}
const TWO_AT_CENTRUM = practiceWith([
  { id: 'anne', name: 'Anne', appointmentTypes: ['intake-artrose', 'intake-algemeen'], workingHours: { centrum: monday } },
  { id: 'bram', name: 'Bram', appointmentTypes: ['intake-algemeen'], workingHours: { centrum: { ...monday, tue: [['13:00', '15:00']] } } },
]);

function booking(reference: string, start: Date, appointmentTypeId = 'intake-artrose'): Booking {
  const clock = new Date(NOW);
  return {
    reference, status: 'confirmed', locationId: 'centrum', appointmentTypeId, start, end: new Date(start.getTime() + 45 * 60000),
    name: 'Jolanda Verbeek', birthDate: '1961-03-14', phone: '+31612345678', complaint: { joint: 'knee' }, screening: {},
    userKey: `test:${reference}`, channel: 'test', locale: 'nl-NL', createdAt: clock, updatedAt: clock, lastEvent: 'new',
  };
}

function wire(practice: Practice, store: BookingRepository) {
  const clock = new FixedClock(new Date(NOW));
  const agendas = new Map<string, Agenda>(practice.agenda.therapists.map((t) => [t.id, new BuiltInAgenda()]));
  const therapists = new TherapistAgendas(practice, agendas, store, clock);
  const bookings = new AgendaBookings(store, therapists, () => ({ summary: 's', description: 'd', location: 'l' }), clock);
  return { bookings, availability: new AvailabilityService(practice, store, clock, undefined, therapists) };
}

const backends: [string, () => Promise<{ store: BookingRepository; close: () => Promise<void> }>][] = [
  ['SQLite', async () => {
    const db = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'agenda-')), 'db.sqlite'), new FixedClock(new Date(NOW)));
    db.migrate();
    return { store: new SqlBookingRepository(db.client), close: () => db.close() };
  }],
  ['PostgreSQL', async () => {
    const db = new PostgresDatabase(await freshPostgresUrl(), new FixedClock(new Date(NOW)));
    await db.migrate();
    return { store: new SqlBookingRepository(db.client), close: () => db.close() };
  }],
];

describe.each(backends)('the built-in agenda with therapists (%s)', (_name, open) => {
  let store: BookingRepository;
  let close: () => Promise<void>;
  beforeEach(async () => ({ store, close } = await open()));
  afterEach(() => close());

  it('offers slots only in the working hours of a therapist who does the appointment type', async () => {
    const { availability } = wire(TWO_AT_CENTRUM, store);
    const intake = await availability.find({}, 50);
    expect(intake.length).toBeGreaterThan(0);
    // Only Anne does the osteoarthritis intake, and only on Monday mornings.
    for (const s of intake) expect(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', weekday: 'short' }).format(s.start)).toBe('Mon');
    // Bram does the general intake on Tuesdays 13:00–15:00 too: two 45-minute slots there.
    const general = await availability.find({ appointmentTypeId: 'intake-algemeen', weekday: 1 }, 4);
    expect(general.map((s) => s.start)).toEqual([cet(2026, 11, 24, 13), cet(2026, 11, 24, 13, 45), cet(2026, 12, 1, 13), cet(2026, 12, 1, 13, 45)]);
  });

  it('gives one slot to as many patients as there are free therapists, then says it is taken', async () => {
    const { bookings, availability } = wire(TWO_AT_CENTRUM, store);
    const start = cet(2026, 11, 30, 8);
    expect(await bookings.create(booking('AAA-AAA', start, 'intake-algemeen'))).toBe('created');
    expect(await bookings.create(booking('BBB-BBB', start, 'intake-algemeen'))).toBe('created');
    expect(await bookings.create(booking('CCC-CCC', start, 'intake-algemeen'))).toBe('slot-taken');
    const [a, b] = await Promise.all(['AAA-AAA', 'BBB-BBB'].map((r) => store.findByReference(r)));
    expect([a!.therapistId, b!.therapistId].sort()).toEqual(['anne', 'bram']);
    expect((await availability.find({ date: '2026-11-30', appointmentTypeId: 'intake-algemeen' }, 10)).map((s) => s.start)).not.toContainEqual(start);
    // Cancelling frees that therapist's slot again.
    await bookings.cancel('AAA-AAA', new Date(NOW));
    expect(await bookings.create(booking('DDD-DDD', start, 'intake-algemeen'))).toBe('created');
  });

  it('lets exactly one of 20 concurrent claims for one therapist\'s slot win', async () => {
    const { bookings } = wire(TWO_AT_CENTRUM, store);
    const start = cet(2026, 11, 30, 9, 30);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => bookings.create(booking(`R${String(i).padStart(2, '0')}-AAA`, start))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'slot-taken')).toHaveLength(19);
  });

  it('moves a booking to another slot and therapist, and refuses a time nobody works', async () => {
    const { bookings } = wire(TWO_AT_CENTRUM, store);
    expect(await bookings.create(booking('MMM-MMM', cet(2026, 11, 30, 8), 'intake-algemeen'))).toBe('created');
    expect(await bookings.move('MMM-MMM', cet(2026, 12, 1, 13), cet(2026, 12, 1, 13, 45), 'centrum', new Date(NOW))).toBe('moved');
    expect(await store.findByReference('MMM-MMM')).toMatchObject({ therapistId: 'bram', start: cet(2026, 12, 1, 13), lastEvent: 'moved' });
    expect(await bookings.move('MMM-MMM', cet(2026, 12, 2, 13), cet(2026, 12, 2, 13, 45), 'centrum', new Date(NOW))).toBe('slot-taken');
  });
});

describe('the agenda in practice.yaml', () => {
  it('is refused with the field when a therapist names an unknown location or appointment type', () => {
    const problems = lintKnowledge({
      ...kb,
      practice: practiceWith([{ id: 'anne', name: 'Anne', appointmentTypes: ['massage'], workingHours: { zuid: monday, centrum: week({ mon: [['12:00', '08:00']] }) }, calendar: 'agenda' }]),
    });
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining([
      'agenda.therapists.0.appointmentTypes', 'agenda.therapists.0.workingHours.zuid', 'agenda.therapists.0.workingHours.centrum.mon.0', 'agenda.therapists.0.calendar',
    ]));
  });

  it('needs CALDAV_URL for a calendar given as a path, and says so at start-up', () => {
    const practice = practiceWith([{ id: 'anne', name: 'Anne', appointmentTypes: ['intake-artrose'], workingHours: { centrum: monday }, calendar: '/praktijk/anne/' }]);
    expect(() => createAgendas(practice, parseConfig({}).caldav)).toThrow(ConfigError);
    expect(() => createAgendas(practice, parseConfig({}).caldav)).toThrow(/CALDAV_URL.*anne/);
    expect(createAgendas(practice, parseConfig({ CALDAV_URL: 'https://cloud.example/' }).caldav).get('anne')!.kind).toBe('caldav');
  });

  it('has no therapists in the default practice: the locations\' opening hours, as before', () => {
    expect(loadKnowledge('knowledge').knowledge!.practice.agenda).toEqual({ phoneInCalendar: false, therapists: [] });
  });

  it.each([
    ['Jolanda Verbeek', 'J.V.'],
    ['Jan de Vries', 'J.d.V.'],
    ['  anna-maria   van den Berg ', 'a.m.v.d.B.'],
    ["Mark 't Hart", 'M.t.H.'],
  ])('writes "%s" in the calendar as %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
