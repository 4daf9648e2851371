/** The disk failed to confirm a flush; nothing written since can be promised to be durable. */
export class SyncFailedError extends Error {
  constructor(cause: unknown) {
    super(`storage: flushing the write-ahead log to disk failed (${(cause as Error)?.message ?? String(cause)}); restart the service`, { cause });
    this.name = 'SyncFailedError';
  }
}

/**
 * Group commit for a write-ahead log. A writer commits its transaction (to the OS, not yet to
 * the disk) and then waits in {@link durable} for an fsync that *started after* its commit.
 * While one fsync runs, everyone who arrives waits for the next one, so under load a single
 * fsync covers many turns, and the fsync runs on libuv's thread pool instead of blocking the
 * event loop as SQLite's own `synchronous = FULL` does.
 *
 * Fail-stop: after one failed fsync every later call fails too. The kernel may already have
 * dropped the pages it could not write, so a later fsync that succeeds would prove nothing
 * (PostgreSQL handles fsync failure the same way).
 */
export class GroupSync {
  private running?: Promise<void>;
  private queued?: Promise<void>;
  private failure?: SyncFailedError;

  /** @param flush makes everything written so far durable, e.g. an fsync of the log file. */
  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once everything committed before this call is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.running) return this.start();
    // The running flush may have begun before this caller's commit: wait for the next one.
    this.queued ??= this.running
      .then(() => undefined, () => undefined)
      .then(() => {
        this.queued = undefined;
        return this.failure ? Promise.reject(this.failure) : this.start();
      });
    return this.queued;
  }

  /** Why the store stopped acknowledging writes, if it did. */
  get failed(): SyncFailedError | undefined {
    return this.failure;
  }

  private start(): Promise<void> {
    const flushing: Promise<void> = this.flush().then(
      () => {
        if (this.running === flushing) this.running = undefined;
      },
      (err: unknown) => {
        if (this.running === flushing) this.running = undefined;
        this.failure ??= new SyncFailedError(err);
        throw this.failure;
      },
    );
    this.running = flushing;
    return flushing;
  }
}
