import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import BetterSqlite3 from 'better-sqlite3';
import { BotStorage } from '../src/bot/BotStorage';
import { PostgresDatabase, SqliteDatabase } from '../src/storage';
import { MIGRATIONS } from '../src/storage/migrations';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';

const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));

interface Backend {
  name: string;
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
}

const backends: Backend[] = [
  { name: 'MemoryStorage (botbuilder)', open: async () => ({ storage: new MemoryStorage(), close: async () => undefined }) },
  {
    name: 'SQLite',
    open: async () => {
      const db = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'sq-')), 'state.sqlite'), clock);
      db.migrate();
      return { storage: new BotStorage(db), close: () => db.close() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = new PostgresDatabase(await freshPostgresUrl(), clock);
      await db.open();
      return { storage: new BotStorage(db), close: () => db.close() };
    },
  },
];

describe.each(backends)('botbuilder Storage conformance: $name', (backend) => {
  let storage: Storage;
  let close: () => Promise<void>;
  beforeEach(async () => ({ storage, close } = await backend.open()));
  afterEach(() => close());

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ a: { n: 1, nested: { s: 'x' } } });
    const items = await storage.read(['a', 'missing']);
    expect(items.a).toMatchObject({ n: 1, nested: { s: 'x' } });
    expect(typeof items.a.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('refuses a write with a stale eTag', async () => {
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toThrow();
    expect((await storage.read(['k'])).k.v).toBe(2);
  });

  it('overwrites with eTag "*" or without an eTag', async () => {
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k.v).toBe(2);
    await storage.write({ k: { v: 3 } });
    expect((await storage.read(['k'])).k.v).toBe(3);
  });

  it('accepts any eTag for a new key', async () => {
    await storage.write({ fresh: { v: 1, eTag: 'made-up' } });
    expect((await storage.read(['fresh'])).fresh.v).toBe(1);
  });

  it('deletes', async () => {
    await storage.write({ d: { v: 1 } });
    await storage.delete(['d']);
    expect((await storage.read(['d'])).d).toBeUndefined();
  });
});

describe('migrations', () => {
  it('run twice without error on SQLite', () => {
    const db = new SqliteDatabase(':memory:', clock);
    expect(db.migrate().length).toBeGreaterThan(0);
    expect(db.migrate()).toEqual([]);
    void db.close();
  });

  // Versions 5 and 6 rebuild bot_state (without a rowid, then with one again).
  it.each([
    [5, [5, 6]],
    [6, [6]],
  ])('keep the conversations of a database from before version %i, and retention still works', async (before, rebuilt) => {
    // The versions after the bot_state rebuilds are applied too.
    const applied = [...rebuilt, ...MIGRATIONS.map((m) => m.version).filter((v) => v > 6)];
    const file = join(mkdtempSync(join(tmpdir(), 'sq-')), 'state.sqlite');
    const old = new BetterSqlite3(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const m of MIGRATIONS.filter((x) => x.version < before)) {
      old.exec(m.sqlite);
      old.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, 0);
    }
    const insert = old.prepare('INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('webchat/conversations/old/', 'e1', JSON.stringify({ memory: { misses: 1 } }), clock.now().getTime() - 90 * 86_400_000);
    insert.run('webchat/conversations/recent/', 'e2', JSON.stringify({ memory: { misses: 2 } }), clock.now().getTime());
    old.close();

    const db = new SqliteDatabase(file, clock);
    expect(db.migrate()).toEqual(applied);
    const storage = new BotStorage(db);
    const items = await storage.read(['webchat/conversations/old/', 'webchat/conversations/recent/']);
    expect(items['webchat/conversations/recent/']).toMatchObject({ memory: { misses: 2 }, eTag: 'e2' });
    // eTags are still checked after the rebuild.
    await expect(storage.write({ 'webchat/conversations/recent/': { memory: { misses: 3 }, eTag: 'stale' } })).rejects.toThrow(/eTag/);
    expect(await db.deleteOlderThan(new Date(clock.now().getTime() - 30 * 86_400_000))).toBe(1);
    expect(Object.keys(await storage.read(['webchat/conversations/old/', 'webchat/conversations/recent/']))).toEqual(['webchat/conversations/recent/']);
    await db.close();
  });

  it('run twice without error on PostgreSQL', async () => {
    const db = new PostgresDatabase(await freshPostgresUrl(), clock);
    await db.migrate();
    expect(await db.migrate()).toEqual([]);
    await db.close();
  });

  it('names DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const db = new PostgresDatabase('postgres://nobody@127.0.0.1:1/none', clock);
    await expect(db.open()).rejects.toThrow(/DATABASE_URL/);
  });
});

