/**
 * Runs work one at a time per key: one conversation's turns never run side by side, so neither
 * overwrites the state the other saved, and a second "Bevestigen" sees the booking the first
 * made. One process queues in memory ({@link LocalLocks}); several instances take a PostgreSQL
 * advisory lock.
 */
export interface ConversationLocks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** One process: a queue of promises per key, dropped when it empties. */
export class LocalLocks implements ConversationLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
