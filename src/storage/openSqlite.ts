import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** How long a connection waits for another's write lock before it gives up, by default. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a connection to the service's SQLite file as every connection of it must be: WAL mode,
 * `synchronous = NORMAL` (a commit survives a crash of the process but is not yet on disk: a
 * write that must survive a power cut commits with `FULL`, see `SqliteClient`),
 * foreign keys on, and a busy timeout, since other connections (a second instance's tools, the
 * bench's calendar keeper) may write the same file.
 *
 * Health data: the folder is made 0700 (an existing one is set so when it holds only this
 * database) and the file 0600 before SQLite opens it (its
 * -wal and -shm files get the file's permissions), and `secure_delete` overwrites deleted rows
 * with zeros, so "verwijder mijn gegevens" and retention leave nothing readable in the file.
 */
export function openSqlite(file: string, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS): BetterSqlite3.Database {
  if (file !== ':memory:') {
    const dir = dirname(file);
    const created = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
    // An existing folder is only tightened when it holds nothing but this database: DATA_DIR
    // could name a folder that other programs use.
    const ours = created || readdirSync(dir).every((f) => f.startsWith(basename(file)));
    if (ours) chmodSync(dir, 0o700);
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  const db = new BetterSqlite3(file);
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  return db;
}