describe('SQLite conversation state', () => {
  const key = (n: number) => `webchat/conversations/c${n}/`;
  const open = (file: string, c = new FixedClock(clock.now())) => {
    const db = new SqliteDatabase(file, c);
    db.migrate();
    return { db, storage: new BotStorage(db) };
  };
  const freshFile = () => join(mkdtempSync(join(tmpdir(), 'sq-cache-')), 'state.sqlite');

  it('forgets a state that retention deleted, even one it had just read', async () => {
    const c = new FixedClock(clock.now());
    const { db, storage } = open(freshFile(), c);
    await storage.write({ [key(1)]: { memory: { misses: 1 } } });
    c.advance(31 * 86_400_000);
    await storage.write({ [key(2)]: { memory: { misses: 2 } } });
    expect(Object.keys(await storage.read([key(1), key(2)]))).toEqual([key(1), key(2)]);
    expect(await db.deleteOlderThan(new Date(c.now().getTime() - 30 * 86_400_000))).toBe(1);
    expect(Object.keys(await storage.read([key(1), key(2)]))).toEqual([key(2)]);
    await db.close();
  });

  it('forgets the states deleted on request (a user\'s and a conversation\'s) and keeps the others', async () => {
    const { db, storage } = open(freshFile());
    await storage.write({ 'webchat/users/u1/': { locale: 'nl-BE' }, 'webchat/users/u2/': { locale: 'nl-NL' }, [key(3)]: { v: 3 } });
    await storage.read(['webchat/users/u1/', 'webchat/users/u2/', key(3)]);
    await storage.delete(['webchat/users/u1/', key(3)]);
    expect(Object.keys(await storage.read(['webchat/users/u1/', 'webchat/users/u2/', key(3)]))).toEqual(['webchat/users/u2/']);
    await db.close();
  });

  it('reads a key it found empty once it has been written', async () => {
    const { db, storage } = open(freshFile());
    expect(await storage.read([key(4)])).toEqual({});
    await storage.write({ [key(4)]: { v: 4 } });
    expect((await storage.read([key(4)]))[key(4)]).toMatchObject({ v: 4 });
    await db.close();
  });

  it('hands out a fresh copy on every read, so a turn that fails half-way leaves the stored state as it was', async () => {
    const { db, storage } = open(freshFile());
    await storage.write({ [key(5)]: { memory: { misses: 0 } } });
    const first = (await storage.read([key(5)]))[key(5)] as { memory: { misses: number } };
    first.memory.misses = 99;
    expect((await storage.read([key(5)]))[key(5)]).toMatchObject({ memory: { misses: 0 } });
    await db.close();
  });

  it('keeps what it wrote on disk: another process reads it, and so does a restart', async () => {
    const file = freshFile();
    const { db, storage } = open(file);
    await storage.write({ [key(6)]: { v: 6 } });
    const other = new BetterSqlite3(file, { readonly: true });
    expect(JSON.parse((other.prepare('SELECT data FROM bot_state WHERE key = ?').get(key(6)) as { data: string }).data)).toEqual({ v: 6 });
    other.close();
    await db.close();
    const again = open(file);
    expect((await again.storage.read([key(6)]))[key(6)]).toMatchObject({ v: 6 });
    await again.db.close();
  });
});

describe('SQLite under another connection', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'sq-lock-')), 'state.sqlite');

  it('fails only the turn whose write meets a file locked for longer than the busy timeout, and goes on', async () => {
    const path = file();
    const db = new SqliteDatabase(path, clock, { busyTimeoutMs: 100 });
    db.migrate();
    await db.write('k', { v: 1 }, undefined, 'e1');
    // Another connection (an operator's backup, say) holds the write lock for a while.
    const other = new BetterSqlite3(path);
    other.exec('BEGIN IMMEDIATE');
    await expect(db.write('k', { v: 2 }, undefined, 'e2')).rejects.toThrow(/locked|busy/i);
    other.exec('ROLLBACK');
    other.close();
    await expect(db.write('k', { v: 3 }, undefined, 'e3')).resolves.toBe('written');
    await expect(db.ping()).resolves.toBeUndefined();
    expect((await db.readMany(['k'])).get('k')?.data).toEqual({ v: 3 });
    await db.close();
  });
});
