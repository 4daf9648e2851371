import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import BetterSqlite3 from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { BotStorage, PostgresDatabase, SqliteDatabase, StateWriterFailedError, WorkerStateWriter } from '../src/storage';
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
    await expect(db.connect()).rejects.toThrow(/DATABASE_URL/);
    await db.close();
  });
});

describe('SQLite conversation state kept in memory', () => {
  const key = (n: number) => `webchat/conversations/c${n}/`;
  const open = (file: string, c = new FixedClock(clock.now()), limits?: { entries: number; chars: number }) => {
    const db = new SqliteDatabase(file, c, limits ? { stateCache: limits } : {});
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

  it('forgets a user\'s states deleted on request, and a deleted key stays deleted', async () => {
    const { db, storage } = open(freshFile());
    await storage.write({ 'webchat/users/u1/': { locale: 'nl-BE' }, 'webchat/users/u2/': { locale: 'nl-NL' }, [key(3)]: { v: 3 } });
    await storage.read(['webchat/users/u1/', 'webchat/users/u2/', key(3)]);
    expect(await db.deleteByPrefix('webchat/users/u1')).toBe(1);
    await storage.delete([key(3)]);
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

  it('holds at most its limit in memory and reads the rest from the file', async () => {
    const { db, storage } = open(freshFile(), undefined, { entries: 3, chars: 10_000 });
    for (let i = 0; i < 10; i++) await storage.write({ [key(i)]: { v: i } });
    expect(db.cachedStates).toBe(3);
    const all = await storage.read(Array.from({ length: 10 }, (_, i) => key(i)));
    expect(Object.values(all).map((item) => item.v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(db.cachedStates).toBe(3);
    await db.close();
  });
});

describe('SQLite state writer thread', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'sq-writer-')), 'state.sqlite');

  it('never lets a read from the file overtake a write still on its way, nor a deletion', async () => {
    // A cache of one key: every other key is read from the file.
    const db = new SqliteDatabase(file(), clock, { stateCache: { entries: 1, chars: 10_000 } });
    db.migrate();
    const writes = [];
    for (let round = 1; round <= 20; round++) {
      for (const k of ['a', 'b', 'c']) writes.push(db.write(k, { round }, undefined, `${k}${round}`));
    }
    // Not awaited: the writes are still on their way to the thread.
    expect(Object.fromEntries([...(await db.readMany(['a', 'b', 'c']))].map(([k, r]) => [k, r.data]))).toEqual({
      a: { round: 20 }, b: { round: 20 }, c: { round: 20 },
    });
    await Promise.all(writes);
    const deleting = db.deleteByPrefix('b');
    expect([...(await db.readMany(['a', 'b', 'c'])).keys()]).toEqual(['a', 'c']);
    expect(await deleting).toBe(1);
    await db.close();
  });

  it('never serves a checked write over a later change to the same key made in the same turn', async () => {
    const db = new SqliteDatabase(file(), clock);
    db.migrate();
    await db.write('k', { v: 0 }, undefined, 'e0');
    const checked = db.write('k', { v: 1 }, 'e0', 'e1');
    const plain = db.write('k', { v: 2 }, undefined, 'e2');
    await Promise.all([checked, plain]);
    expect((await db.readMany(['k'])).get('k')?.data).toEqual({ v: 2 });

    const checkedAgain = db.write('k', { v: 3, phone: '0612345678' }, 'e2', 'e3');
    const forgotten = db.deleteByPrefix('k');
    await Promise.all([checkedAgain, forgotten]);
    expect(await db.readMany(['k'])).toEqual(new Map());
    await db.close();
  });

  it('fails a change that SQLite refuses on its own; the rest of its batch and later ones are stored', async () => {
    const path = file();
    const db = new SqliteDatabase(path, clock);
    db.migrate();
    const writer = new WorkerStateWriter(path);
    const change = (key: string, json: string | null) => writer.apply({ kind: 'write', key, json: json as string, etag: `e-${key}`, now: 0 });
    const results = await Promise.allSettled([change('a', '{"v":1}'), change('b', null), change('c', '{"v":3}')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    await expect(change('d', '{"v":4}')).resolves.toBe('written');
    expect(writer.failed).toBeUndefined();
    await writer.close();
    const check = new BetterSqlite3(path, { readonly: true });
    expect((check.prepare('SELECT key FROM bot_state ORDER BY key').all() as { key: string }[]).map((r) => r.key)).toEqual(['a', 'c', 'd']);
    check.close();
    await db.close();
  });

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

  it('stores what was written before close, and refuses what comes after', async () => {
    const path = file();
    const db = new SqliteDatabase(path, clock);
    db.migrate();
    const before = [1, 2, 3].map((i) => db.write(`k${i}`, { v: i }, undefined, `e${i}`));
    const closing = db.close();
    await expect(Promise.all(before)).resolves.toEqual(['written', 'written', 'written']);
    await closing;
    await expect(db.write('late', { v: 4 }, undefined, 'e4')).rejects.toThrow(/writer is closed/);
    const check = new BetterSqlite3(path, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM bot_state').get() as { n: number }).n).toBe(3);
    check.close();
  });

  it('keeps a script that awaits a write running until the write is stored', () => {
    const path = file();
    const script = `
      const { SqliteDatabase } = require('./src/storage');
      const db = new SqliteDatabase(${JSON.stringify(path)}, { now: () => new Date() });
      db.migrate();
      db.write('k', { v: 1 }, undefined, 'e1').then(() => console.log('stored'));`;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout.trim()).toBe('stored');
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.prepare('SELECT data FROM bot_state WHERE key = ?').get('k')).toEqual({ data: '{"v":1}' });
    check.close();
  });

  it('stops acknowledging writes, and fails the readiness check, once its thread has died', async () => {
    let thread: Worker | undefined;
    const db = new SqliteDatabase(file(), clock, { onStateWriter: (w) => (thread = w) });
    db.migrate();
    await expect(db.write('k', { v: 1 }, undefined, 'e1')).resolves.toBe('written');
    await thread!.terminate();
    await expect(db.write('k', { v: 2 }, undefined, 'e2')).rejects.toBeInstanceOf(StateWriterFailedError);
    await expect(db.ping()).rejects.toThrow(/conversation-state writer stopped .*restart the service/);
    // What was acknowledged is still there for a restarted service.
    const again = new SqliteDatabase(join(db.db.name, '..', 'state.sqlite'), clock);
    again.migrate();
    await db.close();
    expect((await again.readMany(['k'])).get('k')?.data).toEqual({ v: 1 });
    await again.close();
  });
});
