/**
 * Runs work one at a time per key: one conversation's turns never run side by side, so neither
 * overwrites the state the other saved, and a second "Bevestigen" sees the booking the first
 * made. One process queues in memory ({@link LocalLocks}); several instances take a PostgreSQL
 * advisory lock. A turn waits a bounded time for its turn, then gets a {@link ConversationBusyError}.
 */
export interface ConversationLocks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** How long a turn waits for its conversation's lock by default (TURN_LOCK_WAIT_SECONDS). */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/**
 * The key's lock was not had within the wait (another turn of the conversation runs long, or
 * every lock connection is in use): the work did not run, and the patient can send it again.
 */
export class ConversationBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`conversation busy: no lock within ${waitedMs} ms`);
    this.name = 'ConversationBusyError';
  }
}

/** One process: a queue of promises per key, dropped when it empties. */
export class LocalLocks implements ConversationLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly waitMs = DEFAULT_LOCK_WAIT_MS) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const queued = this.tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((done) => (release = done));
    if (!queued) {
      // Nobody before this turn (nearly always): no wait, so no race and no timer to set and clear.
      this.tails.set(key, mine);
      try {
        return await work();
      } finally {
        release();
        if (this.tails.get(key) === mine) this.tails.delete(key);
      }
    }
    const before = queued.catch(() => undefined);
    // The next in line waits for whoever is before this one, then for this one: a turn that
    // gives up waiting holds nobody up.
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    let timer: NodeJS.Timeout | undefined;
    try {
      const got = await Promise.race([
        before.then(() => true),
        new Promise<false>((done) => (timer = setTimeout(() => done(false), this.waitMs))),
      ]);
      if (!got) throw new ConversationBusyError(this.waitMs);
      return await work();
    } finally {
      clearTimeout(timer);
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
