import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../src/app/createApp';
import { stripPersonalDetails } from '../src/curation/stripPersonalDetails';
import { parseConfig } from '../src/config';
import { buildTestApp } from './helpers/testApp';
import type { FixedClock } from '../src/util/Clock';

/* Issue 21: what is kept, for how long, and what is left behind in files. */

const DAY = 86_400_000;

async function started(env: Record<string, string> = {}): Promise<{ app: App; clock: FixedClock; base: string; dataDir: string }> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'fysio-privacy-')), 'data');
  const { app, clock } = await buildTestApp({ DATA_DIR: dataDir, ...env });
  const base = `http://127.0.0.1:${await app.server.listen()}`;
  return { app, clock, base, dataDir };
}

interface Reply { type: string; name?: string; text?: string; attachments?: { content?: unknown }[] }

function chat(base: string, conversation: string) {
  return async (text: string): Promise<Reply[]> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', locale: 'nl-NL',
        conversation: { id: conversation }, from: { id: `user-${conversation}` }, recipient: { id: 'bot' },
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { activities: Reply[] }).activities;
  };
}
const textOf = (replies: Reply[]) => replies.map((r) => r.text ?? '').join('\n');

describe('unanswered questions', () => {
  let app: App;
  let clock: FixedClock;
  let base: string;
  let dataDir: string;
  beforeAll(async () => {
    ({ app, clock, base, dataDir } = await started({ RETENTION_UNANSWERED_DAYS: '7' }));
  });
  afterAll(() => app.close());

  it('are stored without phone numbers, e-mail addresses or dates', async () => {
    const say = chat(base, 'unanswered-1');
    await say('Kunt u ZQXMARKER mijn fiets repareren? Bel 06-12345678 of +32 470 12 34 56, mail an.jansen@example.nl, ik ben geboren op 14 maart 1961 (14-03-1961)');
    const stored = await app.database.curation.unanswered(10);
    expect(stored).toHaveLength(1);
    expect(stored[0].text).toContain('ZQXMARKER');
    expect(stored[0].text).not.toMatch(/12345678|470|jansen|example\.nl|1961|maart|14-03/);
  });

  it.each([
    ['06-12345678', '[nummer]'], ['+31 6 1234 5678', '[nummer]'], ['0032 470 12 34 56', '[nummer]'], ['(020) 123 45 67', '[nummer]'],
    ['an.jansen@example.nl', '[e-mail]'], ['14-03-1961', '[datum]'], ['14/3/61', '[datum]'], ['1961-03-14', '[datum]'], ['14.03.1961', '[datum]'],
    ['3 maart 1961', '[datum]'], ['14 mrt', '[datum]'], ['maart 1961', '[datum]'], ['geboren in 1961', 'geboren in [jaar]'],
  ])('strips %s', (input, expected) => {
    expect(stripPersonalDetails(input)).toBe(expected);
  });

  it('keeps what the question is about', () => {
    expect(stripPersonalDetails('mag ik 2 keer per week 30 minuten fietsen met knieartrose?')).toBe('mag ik 2 keer per week 30 minuten fietsen met knieartrose?');
  });

  it('are deleted after RETENTION_UNANSWERED_DAYS, and then are not readable in the database file', async () => {
    clock.advance(6 * DAY);
    await app.retention.run();
    expect(await app.database.curation.unanswered(10)).toHaveLength(1);
    clock.advance(2 * DAY);
    await app.retention.run();
    expect(await app.database.curation.unanswered(10)).toHaveLength(0);
    await app.close();
    // secure_delete: the deleted row's bytes were overwritten, in the file and in its log.
    const file = join(dataDir, 'fysio-assistent.sqlite');
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes('ZQXMARKER')).toBe(false);
  });

  it('the chat page says how long they are kept', async () => {
    const { app: other, base: otherBase } = await started({ RETENTION_UNANSWERED_DAYS: '7' });
    try {
      const page = await (await fetch(`${otherBase}/`)).text();
      expect(page).toMatch(/niet kan beantwoorden, bewaren we 7 dagen zonder gesprek, e-mailadres, telefoonnummer of datum/);
    } finally {
      await other.close();
    }
  });

  it('RETENTION_UNANSWERED_DAYS refuses a bad value with its name', () => {
    expect(() => parseConfig({ RETENTION_UNANSWERED_DAYS: 'a month' })).toThrow(/RETENTION_UNANSWERED_DAYS: expected a number of days/);
    expect(parseConfig({}).retention.unansweredDays).toBe(30);
  });
});

