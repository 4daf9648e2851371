import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { AgendaUnavailableError, CalDavAgenda, CalDavConnection, createAgendas, TherapistAgendas } from '../src/agenda';
import type { Period } from '../src/agenda';
import type { App } from '../src/app/createApp';
import { AvailabilityService } from '../src/booking/AvailabilityService';
import type { Slot } from '../src/booking/Slot';
import { FixedClock } from '../src/util/Clock';
import { buildTestApp, converse, testAdapterFor, TEST_NOW } from './helpers/testApp';
import { calendarObjects, freePort, putEvent, radicaleTestsRun, seedCalendar, startRadicale, type RadicaleServer } from './helpers/radicale';

// Radicale is started here. In CI a missing Radicale fails every test below with how to install it;
// on a machine without it (it is not an npm package) globalSetup says these tests did not run.
const withRadicale = radicaleTestsRun() ? describe : describe.skip;
const itWithRadicale = radicaleTestsRun() ? it : it.skip;
const SCREENING_NO = Array(7).fill('nee');
const UNTIL_SLOTS = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...SCREENING_NO];
const DETAILS = ['Jolanda Verbeek', '14-03-1961', '0612345678', 'geen'];
const PRACTICE = 'examples/practice-caldav.yaml';
/** The example practice: Anne works at centrum, Bram at oost. */
const THERAPIST_AT: Record<string, string> = { centrum: 'anne', oost: 'bram' };

const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];
const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Praktijkagenda//NL', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261001T000000Z', ...lines, 'END:VEVENT'];

/** What the desk put in the calendars before the tests: recurring, moved, cancelled, all-day, floating, free. */
const SEED = {
  anne: {
    // Team meeting every Monday 12:00–14:00, not on 7 December.
    team: ics(...VTIMEZONE, ...event('UID:team', 'SUMMARY:Teamoverleg', 'DTSTART;TZID=Europe/Amsterdam:20261005T120000', 'DTEND;TZID=Europe/Amsterdam:20261005T140000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXDATE;TZID=Europe/Amsterdam:20261207T120000')),
    // Group class on Tuesday and Thursday 08:00–10:00; on 1 December moved to 16:00–18:00.
    group: ics(...VTIMEZONE,
      ...event('UID:group', 'SUMMARY:Groepsles', 'DTSTART;TZID=Europe/Amsterdam:20261006T080000', 'DTEND;TZID=Europe/Amsterdam:20261006T100000', 'RRULE:FREQ=WEEKLY;BYDAY=TU,TH'),
      ...event('UID:group', 'RECURRENCE-ID;TZID=Europe/Amsterdam:20261201T080000', 'SUMMARY:Groepsles', 'DTSTART;TZID=Europe/Amsterdam:20261201T160000', 'DTEND;TZID=Europe/Amsterdam:20261201T180000')),
    // A patient booked by phone today 14:45–16:00.
    phone: ics(...event('UID:phone', 'SUMMARY:Behandeling', 'DTSTART:20261123T134500Z', 'DTEND:20261123T150000Z')),
    // A day off on Thursday 26 November.
    dayoff: ics(...event('UID:dayoff', 'SUMMARY:Vrij', 'DTSTART;VALUE=DATE:20261126', 'DTEND;VALUE=DATE:20261127')),
  },
  bram: {
    // Lunch every day 12:00–13:00, written without a time zone (floating).
    lunch: ics(...event('UID:lunch', 'SUMMARY:Lunch', 'DTSTART:20261001T120000', 'DTEND:20261001T130000', 'RRULE:FREQ=DAILY')),
    // A course on Wednesday 25 November 08:30–11:00, its TZID without a VTIMEZONE (as Google writes).
    course: ics(...event('UID:course', 'SUMMARY:Cursus', 'DTSTART;TZID=Europe/Amsterdam:20261125T083000', 'DTEND;TZID=Europe/Amsterdam:20261125T110000')),
    // A reminder marked free: not busy.
    reminder: ics(...event('UID:reminder', 'SUMMARY:Herinnering', 'TRANSP:TRANSPARENT', 'DTSTART;TZID=Europe/Amsterdam:20261127T083000', 'DTEND;TZID=Europe/Amsterdam:20261127T130000')),
    // A cancelled meeting: not busy.
    cancelled: ics(...event('UID:cancelled', 'SUMMARY:Overleg', 'STATUS:CANCELLED', 'DTSTART;TZID=Europe/Amsterdam:20261130T130000', 'DTEND;TZID=Europe/Amsterdam:20261130T190000')),
  },
};

