/**
 * The state writer's thread (see {@link WorkerStateWriter}): applies the changes it is sent to
 * the SQLite file in the order they arrive. Changes that arrive together are applied in one
 * transaction and made durable by one fsync of the write-ahead log before any of them is
 * acknowledged.
 *
 * A change that fails fails alone; a batch whose transaction cannot begin (the file locked for
 * longer than the busy timeout) or was rolled back by a failure fails as a whole, and the next
 * batch is tried as usual. A failed commit or fsync stops the writer for good: the kernel may
 * have dropped pages it could not write, so a later success would prove nothing.
 */
import { fsyncSync } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openSqlite } from './openSqlite';
import type { StateChangeResult } from './StateChange';
import { SqliteStateTable } from './SqliteStateTable';
import { WalFile } from './WalFile';
import type { WriterCommand, WriterReply, WriterRequest, WriterResult, WriterSetup } from './WriterMessages';

if (!parentPort) throw new Error('stateWriterWorker runs as a worker thread of WorkerStateWriter');
const port: MessagePort = parentPort;
const { file, busyTimeoutMs } = workerData as WriterSetup;
const db = openSqlite(file, busyTimeoutMs);
const wal = new WalFile(file);
let table: SqliteStateTable | undefined;
let queue: WriterRequest[] = [];
let scheduled = false;
let stopped = false;
let closing = false;

port.on('message', (command: WriterCommand) => {
  if ('close' in command) closing = true;
  else queue.push(...command.changes);
  if (!scheduled) {
    scheduled = true;
    // Every message already in the port is delivered before this runs: one transaction, one fsync.
    setImmediate(run);
  }
});

function run(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  if (batch.length && !stopped) applyBatch(batch);
  if (closing) {
    // Closing its own connection and log lets the thread end by itself, nothing left open.
    db.close();
    wal.close();
    port.close();
  }
}

function applyBatch(batch: WriterRequest[]): void {
  const failAll = (reason: string) => reply({ done: batch.map(({ id }): WriterResult => [id, { error: reason }]) });
  try {
    // The table exists once the event loop's connection has migrated, before the first change.
    table ??= new SqliteStateTable(db);
    // IMMEDIATE: a checked write reads before it writes, and the event loop's connection may
    // commit in between; the write lock is taken first instead (waiting out the busy timeout).
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    failAll((err as Error).message);
    return;
  }
  const done: WriterResult[] = [];
  for (const { id, change } of batch) {
    let result: StateChangeResult | { error: string };
    try {
      result = table.apply(change);
    } catch (err) {
      // SQLite rolled back this change's statement; the others stand, unless the failure
      // rolled back the whole transaction (checked below).
      result = { error: (err as Error).message };
    }
    done.push([id, result]);
    if (!db.inTransaction) break;
  }
  if (!db.inTransaction) {
    failAll('the transaction was rolled back: nothing of this batch was stored');
    return;
  }
  try {
    db.exec('COMMIT');
    fsyncSync(wal.fd());
  } catch (err) {
    stopped = true;
    reply({ failed: (err as Error).message });
    return;
  }
  reply({ done });
}

function reply(message: WriterReply): void {
  port.postMessage(message);
}
