import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupSync, SqliteDatabase, SqliteBookingRepository, SyncFailedError } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import type { Booking } from '../src/booking/Booking';

/** A flush the test finishes by hand, counting how many were started. */
class ManualFlush {
  started = 0;
  private finishers: { resolve(): void; reject(e: Error): void }[] = [];
  readonly flush = (): Promise<void> => {
    this.started += 1;
    return new Promise<void>((resolve, reject) => this.finishers.push({ resolve, reject }));
  };
  finish(): void {
    this.finishers.shift()!.resolve();
  }
  fail(message: string): void {
    this.finishers.shift()!.reject(new Error(message));
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function tracked(p: Promise<void>): { done: () => boolean; error: () => unknown } {
  let done = false;
  let error: unknown;
  p.then(() => (done = true), (e: unknown) => (error = e));
  return { done: () => done, error: () => error };
}

describe('GroupSync (group commit of the write-ahead log)', () => {
  it('acknowledges a write only after a flush that started after it', async () => {
    const disk = new ManualFlush();
    const sync = new GroupSync(disk.flush);
    const first = tracked(sync.durable());
    const second = tracked(sync.durable()); // arrives while the first flush runs
    await settle();
    expect(disk.started).toBe(1);
    disk.finish();
    await settle();
    expect(first.done()).toBe(true);
    expect(second.done()).toBe(false); // the running flush may have begun before its commit
    expect(disk.started).toBe(2);
    disk.finish();
    await settle();
    expect(second.done()).toBe(true);
  });

  it('covers everyone who arrives during a flush with one next flush', async () => {
    const disk = new ManualFlush();
    const sync = new GroupSync(disk.flush);
    const first = tracked(sync.durable());
    const waiting = Array.from({ length: 20 }, () => tracked(sync.durable()));
    disk.finish();
    await settle();
    disk.finish();
    await settle();
    expect(first.done()).toBe(true);
    expect(waiting.every((w) => w.done())).toBe(true);
    expect(disk.started).toBe(2);
  });

  it('stops acknowledging anything after a failed flush', async () => {
    const disk = new ManualFlush();
    const sync = new GroupSync(disk.flush);
    const first = tracked(sync.durable());
    const second = tracked(sync.durable());
    disk.fail('EIO');
    await settle();
    expect(first.error()).toBeInstanceOf(SyncFailedError);
    expect(second.error()).toBeInstanceOf(SyncFailedError);
    await expect(sync.durable()).rejects.toThrow(/flushing the write-ahead log to disk failed \(EIO\)/);
    expect(disk.started).toBe(1);
  });
});

describe('SqliteDatabase acknowledges writes once they are on disk', () => {
  const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
  // State written on the event loop's connection, so that the injected flush decides for it too.
  const open = (flushLog: () => Promise<void>) => {
    const db = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'gs-')), 'state.sqlite'), clock, { flushLog, stateWrites: 'inline' });
    db.migrate();
    return db;
  };

  it('holds a state write and a booking until the log is flushed', async () => {
    const disk = new ManualFlush();
    const db = open(disk.flush);
    const state = tracked(db.write('k', { v: 1 }, undefined, 'e1').then(() => undefined));
    await settle();
    expect(state.done()).toBe(false);
    disk.finish();
    await settle();
    expect(state.done()).toBe(true);

    const booking: Booking = {
      reference: 'FY-TEST1', status: 'confirmed', locationId: 'main', appointmentTypeId: 'intake',
      start: new Date('2026-11-24T09:00:00Z'), end: new Date('2026-11-24T09:45:00Z'),
      name: 'Test Patiënt', birthDate: '1960-01-01', phone: '+31612345678', complaint: { joint: 'knee' }, screening: {},
      userKey: 'test:u', channel: 'test', locale: 'nl-NL', createdAt: clock.now(), updatedAt: clock.now(), lastEvent: 'new',
    };
    const claim = new SqliteBookingRepository(db).create(booking);
    const claimed = tracked(claim.then(() => undefined));
    await settle();
    expect(claimed.done()).toBe(false);
    disk.finish();
    await expect(claim).resolves.toBe('created');
    const closing = db.close();
    await settle();
    disk.finish();
    await closing;
  });

  it('fails the turn and the readiness check when the disk refuses a flush', async () => {
    const disk = new ManualFlush();
    const db = open(disk.flush);
    const write = db.write('k', { v: 1 }, undefined, 'e1');
    await settle();
    disk.fail('EIO');
    await expect(write).rejects.toBeInstanceOf(SyncFailedError);
    await expect(db.ping()).rejects.toBeInstanceOf(SyncFailedError);
    await expect(db.write('k2', { v: 2 }, undefined, 'e2')).rejects.toBeInstanceOf(SyncFailedError);
    await db.close();
  });

  it('flushes the real -wal file when no flush is injected', async () => {
    const db = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'gs-')), 'state.sqlite'), clock);
    db.migrate();
    await expect(db.write('k', { v: 1 }, undefined, 'e1')).resolves.toBe('written');
    await expect(db.readMany(['k'])).resolves.toEqual(new Map([['k', { etag: 'e1', data: { v: 1 }, json: '{"v":1}' }]]));
    await db.close();
  });
});
