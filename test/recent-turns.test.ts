import { MemoryStorage } from 'botbuilder';
import { Pool } from 'pg';
import type { App } from '../src/app/createApp';
import { RecentTurns } from '../src/handoff/RecentTurns';
import type { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';
import { buildTestApp, conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

const HOUR = 3_600_000;

const at = new Date('2026-03-02T09:00:00Z');
const texts = (recent: RecentTurns, id: string) => recent.of(id).map((l) => l.text);

describe('the recent lines kept for a handoff', () => {
  it('keeps the last lines of each conversation, in order', () => {
    const recent = new RecentTurns(3, 10);
    for (const t of ['een', 'twee', 'drie', 'vier']) recent.add('a', 'patient', t, at);
    recent.add('b', 'bot', 'hallo', at);
    recent.add('a', 'bot', 'vijf', at);
    expect(texts(recent, 'a')).toEqual(['drie', 'vier', 'vijf']);
    expect(texts(recent, 'b')).toEqual(['hallo']);
  });

  it("gives the patient's own lines, with their times, for reading a burst of messages together", () => {
    const recent = new RecentTurns(12, 10);
    recent.add('a', 'patient', 'mijn knie', at);
    recent.add('a', 'bot', 'Wat wil je weten over je knie?', at);
    recent.add('a', 'patient', 'is dik', new Date(at.getTime() + 60_000));
    expect(recent.patientSaid('a')).toEqual([{ text: 'mijn knie', at: at.getTime() }, { text: 'is dik', at: at.getTime() + 60_000 }]);
    expect(recent.patientSaid('b')).toEqual([]);
  });

  it('forgets the least recently active conversation first, however many lines a turn adds', () => {
    const recent = new RecentTurns(12, 2);
    recent.add('a', 'patient', 'a1', at);
    recent.add('b', 'patient', 'b1', at);
    recent.add('b', 'bot', 'b2', at);
    // a is active again (two lines in a row), so b is now the oldest.
    recent.add('a', 'patient', 'a2', at);
    recent.add('a', 'bot', 'a3', at);
    recent.add('c', 'patient', 'c1', at);
    expect(texts(recent, 'b')).toEqual([]);
    expect(texts(recent, 'a')).toEqual(['a1', 'a2', 'a3']);
    recent.add('c', 'bot', 'c2', at);
    recent.add('d', 'patient', 'd1', at);
    expect(texts(recent, 'a')).toEqual([]);
    expect(texts(recent, 'c')).toEqual(['c1', 'c2']);
  });

  it('starts afresh after forgetting a conversation', () => {
    const recent = new RecentTurns(12, 2);
    recent.add('a', 'patient', 'a1', at);
    recent.forget('a');
    recent.add('a', 'patient', 'a2', at);
    recent.add('b', 'patient', 'b1', at);
    recent.add('c', 'patient', 'c1', at);
    expect(texts(recent, 'a')).toEqual([]);
    expect(texts(recent, 'b')).toEqual(['b1']);
  });
});

describe('the sweep of the recent lines', () => {
  it('forgets conversations quiet since the cut-off, except those a person holds', () => {
    const recent = new RecentTurns(12, 10);
    const hour = 3_600_000;
    recent.add('quiet', 'patient', 'q1', new Date(at.getTime()));
    recent.add('held', 'patient', 'h1', new Date(at.getTime() + hour));
    recent.add('busy', 'patient', 'b1', new Date(at.getTime()));
    recent.add('busy', 'bot', 'b2', new Date(at.getTime() + 3 * hour));
    expect(recent.sweep(new Date(at.getTime() + 2 * hour), new Set(['held']))).toBe(1);
    expect(texts(recent, 'quiet')).toEqual([]);
    expect(texts(recent, 'held')).toEqual(['h1']);
    expect(texts(recent, 'busy')).toEqual(['b1', 'b2']);
  });
});

const QUESTION = 'mag ik sporten met knieartrose?';
const ASK = 'ik wil een medewerker spreken';

describe.each([
  ['in this process (SQLite)', false],
  ['in PostgreSQL', true],
])('the lines kept for a handoff, %s', (_where, postgres) => {
  let app: App;
  let clock: FixedClock;
  let url: string | undefined;
  beforeAll(async () => {
    url = postgres ? await freshPostgresUrl() : undefined;
    ({ app, clock } = await buildTestApp({ ...(url ? { DATABASE_URL: url } : {}), RETENTION_RECENT_LINES_HOURS: '2' }, new MemoryStorage()));
    // A receptionist with the live queue open: the patient may wait in the chat.
    app.handoff.watch(() => undefined);
  });
  afterAll(() => app.close());

  const ticketOf = async (conversation: string) => (await app.handoff.queue()).find((t) => t.conversationId === conversation);
  const rows = async (conversation: string) => {
    const pool = new Pool({ connectionString: url });
    try {
      return (await pool.query('SELECT 1 FROM recent_turns WHERE conversation_id = $1', [conversation])).rowCount;
    } finally {
      await pool.end();
    }
  };

  it('reach the ticket when the patient asks for a person within the window', async () => {
    const adapter = testAdapterFor(app);
    await converse(adapter, [QUESTION]);
    clock.advance(HOUR);
    await app.retention.run();
    await converse(adapter, [ASK, 'In de chat wachten']);
    expect((await ticketOf(conversationIdOf(adapter)))!.messages.map((m) => m.text)).toContain(QUESTION);
  });

  it('are gone once the conversation has been quiet for RETENTION_RECENT_LINES_HOURS, whatever else happens', async () => {
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    await converse(adapter, [QUESTION]);
    if (postgres) expect(await rows(conversation)).toBe(1);
    clock.advance(2 * HOUR + 60_000);
    await app.retention.run();
    if (postgres) expect(await rows(conversation)).toBe(0);
    await converse(adapter, [ASK, 'In de chat wachten']);
    const lines = (await ticketOf(conversation))!.messages.map((m) => m.text);
    expect(lines).toContain(ASK);
    expect(lines).not.toContain(QUESTION);
  });

  it('let a sign told over a few short messages be read together', async () => {
    const r = await converse(testAdapterFor(app), ['mijn rechterknie', 'is sinds vannacht dik', 'en warm', 'en ik heb 39 graden']);
    expect(r.map((reply) => reply.text)).toContainEqual(expect.stringMatching(/huisartsenpost/));
  });

  it('stay while a person holds the conversation', async () => {
    const adapter = testAdapterFor(app);
    const conversation = conversationIdOf(adapter);
    await converse(adapter, [ASK, 'In de chat wachten']);
    clock.advance(3 * HOUR);
    await app.retention.run();
    if (postgres) expect(await rows(conversation)).toBe(1);
    // Back to the bot, and a person asked for again: the new ticket starts with the earlier lines.
    await app.handoff.release((await ticketOf(conversation))!.id);
    await converse(adapter, [ASK, 'In de chat wachten']);
    expect((await ticketOf(conversation))!.messages.filter((m) => m.text === ASK)).toHaveLength(2);
  });
});
