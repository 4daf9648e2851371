import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Opens a connection to the service's SQLite file as every connection of it must be: WAL mode,
 * `synchronous = NORMAL` (a commit is crash-safe but not yet on disk: the caller makes its
 * writes durable with {@link WalFile}), foreign keys on, and a busy timeout, since the event
 * loop's connection and the state writer's (a worker thread) write the same file.
 */
export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * The write-ahead log of an SQLite file, to be flushed to disk: everything committed to it so
 * far is durable once {@link fd} has been fsynced. SQLite keeps the -wal file (the same inode)
 * while a connection is open; after a checkpoint it writes from its start again, and syncs its
 * header then itself.
 */
export class WalFile {
  private log?: number;
  private directorySynced = false;

  constructor(private readonly file: string) {}

  /**
   * The log's file descriptor, to fsync. The first call also makes the log's directory entry
   * durable, once, or a power cut could lose the file itself.
   */
  fd(): number {
    if (!this.directorySynced) {
      const dir = openSync(dirname(this.file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      this.directorySynced = true;
    }
    this.log ??= openSync(`${this.file}-wal`, 'r');
    return this.log;
  }

  close(): void {
    if (this.log !== undefined) closeSync(this.log);
    this.log = undefined;
  }
}
