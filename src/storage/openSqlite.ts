import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** How long a connection waits for another's write lock before it gives up, by default. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a connection to the service's SQLite file as every connection of it must be: WAL mode,
 * `synchronous = NORMAL` (a commit is crash-safe but not yet on disk: the caller makes its
 * writes durable with {@link WalFile}), foreign keys on, and a busy timeout, since the event
 * loop's connection and the state writer's (a worker thread) write the same file.
 */
export function openSqlite(file: string, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  return db;
}
