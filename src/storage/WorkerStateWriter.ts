import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { keysOf, type StateChange, type StateChangeResult } from './StateChange';
import type { StateWriter } from './StateWriter';
import { SQLITE_BUSY_TIMEOUT_MS } from './openSqlite';
import { StateWriterFailedError } from './StateWriterFailedError';
import type { WriterCommand, WriterReply, WriterRequest, WriterSetup } from './WriterMessages';

interface Pending {
  resolve(result: StateChangeResult): void;
  reject(err: Error): void;
  keys: string[] | 'all';
}

/**
 * Writes conversation and user states on a worker thread with its own connection to the
 * SQLite file ({@link ./stateWriterWorker}), so that the event loop only hands over the JSON.
 * Every turn saves its state; on the event loop the upsert, its file locks and log writes, the
 * occasional checkpoint and the fsync's hand-off to the thread pool cost as much as a tenth of
 * a booking turn. The thread applies what arrives together in one transaction and one fsync,
 * and acknowledges a change only once it is on disk.
 *
 * It keeps count of the changes not yet applied, per key, so that a read from the database
 * never overtakes a change to the same key ({@link busyWith}, {@link drain}). Fail-stop: once
 * the thread reports a failed commit or fsync, or ends, every change not yet acknowledged and
 * every later one fails, and {@link failed} says why. {@link close} applies what was made before
 * it and refuses what comes after.
 */
export class WorkerStateWriter implements StateWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly pendingKeys = new Map<string, number>();
  private pendingForAll = 0;
  private nextId = 0;
  private appliedUpTo = 0;
  private waiters: { upTo: number; resolve(): void }[] = [];
  /** Changes made in this turn of the event loop, handed to the thread together. */
  private outbox: WriterRequest[] = [];
  private failure?: StateWriterFailedError;
  private closing = false;
  private readonly exited: Promise<void>;

  /**
   * @param busyTimeoutMs how long the thread's connection waits for another's write lock
   * @param onWorker sees the thread once started (tests use it to make it fail)
   */
  constructor(file: string, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS, onWorker?: (worker: Worker) => void) {
    // Compiled, the worker is JavaScript next to this file; under ts-node or Jest it is TypeScript.
    const ext = extname(__filename);
    this.worker = new Worker(join(__dirname, `stateWriterWorker${ext}`), {
      workerData: { file, busyTimeoutMs } satisfies WriterSetup,
      execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
    this.worker.on('message', (reply: WriterReply) => this.receive(reply));
    this.worker.on('error', (err) => this.fail(err.message));
    this.exited = new Promise((resolve) => {
      this.worker.on('exit', (code) => {
        if (this.closing) this.rejectPending(new Error('storage: the conversation-state writer is closed'));
        else this.fail(`its thread ended with code ${code}`);
        resolve();
      });
    });
    // After the listeners, which would hold it again. The thread keeps the process alive only
    // while a change is on its way (see apply): a writer left open with nothing to do (a test
    // that failed half-way) must not, and a script that awaits a write must not end before it.
    this.worker.unref();
    onWorker?.(this.worker);
  }

  apply(change: StateChange): Promise<StateChangeResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('storage: the conversation-state writer is closed'));
    const id = ++this.nextId;
    const keys = keysOf(change);
    if (keys === 'all') this.pendingForAll += 1;
    else for (const key of keys) this.pendingKeys.set(key, (this.pendingKeys.get(key) ?? 0) + 1);
    if (!this.outbox.length) setImmediate(() => this.send());
    this.outbox.push({ id, change });
    if (!this.pending.size) this.worker.ref();
    return new Promise<StateChangeResult>((resolve, reject) => this.pending.set(id, { resolve, reject, keys }));
  }

  /**
   * Hands the changes made since the last hand-off to the thread in one message. Under load
   * the event loop answers several requests per turn of its loop, and each message wakes the
   * sleeping thread, which was the most expensive part of a write on the event loop.
   */
  private send(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (this.failure) return;
    this.worker.postMessage({ changes: batch } satisfies WriterCommand);
  }

  busyWith(key: string): boolean {
    return this.pendingForAll > 0 || this.pendingKeys.has(key);
  }

  drain(): Promise<void> {
    if (this.failure || this.appliedUpTo >= this.nextId) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo: this.nextId, resolve }));
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  async close(): Promise<void> {
    if (this.closing) return this.exited;
    this.closing = true;
    // Nothing new is accepted from here on, so the pending changes only become fewer.
    while (this.pending.size && !this.failure) await this.drain();
    if (!this.failure) this.worker.postMessage({ close: true } satisfies WriterCommand);
    // The thread closes its connection and log and ends; one that does not within a few
    // seconds is stopped.
    const stuck = setTimeout(() => void this.worker.terminate(), 5000).unref();
    await this.exited;
    clearTimeout(stuck);
  }

  private receive(reply: WriterReply): void {
    if ('failed' in reply) {
      this.fail(reply.failed);
      return;
    }
    for (const [id, result] of reply.done) {
      const p = this.settle(id);
      if (!p) continue;
      if (typeof result === 'object') p.reject(new Error(`storage: ${result.error}`));
      else p.resolve(result);
      this.appliedUpTo = id;
    }
    this.wakeWaiters();
  }

  /** Takes a change off the pending lists. */
  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (!this.pending.size) this.worker.unref();
    if (p.keys === 'all') this.pendingForAll -= 1;
    else {
      for (const key of p.keys) {
        const n = (this.pendingKeys.get(key) ?? 1) - 1;
        if (n > 0) this.pendingKeys.set(key, n);
        else this.pendingKeys.delete(key);
      }
    }
    return p;
  }

  private fail(reason: string): void {
    this.failure ??= new StateWriterFailedError(reason);
    this.rejectPending(this.failure);
  }

  /** Fails every change not yet acknowledged, and wakes whoever waits for them. */
  private rejectPending(err: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(err);
    this.appliedUpTo = this.nextId;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const ready = this.waiters.filter((w) => w.upTo <= this.appliedUpTo);
    if (!ready.length) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }
}
