import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BotStorage, PostgresDatabase, SqliteDatabase } from '../src/storage';
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
