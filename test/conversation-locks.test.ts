import { MemoryStorage } from 'botbuilder';
import { PostgresLocks } from '../src/storage/PostgresLocks';
import { ConversationBusyError, LocalLocks, type ConversationLocks } from '../src/util/ConversationLocks';
import { freshPostgresUrl } from './helpers/postgres';
import { buildTestApp, conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

/** A promise and the function that settles it: a turn that runs until the test lets it end. */
function gate(): { open: () => void; closed: Promise<void> } {
  let open!: () => void;
  const closed = new Promise<void>((done) => (open = done));
  return { open, closed };
}

/** Fails instead of hanging when `p` does not settle in time (an unbounded wait). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_ok, fail) => (timer = setTimeout(() => fail(new Error(`still waiting after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Starts a run that holds `key` until its gate opens; resolves once it holds the lock. */
async function hold(locks: ConversationLocks, key: string): Promise<{ release: () => void; done: Promise<void> }> {
  const g = gate();
  const holding = gate();
  const done = locks.run(key, async () => {
    holding.open();
    await g.closed;
  });
  await holding.closed;
  return { release: g.open, done };
}

describe.each([
  ['in one process', async () => ({ a: new LocalLocks(300) as ConversationLocks, b: undefined as ConversationLocks | undefined, close: async () => undefined })],
  ['across instances (PostgreSQL)', async () => {
    const url = await freshPostgresUrl();
    const a = new PostgresLocks(url, 2, 300);
    const b = new PostgresLocks(url, 2, 300);
    return { a: a as ConversationLocks, b: b as ConversationLocks | undefined, close: async () => { await a.close(); await b.close(); } };
  }],
])('a conversation\'s lock %s', (_where, make) => {
  let a: ConversationLocks;
  let b: ConversationLocks;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const made = await make();
    a = made.a;
    b = made.b ?? made.a;
    close = made.close;
  });
  afterAll(() => close());

  it('is waited for a bounded time: the turn behind a long one gets ConversationBusyError and never runs; later ones run', async () => {
    const holder = await hold(a, 'turn:test:long');
    let ran = false;
    const started = Date.now();
    await expect(within(b.run('turn:test:long', async () => (ran = true)), 5000)).rejects.toBeInstanceOf(ConversationBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(ran).toBe(false);
    // Another conversation is not held up meanwhile.
    expect(await within(b.run('turn:test:other', async () => 'other'), 5000)).toBe('other');
    holder.release();
    await holder.done;
    expect(await within(b.run('turn:test:long', async () => 'after'), 5000)).toBe('after');
  });

  it('a turn that gave up holds up nobody: the next one runs as soon as the long one ends', async () => {
    const holder = await hold(a, 'turn:test:queue');
    await expect(within(b.run('turn:test:queue', async () => 'never'), 5000)).rejects.toBeInstanceOf(ConversationBusyError);
    const next = b.run('turn:test:queue', async () => 'next');
    holder.release();
    expect(await within(next, 5000)).toBe('next');
  });
});

describe('the PostgreSQL lock pool', () => {
  it('a turn that finds every lock connection in use gets ConversationBusyError after the wait, not an error', async () => {
    const locks = new PostgresLocks(await freshPostgresUrl(), 1, 300);
    try {
      const holder = await hold(locks, 'turn:test:one');
      await expect(within(locks.run('turn:test:two', async () => 'two'), 5000)).rejects.toBeInstanceOf(ConversationBusyError);
      holder.release();
      await holder.done;
      expect(await locks.run('turn:test:two', async () => 'two')).toBe('two');
    } finally {
      await locks.close();
    }
  });
});

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('a message while the conversation\'s previous turn still runs (%s)', (_name, postgres) => {
  it.each([
    ['nl-NL', 'hoeveel kost een behandeling?', /nog bezig met je vorige bericht.*over een paar tellen/],
    ['nl-BE', 'hoeveel kost een behandeling?', /nog bezig met je vorige bericht.*binnen enkele seconden/],
  ])('in %s "%s" gets, after TURN_LOCK_WAIT_SECONDS, a friendly request to send it again', async (locale, text, expected) => {
    const env = { TURN_LOCK_WAIT_SECONDS: '1', ...(postgres ? { DATABASE_URL: await freshPostgresUrl() } : {}) };
    const { app } = await buildTestApp(env, new MemoryStorage());
    try {
      const adapter = testAdapterFor(app, locale);
      const [booking] = await converse(adapter, ['Afspraak maken']);
      expect(booking.actions.length).toBeGreaterThan(0);
      const holder = await hold(app.database.turns, `turn:test:${conversationIdOf(adapter)}`);
      const [busy] = await within(converse(adapter, [text]), 10000);
      expect(busy.text).toMatch(expected);
      holder.release();
      await holder.done;
      // The booking the patient was in is still there: nothing was reset.
      const [next] = await converse(adapter, ['ja']);
      expect(next.text).not.toMatch(/nog bezig|iets mis/);
      expect(next.text).toMatch(/knie|heup|gewricht/i);
    } finally {
      await app.close();
    }
  }, 60000);

  it.each([
    ['nl-NL', 'ik heb ineens hevige pijn op de borst en ben benauwd', /Bel nu 112/, /112/],
    ['nl-BE', 'ik zie het echt ni meer zitten, ik wil er ni meer zijn', /113/, /113/],
  ])('in %s a red flag "%s" gets its instruction at once, and is kept once the turn before it has saved', async (locale, text, instruction, reminder) => {
    const env = { TURN_LOCK_WAIT_SECONDS: '1', ...(postgres ? { DATABASE_URL: await freshPostgresUrl() } : {}) };
    const { app } = await buildTestApp(env, new MemoryStorage());
    try {
      const adapter = testAdapterFor(app, locale);
      await converse(adapter, ['Afspraak maken']);
      const holder = await hold(app.database.turns, `turn:test:${conversationIdOf(adapter)}`);
      const [alarm] = await within(converse(adapter, [text]), 10000);
      expect(alarm.text).toMatch(instruction);
      holder.release();
      await holder.done;
      await within(app.bot.settled(), 10000);
      // The booking in progress stopped; a question gets its answer with the tier's reminder, and no booking.
      const replies = await converse(adapter, ['hoeveel kost een behandeling?']);
      expect(replies[0].text).not.toMatch(/welk gewricht|knie of heup/i);
      expect(replies[0].text).toMatch(reminder);
      expect(replies.flatMap((r) => r.actions).join(' ')).not.toMatch(/afspraak maken/i);
    } finally {
      await app.close();
    }
  }, 60000);

  it('a sign for the GP this week in a busy turn gets its instruction, and the booking in progress stays (booking is allowed after it)', async () => {
    const env = { TURN_LOCK_WAIT_SECONDS: '1', ...(postgres ? { DATABASE_URL: await freshPostgresUrl() } : {}) };
    const { app } = await buildTestApp(env, new MemoryStorage());
    try {
      const adapter = testAdapterFor(app, 'nl-NL');
      await converse(adapter, ['Afspraak maken']);
      const holder = await hold(app.database.turns, `turn:test:${conversationIdOf(adapter)}`);
      const [alarm] = await within(converse(adapter, ['ik word elke nacht wakker van de pijn in mijn heup en ben zomaar 5 kilo afgevallen']), 10000);
      expect(alarm.text).toMatch(/huisarts/);
      holder.release();
      await holder.done;
      await within(app.bot.settled(), 10000);
      const [next] = await converse(adapter, ['ja']);
      expect(next.text).toMatch(/knie|heup|gewricht/i);
    } finally {
      await app.close();
    }
  }, 60000);
});
