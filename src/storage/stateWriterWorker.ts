/**
 * The state writer's thread (see {@link WorkerStateWriter}): applies the changes it is sent to
 * the SQLite file in the order they arrive. Changes that arrive together are applied in one
 * transaction and made durable by one fsync of the write-ahead log before any of them is
 * acknowledged. A failed commit or fsync stops the writer for good: the kernel may have dropped
 * pages it could not write, so a later success would prove nothing.
 */
import { fsyncSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, WalFile } from './SqliteConnection';
import type { StateChangeResult } from './StateChange';
import { SqliteStateTable } from './SqliteStateTable';
import type { WriterReply, WriterRequest, WriterResult, WriterSetup } from './WriterMessages';

const port = parentPort;
if (!port) throw new Error('stateWriterWorker runs as a worker thread of WorkerStateWriter');
const { file } = workerData as WriterSetup;
const db = openSqlite(file);
const wal = new WalFile(file);
let table: SqliteStateTable | undefined;
let queue: WriterRequest[] = [];
let scheduled = false;
let stopped = false;

port.on('message', (requests: WriterRequest[]) => {
  queue.push(...requests);
  if (!scheduled) {
    scheduled = true;
    // Every message already in the port is delivered before this runs: one transaction, one fsync.
    setImmediate(applyBatch);
  }
});

function applyBatch(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  if (stopped) return;
  const done: WriterResult[] = [];
  try {
    // The table exists once the event loop's connection has migrated, before the first change.
    table ??= new SqliteStateTable(db);
    const current = table;
    // IMMEDIATE: a checked write reads before it writes, and the event loop's connection may
    // commit in between; the write lock is taken first instead (waiting out the busy timeout).
    db.transaction(() => {
      for (const { id, change } of batch) {
        let result: StateChangeResult | { error: string };
        try {
          result = current.apply(change);
        } catch (err) {
          // This change only: SQLite rolled back the statement, the others stand.
          result = { error: (err as Error).message };
        }
        done.push([id, result]);
      }
    }).immediate();
    fsyncSync(wal.fd());
  } catch (err) {
    stopped = true;
    port!.postMessage({ failed: (err as Error).message } satisfies WriterReply);
    return;
  }
  port!.postMessage({ done } satisfies WriterReply);
}
