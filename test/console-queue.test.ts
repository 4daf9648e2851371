import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { App } from '../src/app/createApp';
import { hashPassword } from '../src/console/ConsoleUsers';
import type { TicketView } from '../src/console/ConsoleViews';
import type { FixedClock } from '../src/util/Clock';
import { buildTestApp } from './helpers/testApp';

const PASSWORD = 'correct horse battery';
const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen'];
let app: App;
let clock: FixedClock;
let base: string;
let cookie: string;
let channel: Server;
let channelUrl: string;
let live: AbortController;
/** What the stand-in channel received, per conversation. */
const delivered: { conversation: string; text: string }[] = [];
const arrivals = new EventEmitter();

beforeAll(async () => {
  ({ app, clock } = await buildTestApp({ CONSOLE_USERS: `anna=${hashPassword(PASSWORD)}`, RETENTION_CONVERSATION_DAYS: '30' }));
  base = `http://127.0.0.1:${await app.server.listen()}`;
  // A stand-in for a Bot Framework channel: receives the bot's proactive messages.
  channel = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (body) {
        const a = JSON.parse(body) as { text?: string; conversation?: { id: string } };
        delivered.push({ conversation: a.conversation?.id ?? '', text: a.text ?? '' });
        arrivals.emit('delivered');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', () => r()));
  channelUrl = `http://127.0.0.1:${(channel.address() as { port: number }).port}`;
  await signIn();
  // The console page's live queue: a receptionist is watching.
  live = new AbortController();
  const events = await fetch(`${base}/console/api/events`, { headers: { cookie }, signal: live.signal });
  // Read on, so that the stream stays open (an unread response can be collected and closed).
  const reader = events.body!.getReader();
  void (async () => {
    while (!(await reader.read().catch(() => ({ done: true }))).done);
  })();
});
afterAll(async () => {
  live.abort();
  await app.close();
  channel.closeAllConnections();
  channel.close();
});

async function signIn(): Promise<void> {
  const res = await fetch(`${base}/console/api/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'anna', password: PASSWORD }) });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A patient on a Bot Framework channel; returns the bot's replies to each typed message. */
function patient(conversation: string, user: string, locale = 'nl-NL') {
  return async (text: string): Promise<string> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text, channelId: 'emulator', serviceUrl: channelUrl, deliveryMode: 'expectReplies', locale,
        conversation: { id: conversation }, from: { id: user }, recipient: { id: 'bot' },
      }),
    });
    return ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '').join('\n');
  };
}
const get = async <T>(path: string): Promise<T> => (await fetch(base + path, { headers: { cookie } })).json() as Promise<T>;
const post = (path: string, body?: unknown) => fetch(base + path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
/** Jolanda's booking reference, once she booked. */
let jolandaReference = '';
const ticketOf = async (conversation: string) => (await app.handoff.queue()).find((t) => t.conversationId === conversation)!;

describe('the console queue', () => {
  let jolanda: string;
  let reference: string;

  it('shows the first message after the handoff, the name and booking of a patient who booked, owner, times and national numbers; red flags first', async () => {
    const say = patient('queue-jolanda', 'jolanda-1');
    let last = '';
    for (const text of BOOK) last = await say(text);
    reference = /referentie is ([A-Z0-9-]+)/.exec(last)![1];
    jolandaReference = reference;
    await say('ik wil een medewerker spreken');
    expect(await say('In de chat wachten')).toMatch(/medewerker gevraagd/);
    clock.advance(60_000);
    expect(await say('Kan ik mijn afspraak van volgende week naar een later tijdstip op de dag verzetten, want ik werk tot vier uur?')).toBe('');
    jolanda = (await ticketOf('queue-jolanda')).id;
    // A callback request, and then a red-flag ticket that came in last.
    const callMe = patient('queue-callback', 'caller-1');
    clock.set(new Date('2026-11-23T09:30:00Z'));
    await callMe('bel me terug');
    await callMe('Terugbellen');
    await callMe('0612345678');
    await callMe('geen');
    clock.advance(60_000);
    await app.handoff.open({ reason: 'requested', channel: 'whatsapp', locale: 'nl-BE', conversationId: 'queue-red', reference: {}, transcript: [], safetyTier: 'soon' });

    const queue = await get<TicketView[]>('/console/api/queue');
    expect(queue.map((t) => t.redFlag)).toEqual([true, false, false]);
    expect(queue[0]).toMatchObject({ redFlag: true, safetyTier: 'soon', channel: 'whatsapp', locale: 'nl-BE' });
    const row = queue[1];
    expect(row).toMatchObject({
      id: jolanda, status: 'waiting', name: 'Jolanda Verbeek', channel: 'emulator', locale: 'nl-NL', assignedTo: null,
      preview: 'Kan ik mijn afspraak van volgende week naar een later tijdstip op de dag…',
      booking: { reference, status: 'confirmed' }, createdAt: '2026-11-23T09:00:00.000Z',
    });
    expect(row.preview!.length).toBeLessThanOrEqual(80);
    expect(queue[2]).toMatchObject({ status: 'callback', callbackPhone: '06 12345678', preview: null, name: null, booking: null });
  });

  it('a reply takes the ticket: its owner shows, and the transcript has a time on every line', async () => {
    const reply = await post(`/console/api/tickets/${jolanda}/reply`, { text: 'Dat kan, ik kijk even.' });
    expect(reply.status).toBe(200);
    const ticket = await get<TicketView & { messages: { from: string; text: string; at: string }[] }>(`/console/api/tickets/${jolanda}`);
    expect(ticket).toMatchObject({ status: 'active', assignedTo: 'anna', booking: { reference } });
    expect(ticket.messages.every((m) => !Number.isNaN(Date.parse(m.at)))).toBe(true);
    expect(ticket.messages.at(-1)).toMatchObject({ from: 'staff', text: 'Dat kan, ik kijk even.' });
  });

  it('closing tells the patient in their language, and their next question gets an answer, not a welcome', async () => {
    delivered.length = 0;
    expect((await post(`/console/api/tickets/${jolanda}/close`)).status).toBe(200);
    expect(delivered.filter((d) => d.conversation === 'queue-jolanda').map((d) => d.text)).toEqual([
      'De medewerker heeft het gesprek afgesloten. Je praat nu weer met de digitale assistent: stel gerust je volgende vraag.',
    ]);
    const next = await patient('queue-jolanda', 'jolanda-1')('helpt afvallen bij knieartrose?');
    expect(next).toMatch(/gewicht|afvallen|kilo/i);
    expect(next).not.toMatch(/digitale assistent van/i);
    const closed = await get<TicketView & { messages: { from: string; text: string }[] }>(`/console/api/tickets/${jolanda}`);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'anna' });
    expect(closed.messages.at(-1)).toMatchObject({ from: 'system', text: expect.stringMatching(/afgesloten/) });
  });

  it('tells a Flemish patient in Flemish', async () => {
    const say = patient('queue-flemish', 'flemish-1', 'nl-BE');
    await say('ik wil iemand van de praktijk spreken');
    expect(await say('In de chat wachten')).toMatch(/collega gevraagd/);
    delivered.length = 0;
    clock.advance(60_000);
    await post(`/console/api/tickets/${(await ticketOf('queue-flemish')).id}/close`);
    expect(delivered.map((d) => d.text)).toEqual(['Onze collega heeft het gesprek afgesloten. Je praat nu opnieuw met de digitale assistent: stel gerust je volgende vraag.']);
  });
});

describe('the history of closed tickets', () => {
  it.each([
    ['a name', 'jolanda', true],
    ['a reference', 'REF', true],
    ['words of the transcript, in any order and case', 'TIJDSTIP verzetten', true],
    ['a word nobody wrote', 'heupprothese', false],
  ])('finds a closed ticket by %s', async (_what, query, found) => {
    // As staff type it from a phone call: lower case, without the dash.
    const q = query === 'REF' ? jolandaReference.toLowerCase().replace('-', '') : query;
    const hits = await get<TicketView[]>(`/console/api/history?q=${encodeURIComponent(q)}`);
    expect(hits.some((t) => t.name === 'Jolanda Verbeek')).toBe(found);
  });

  it('lists the closed tickets newest first and no open one', async () => {
    const all = await get<TicketView[]>('/console/api/history');
    expect(all.every((t) => t.status === 'closed')).toBe(true);
    expect(all.map((t) => t.locale)).toEqual(['nl-BE', 'nl-NL']);
  });

  it('reaches no further back than the retention period, even before the retention job ran', async () => {
    const id = (await get<TicketView[]>('/console/api/history'))[0].id;
    clock.advance(31 * 86_400_000);
    // The session ran out in those 31 days.
    await signIn();
    expect(await get<TicketView[]>('/console/api/history')).toEqual([]);
    expect((await fetch(`${base}/console/api/tickets/${id}`, { headers: { cookie } })).status).toBe(404);
    clock.advance(-31 * 86_400_000);
    await signIn();
  });

  it('refuses a search longer than 100 characters', async () => {
    expect((await fetch(`${base}/console/api/history?q=${'a'.repeat(101)}`, { headers: { cookie } })).status).toBe(400);
  });
});

describe('the bookings table', () => {
  it('keeps a cancelled booking as a row without personal data; made on, type and national number on the others', async () => {
    const say = patient('bookings-cancel', 'cancel-1');
    let last = '';
    for (const text of BOOK) last = await say(text);
    const reference = /referentie is ([A-Z0-9-]+)/.exec(last)![1];
    const before = await get<Record<string, unknown>[]>('/console/api/bookings');
    const made = before.find((b) => b.reference === reference)!;
    expect(made).toMatchObject({
      status: 'confirmed', event: 'new', name: 'Jolanda Verbeek', phone: '06 12345678', type: 'Eerste afspraak artrose (45 min)',
      createdAt: clock.now().toISOString(), cancelledAt: null,
    });
    clock.advance(3_600_000);
    await say('ik wil mijn afspraak annuleren');
    await say(reference);
    await say('14-03-1961');
    expect(await say('Annuleren')).toMatch(/geannuleerd/);
    const row = (await get<Record<string, unknown>[]>('/console/api/bookings')).find((b) => b.reference === reference)!;
    expect(row).toMatchObject({
      status: 'cancelled', event: 'cancelled', name: null, phone: null, cancelledAt: clock.now().toISOString(),
      // What says which slot came free stays.
      when: made.when, location: made.location, type: made.type, createdAt: made.createdAt,
    });
    expect(JSON.stringify(row)).not.toMatch(/Jolanda|1961|612345678/);
  });

  it('filters by day (in the practice\'s time zone) and by location', async () => {
    const all = await get<{ reference: string; day: string; locationId: string }[]>('/console/api/bookings');
    const day = all[0].day;
    const ofDay = await get<{ day: string }[]>(`/console/api/bookings?day=${day}`);
    expect(ofDay.length).toBeGreaterThan(0);
    expect(ofDay.every((b) => b.day === day)).toBe(true);
    expect(await get(`/console/api/bookings?day=2020-01-01`)).toEqual([]);
    const locations = await get<{ id: string; name: string }[]>('/console/api/locations');
    const other = locations.find((l) => l.id !== all[0].locationId)!;
    expect(await get<unknown[]>(`/console/api/bookings?location=${other.id}`)).toEqual(all.filter((b) => b.locationId === other.id));
    expect((await get<{ locationId: string }[]>(`/console/api/bookings?location=${all[0].locationId}`)).length).toBe(all.filter((b) => b.locationId === all[0].locationId).length);
  });

  it.each([['day=2026-13-01'], ['day=morgen'], ['location=nergens']])('refuses %s with a clear message', async (query) => {
    const res = await fetch(`${base}/console/api/bookings?${query}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^(day|location):/);
  });
});

