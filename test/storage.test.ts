import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import BetterSqlite3 from 'better-sqlite3';
import { BotStorage, PostgresDatabase, SqliteDatabase } from '../src/storage';
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
      await db.connect();
      await db.migrate();
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
  ])('keep the conversations of a database from before version %i, and retention still works', async (before, applied) => {
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
    await expect(db.connect()).rejects.toThrow(/DATABASE_URL/);
    await db.close();
  });
});