/** Amsterdam wall time in winter (UTC+1) as an instant. */
const cet = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h - 1, mi));

/** The seeded busy periods, written out by hand for the 60 days the bot looks ahead. */
function expectedBusy(): Record<string, Period[]> {
  const busy: Record<string, Period[]> = { anne: [], bram: [] };
  for (let i = 0; i <= 62; i++) {
    const day = new Date(Date.UTC(2026, 10, 23 + i));
    const [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const weekday = (day.getUTCDay() + 6) % 7;
    const iso = day.toISOString().slice(0, 10);
    if (weekday === 0 && iso !== '2026-12-07') busy.anne.push({ start: cet(y, mo, d, 12), end: cet(y, mo, d, 14) });
    if ((weekday === 1 || weekday === 3) && iso !== '2026-12-01') busy.anne.push({ start: cet(y, mo, d, 8), end: cet(y, mo, d, 10) });
    busy.bram.push({ start: cet(y, mo, d, 12), end: cet(y, mo, d, 13) });
  }
  busy.anne.push({ start: cet(2026, 12, 1, 16), end: cet(2026, 12, 1, 18) });
  busy.anne.push({ start: new Date('2026-11-23T13:45:00Z'), end: new Date('2026-11-23T15:00:00Z') });
  busy.anne.push({ start: cet(2026, 11, 26, 0), end: cet(2026, 11, 27, 0) });
  busy.bram.push({ start: cet(2026, 11, 25, 8, 30), end: cet(2026, 11, 25, 11) });
  return busy;
}

const overlap = (a: Period, b: Period) => a.start < b.end && b.start < a.end;
const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const deskEvent = (uid: string, slot: Slot) => ics(...event(`UID:${uid}`, 'SUMMARY:Telefonische afspraak', `DTSTART:${utc(slot.start)}`, `DTEND:${utc(slot.end)}`));

let server: RadicaleServer;
let app: App;
let clock: FixedClock;

async function seedPractice(s: RadicaleServer, withEvents: boolean): Promise<void> {
  await seedCalendar(s, '/praktijk/anne/', withEvents ? SEED.anne : {});
  await seedCalendar(s, '/praktijk/bram/', withEvents ? SEED.bram : {});
}

function envFor(s: { url: string; username: string; password: string }): Record<string, string> {
  return { PRACTICE_FILE: PRACTICE, CALDAV_URL: s.url, CALDAV_USERNAME: s.username, CALDAV_PASSWORD: s.password, CALDAV_TIMEOUT_SECONDS: '5' };
}

/**
 * A slot search of its own (no cache shared with the bot): what the bot offers first right now.
 * The clock moves on past the bot's one-minute cache first, as it would between two patients,
 * so the bot also sees what other tests wrote.
 */
async function firstSlots(a: App, n = 4): Promise<Slot[]> {
  clock.advance(61_000);
  const practice = a.knowledge.practice;
  const agendas = new TherapistAgendas(practice, createAgendas(practice, a.config.caldav), a.database.bookings, clock);
  return new AvailabilityService(practice, a.database.bookings, clock, undefined, agendas).find({}, n);
}

async function confirmedBookings(a: App) {
  return (await a.database.bookings.listChanged(new Date(0), 1000)).filter((b) => b.status === 'confirmed');
}

beforeAll(async () => {
  if (!radicaleTestsRun()) return;
  server = await startRadicale();
  await seedPractice(server, true);
  ({ app, clock } = await buildTestApp(envFor(server), new MemoryStorage()));
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

withRadicale('CalDAV agenda against Radicale', () => {
  it('offers only slots where the therapist works and every seeded busy event (recurring included) is avoided', async () => {
    const practice = app.knowledge.practice;
    const agendas = new TherapistAgendas(practice, createAgendas(practice, app.config.caldav), app.database.bookings, new FixedClock(new Date(TEST_NOW)));
    const slots = await new AvailabilityService(practice, app.database.bookings, new FixedClock(new Date(TEST_NOW)), undefined, agendas).find({}, 1000);
    expect(slots.length).toBeGreaterThan(100);
    const busy = expectedBusy();
    for (const slot of slots) {
      const clash = busy[THERAPIST_AT[slot.locationId]].find((b) => overlap(b, slot));
      expect(clash && `${slot.locationId} ${slot.start.toISOString()} overlaps ${clash.start.toISOString()}`).toBeUndefined();
    }
    const offered = (location: string, at: Date) => slots.some((s) => s.locationId === location && s.start.getTime() === at.getTime());
    expect(offered('centrum', cet(2026, 12, 7, 12, 30))).toBe(true); // the meeting's EXDATE
    expect(offered('centrum', cet(2026, 12, 1, 8))).toBe(true); // the class moved away that morning
    expect(offered('centrum', cet(2026, 11, 23, 14))).toBe(true); // ends as the phone booking starts
    expect(offered('oost', cet(2026, 11, 27, 8, 30))).toBe(true); // a "free" reminder
    expect(offered('oost', cet(2026, 11, 30, 13))).toBe(true); // a cancelled meeting
    expect(slots.some((s) => s.locationId === 'centrum' && s.start >= cet(2026, 11, 26, 0) && s.start < cet(2026, 11, 27, 0))).toBe(false);
    // Anne does not work at oost nor on Wednesdays; Bram not at centrum.
    expect(slots.some((s) => s.locationId === 'centrum' && s.start.getUTCDay() === 3)).toBe(false);
  });

  it('books into the right therapist\'s calendar: initials and reference, no phone or complaint', async () => {
    const [first] = await firstSlots(app);
    const therapist = THERAPIST_AT[first.locationId];
    const r = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
    const done = r[r.length - 1];
    expect(done.text).toMatch(/bevestigd/);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(done.text)![1];
    const booking = await app.database.bookings.findByReference(reference);
    expect(booking).toMatchObject({ therapistId: therapist, start: first.start, locationId: first.locationId });
    const mine = await calendarObjects(server, `/praktijk/${therapist}/`);
    const written = [...mine.values()].find((o) => o.includes(reference))!;
    expect(written).toContain('SUMMARY:Intake fysiotherapie — J.V.');
    expect(written).toContain(`DTSTART:${utc(first.start)}`);
    expect(written).not.toMatch(/612345678|knie|Verbeek|1961/i);
    const other = await calendarObjects(server, `/praktijk/${therapist === 'anne' ? 'bram' : 'anne'}/`);
    expect([...other.values()].some((o) => o.includes(reference))).toBe(false);
  });

  it('puts the patient\'s phone number in the event only when the practice opts in', async () => {
    const knowledge = join(mkdtempSync(join(tmpdir(), 'fysio-kb-')), 'knowledge');
    cpSync('knowledge', knowledge, { recursive: true });
    const file = join(knowledge, PRACTICE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('phoneInCalendar: false', 'phoneInCalendar: true'));
    const { app: optIn } = await buildTestApp({ ...envFor(server), KNOWLEDGE_DIR: knowledge }, new MemoryStorage());
    try {
      const r = await converse(testAdapterFor(optIn), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
      const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(r[r.length - 1].text)![1];
      const booked = (await optIn.database.bookings.findByReference(reference))!;
      const written = [...(await calendarObjects(server, `/praktijk/${booked.therapistId}/`)).values()].find((o) => o.includes(reference))!;
      expect(written).toContain('Telefoon: +31612345678');
      expect(written).not.toMatch(/knie|Verbeek|1961/i);
    } finally {
      await optIn.close();
    }
  });

  it('offers other slots when the desk books the chosen time between offer and confirmation', async () => {
    const [first] = await firstSlots(app);
    const adapter = testAdapterFor(app);
    const offer = await converse(adapter, [...UNTIL_SLOTS, '1', ...DETAILS]);
    const label = offer[12].actions[0];
    const hhmm = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(first.start);
    expect(label).toContain(hhmm);
    expect(offer[offer.length - 1].text).toMatch(/Klopt dit\?/);
    await putEvent(server, `/praktijk/${THERAPIST_AT[first.locationId]}/desk-1.ics`, deskEvent('desk-1', first));
    const before = (await confirmedBookings(app)).length;
    const r = await converse(adapter, ['Bevestigen']);
    expect(r[0].text).toMatch(/Die tijd is net weg, kies een andere/);
    expect(r[0].text).not.toMatch(/bevestigd/);
    expect(r[0].actions).not.toContain(label);
    expect(r[0].actions.filter((a) => /–/.test(a)).length).toBeGreaterThan(0);
    expect((await confirmedBookings(app)).length).toBe(before);
    const again = await converse(adapter, ['1', 'Bevestigen']);
    expect(again[again.length - 1].text).toMatch(/bevestigd/);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(again[again.length - 1].text)![1];
    expect((await app.database.bookings.findByReference(reference))!.start).not.toEqual(first.start);
  });

  it('cancelling deletes the event; moving puts it at the new time and takes the old one away', async () => {
    const made = await converse(testAdapterFor(app), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
    const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
    const booked = (await app.database.bookings.findByReference(reference))!;
    const file = `fysio-${booked.therapistId}-${utc(booked.start)}.ics`;
    expect((await calendarObjects(server, `/praktijk/${booked.therapistId}/`)).has(file)).toBe(true);

    const moved = await converse(testAdapterFor(app), ['ik wil mijn afspraak verzetten', reference, '14-03-1961', 'morgen', '1', 'ja']);
    expect(moved[moved.length - 1].text).toMatch(/Je afspraak is verzet/);
    const after = (await app.database.bookings.findByReference(reference))!;
    // Tuesday: only Anne works (centrum), after her group class of 08:00–10:00.
    expect(after).toMatchObject({ therapistId: 'anne', locationId: 'centrum', start: cet(2026, 11, 24, 10, 15), lastEvent: 'moved' });
    const anne = await calendarObjects(server, '/praktijk/anne/');
    expect(anne.get(`fysio-anne-${utc(after.start)}.ics`)).toContain(reference);
    expect((await calendarObjects(server, `/praktijk/${booked.therapistId}/`)).has(file)).toBe(false);

    const cancelled = await converse(testAdapterFor(app), ['afspraak annuleren', reference, '14-03-1961', 'Annuleren']);
    expect(cancelled[cancelled.length - 1].text).toMatch(/geannuleerd/);
    expect([...(await calendarObjects(server, '/praktijk/anne/')).values()].some((o) => o.includes(reference))).toBe(false);
    expect((await app.database.bookings.findByReference(reference))!.status).toBe('cancelled');
  });

  it('reuses what it read of a calendar for at most a minute, and asks again when confirming', async () => {
    const practice = app.knowledge.practice;
    const own = new FixedClock(new Date(TEST_NOW));
    const agendas = new TherapistAgendas(practice, createAgendas(practice, app.config.caldav), app.database.bookings, own);
    const anne = practice.agenda.therapists.find((t) => t.id === 'anne')!;
    const from = new Date(TEST_NOW);
    const to = new Date(from.getTime() + 14 * 86400000);
    const slot = { start: cet(2026, 11, 30, 16, 15), end: cet(2026, 11, 30, 17) };
    const busyAt = async () => ((await agendas.busyOf([anne], from, to)).get('anne') ?? []).some((b) => overlap(b, slot));
    expect(await busyAt()).toBe(false);
    await putEvent(server, '/praktijk/anne/desk-cache.ics', deskEvent('desk-cache', { locationId: 'centrum', ...slot }));
    own.advance(59_000);
    expect(await busyAt()).toBe(false);
    expect(await agendas.isFree(anne, slot)).toBe(false);
    own.advance(2_000);
    expect(await busyAt()).toBe(true);
  });

  it('writes an event with If-None-Match: *, so a second writer of the same slot loses', async () => {
    const connection = new CalDavConnection(app.config.caldav);
    const a = new CalDavAgenda('/praktijk/bram/', connection, 'Europe/Amsterdam');
    const b = new CalDavAgenda(`${server.url}praktijk/bram/`, connection, 'Europe/Amsterdam');
    const appointment = { therapistId: 'bram', reference: 'AAA-BBB', start: cet(2027, 1, 8, 9), end: cet(2027, 1, 8, 9, 45), summary: 'x', description: 'AAA-BBB', location: 'Oost', stamp: new Date(TEST_NOW) };
    const [one, two] = await Promise.all([a.create(appointment), b.create(appointment)]);
    expect([one.outcome, two.outcome].sort()).toEqual(['created', 'taken']);
  });

  it('refuses a wrong password as unreachable, never as a free calendar', async () => {
    const wrong = new CalDavConnection({ ...app.config.caldav, auth: { kind: 'basic', username: server.username, password: 'fout' } });
    await expect(new CalDavAgenda('/praktijk/anne/', wrong, 'Europe/Amsterdam').busy(new Date(TEST_NOW), cet(2026, 12, 31, 0)))
      .rejects.toBeInstanceOf(AgendaUnavailableError);
  });
});

describe('an agenda that cannot be reached', () => {
  it('gets an honest answer and a callback offer when choosing a slot (closed port)', async () => {
    const closed = await freePort();
    const { app: offline, sink } = await buildTestApp(envFor({ url: `http://127.0.0.1:${closed}/`, username: 'praktijk', password: 'x' }), new MemoryStorage());
    try {
      const r = await converse(testAdapterFor(offline), [...UNTIL_SLOTS, 'ja', '0612345678', 'geen']);
      expect(r[12].text).toMatch(/agenda van de praktijk is even niet bereikbaar/);
      expect(r[12].text).toMatch(/niets geboekt/);
      expect(r[12].text).toMatch(/terugbelt/);
      expect(r[12].actions).toEqual(['Ja', 'Nee']);
      expect(r[14].text).toMatch(/Waarover wil je dat we je terugbellen\?/);
      expect(r[15].text).toMatch(/belt je terug op/);
      const tickets = await offline.handoff.queue();
      expect(tickets.map((t) => t.reason)).toEqual(['agenda-unavailable']);
      expect(await confirmedBookings(offline)).toHaveLength(0);
      // The operators learn of it, without the patient's number.
      const logged = sink.lines.filter((l) => l.includes('caldav_failed'));
      expect(logged.some((l) => l.includes('ECONNREFUSED') && l.includes('/praktijk/'))).toBe(true);
      expect(sink.lines.join('\n')).not.toMatch(/612345678/);
    } finally {
      await offline.close();
    }
  });

  itWithRadicale('never confirms a booking, nor a cancellation, it could not store when the server has stopped', async () => {
    const second = await startRadicale();
    await seedPractice(second, false);
    const { app: bot } = await buildTestApp(envFor(second), new MemoryStorage());
    try {
      const made = await converse(testAdapterFor(bot), [...UNTIL_SLOTS, '1', ...DETAILS, 'Bevestigen']);
      const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(made[made.length - 1].text)![1];
      const adapter = testAdapterFor(bot);
      const offer = await converse(adapter, [...UNTIL_SLOTS, '1', ...DETAILS]);
      expect(offer[offer.length - 1].text).toMatch(/Klopt dit\?/);
      await second.stop();
      const r = await converse(adapter, ['Bevestigen']);
      expect(r[0].text).toMatch(/niet bereikbaar/);
      expect(r[0].text).not.toMatch(/bevestigd|referentie/);
      expect(r[0].text).toMatch(/terugbelt/);
      expect((await confirmedBookings(bot)).map((b) => b.reference)).toEqual([reference]);

      const cancel = await converse(testAdapterFor(bot), ['afspraak annuleren', reference, '14-03-1961', 'Annuleren']);
      expect(cancel[3].text).toMatch(/niet bereikbaar/);
      expect(cancel[3].text).not.toMatch(/geannuleerd/);
      expect((await bot.database.bookings.findByReference(reference))!.status).toBe('confirmed');
    } finally {
      await bot.close();
      await second.stop();
    }
  });
});