describe('database files', () => {
  it('the data folder is 0700 and the database and its log 0600', async () => {
    const { app, base, dataDir } = await started();
    try {
      await chat(base, 'perm-1')('hallo');
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const file = join(dataDir, 'fysio-assistent.sqlite');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) expect([f, statSync(f).mode & 0o777]).toEqual([f, 0o600]);
      expect(existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('deleted bookings are not readable in the file ("verwijder mijn gegevens")', async () => {
    const { app, dataDir } = await started();
    const now = new Date('2026-11-23T09:00:00Z');
    await app.database.bookings.create({
      reference: 'QWZ234', userKey: 'emulator:secure-delete', channel: 'emulator', locale: 'nl-NL', status: 'confirmed',
      name: 'Wilhelmina Zeldzaamnaam', birthDate: '1961-03-14', phone: '+31612345678', email: 'wilhelmina@example.nl',
      start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T09:30:00Z'),
      locationId: app.knowledge.practice.locations[0].id, appointmentTypeId: app.knowledge.practice.appointmentTypes[0].id,
      complaint: { joint: 'knee', side: 'left', since: 'lang' }, hasReferral: false, screening: {}, createdAt: now, updatedAt: now, lastEvent: 'new',
    });
    expect(await app.database.bookings.deleteForUser('emulator:secure-delete', now)).toBe(1);
    // The row stays, cancelled, so staff see the slot came free: without anything about her.
    expect(await app.database.bookings.findByReference('QWZ234')).toMatchObject({ status: 'cancelled', lastEvent: 'deleted', name: '', phone: '', birthDate: '', userKey: '' });
    await app.close();
    const file = readFileSync(join(dataDir, 'fysio-assistent.sqlite'));
    for (const personal of ['Zeldzaamnaam', '612345678', 'wilhelmina@', '1961-03-14', 'secure-delete']) expect([personal, file.includes(personal)]).toEqual([personal, false]);
  });
});

describe('callback requests', () => {
  let app: App;
  let clock: FixedClock;
  let base: string;
  beforeAll(async () => {
    ({ app, clock, base } = await started());
  });
  afterAll(() => app.close());

  it('the patient is told the retention that is enforced, and the number is gone after it', async () => {
    const say = chat(base, 'callback-1');
    let replies = await say('bel me terug');
    for (let i = 0; i < 3 && !/Op welk nummer/.test(textOf(replies)); i++) replies = await say(/Terugbellen/.test(JSON.stringify(replies)) ? 'Terugbellen' : 'ja');
    const ask = textOf(replies);
    expect(ask).toMatch(/Op welk nummer kunnen we je terugbellen\?.*bewaren het tot 30 dagen daarna/);
    await say('0612345678');
    await say('geen');
    const tickets = await app.handoff.queue();
    expect(tickets.find((t) => t.conversationId === 'callback-1')?.callbackPhone).toBeDefined();
    clock.advance(29 * DAY);
    await app.retention.run();
    expect((await app.handoff.queue()).find((t) => t.conversationId === 'callback-1')).toBeDefined();
    clock.advance(2 * DAY);
    await app.retention.run();
    expect((await app.handoff.queue()).find((t) => t.conversationId === 'callback-1')).toBeUndefined();
  });
});

describe('the transcript a contact centre receives with handoff.initiate', () => {
  it('shows a patient\'s Markdown as typed, not as a link', async () => {
    const { app, base } = await started();
    try {
      // A receptionist signed in with the console's live queue open: the chat may wait for them.
      await app.consoleSessions.create('anna');
      app.handoff.watch(() => undefined);
      const say = chat(base, 'markdown-1');
      await say('[klik hier](https://evil.example/login) en **nu** <b>echt</b>');
      await say('ik wil een medewerker spreken');
      const replies = await say('In de chat wachten');
      const initiate = replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
      expect(initiate).toBeDefined();
      const transcript = JSON.stringify(initiate!.attachments?.[0]?.content);
      expect(transcript).toContain('\\\\[klik hier\\\\]\\\\(https://evil\\\\.example/login\\\\)');
      expect(transcript).not.toMatch(/[^\\]\[klik hier\]\(/);
      expect(transcript).toContain('\\\\*\\\\*nu\\\\*\\\\*');
    } finally {
      await app.close();
    }
  });
});

describe('booking lookups by reference and date of birth', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    ({ app, base } = await started());
  });
  afterAll(() => app.close());

  async function lookUp(conversation: string, reference: string): Promise<string> {
    return (await lookUpTwice(conversation, reference, false))[0];
  }

  /** A date of birth, and once more after "not found" (a typo may be corrected once): two lookups. */
  async function lookUpTwice(conversation: string, reference: string, second = true): Promise<string[]> {
    const say = chat(base, conversation);
    await say('afspraak annuleren');
    await say(reference);
    const first = textOf(await say('14-03-1961'));
    return second ? [first, textOf(await say('15-03-1961'))] : [first];
  }

  it('are limited per reference, from whichever conversation', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push(await lookUp(`lookup-ref-${i}`, 'KX7-4PM'));
    expect(answers.slice(0, 5).every((a) => /Ik vind geen afspraak/.test(a))).toBe(true);
    expect(answers[5]).toMatch(/te vaak een afspraak opgezocht/);
  });

  it('are limited per client, whichever reference', async () => {
    const refs = ['AB2-345', 'AB2-346', 'AB2-347', 'AB2-348', 'AB2-349'];
    const answers: string[] = [];
    for (const ref of refs) answers.push(...(await lookUpTwice('lookup-client', ref)));
    answers.push(...(await lookUpTwice('lookup-client', 'AC2-345', false)));
    expect(answers.slice(0, 10).every((a) => /Ik vind geen afspraak/.test(a))).toBe(true);
    expect(answers[10]).toMatch(/te vaak een afspraak opgezocht/);
  });
});