// From a seventeenth patient-style test: a red flag typed while waiting for a receptionist was
// answered with 112, but the queue row stayed unmarked, at its place, and without the bot's line.
describe('a red flag typed while a ticket is open', () => {
  type Full = TicketView & { messages: { from: string; text: string }[] };
  it.each([
    ['nl-NL', /^Bel nu 112\./],
    ['nl-BE', /^Bel nu 112\./],
  ])('in %s raises the ticket to the most urgent tier, moves it up and shows the bot\'s instruction', async (locale, instruction) => {
    // One patient waits with a doctor-today tier, another waits without any.
    const fever = patient(`flag-fever-${locale}`, `fever-${locale}`, locale);
    expect(await fever('mijn knie is sinds vannacht dik, rood en gloeiend heet en ik heb 39 graden koorts')).toMatch(/arts/);
    await fever('ik wil een medewerker spreken');
    await fever('In de chat wachten');
    clock.advance(60_000);
    const plain = patient(`flag-plain-${locale}`, `plain-${locale}`, locale);
    await plain('ik wil een medewerker spreken');
    await plain('In de chat wachten');
    const before = await get<TicketView[]>('/console/api/queue');
    const plainId = (await ticketOf(`flag-plain-${locale}`)).id;
    const feverId = (await ticketOf(`flag-fever-${locale}`)).id;
    expect(before.find((t) => t.id === plainId)).toMatchObject({ redFlag: false, safetyTier: null });
    expect(before.findIndex((t) => t.id === feverId)).toBeLessThan(before.findIndex((t) => t.id === plainId));

    expect(await plain('ik voel ineens een zware druk op mijn borst die naar mijn arm trekt en ik zweet')).toMatch(instruction);
    const after = await get<TicketView[]>('/console/api/queue');
    expect(after.find((t) => t.id === plainId)).toMatchObject({ redFlag: true, safetyTier: '112' });
    // 112 goes above a doctor today, though its ticket came in later.
    expect(after.findIndex((t) => t.id === plainId)).toBeLessThan(after.findIndex((t) => t.id === feverId));
    const transcript = (await get<Full>(`/console/api/tickets/${plainId}`)).messages;
    expect(transcript.at(-1)).toMatchObject({ from: 'bot', text: expect.stringMatching(instruction) });

    // The doctor-today ticket rises too, and a milder sign afterwards does not bring it down.
    await post(`/console/api/tickets/${feverId}/reply`, { text: 'Ik ben er, vertel.' });
    expect(await fever('en nu heb ik ook nog pijn op de borst en ben ik heel erg benauwd')).toMatch(instruction);
    expect((await get<Full>(`/console/api/tickets/${feverId}`))).toMatchObject({ status: 'active', safetyTier: '112' });
    await fever('mijn knie is sinds vannacht dik, rood en gloeiend heet en ik heb 39 graden koorts');
    expect((await get<Full>(`/console/api/tickets/${feverId}`)).safetyTier).toBe('112');
    for (const id of [plainId, feverId]) await post(`/console/api/tickets/${id}/close`);
  });
});
