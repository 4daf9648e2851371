import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

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

  /** Closes the log's file descriptor, if it was opened. */
  close(): void {
    if (this.log !== undefined) closeSync(this.log);
    this.log = undefined;
  }
}
