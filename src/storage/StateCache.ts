import type { StoredState } from './SqliteStateTable';

/** What the cache knows of one key: its stored document, or that nothing is stored. */
export type CachedState = StoredState | { absent: true };

/** How much the cache may hold. */
export interface StateCacheLimits {
  /** Keys kept at most. */
  entries: number;
  /** Characters of keys and JSON kept at most, over all keys. */
  chars: number;
}

/**
 * The most recently used conversation and user states of a store that no one else writes, as
 * the JSON text stored, so that a turn reads its state from memory instead of from the
 * database. A key known to hold nothing is remembered too: a user who never chose a language has
 * no user state, and would otherwise cost a lookup on every turn. Least recently used keys go
 * first once either limit is passed.
 *
 * The store keeps the cache in step with every change it makes: writes, deletions by key, by
 * prefix and by age (retention), so that nothing deleted from the database lives on here.
 */
export class StateCache {
  private readonly items = new Map<string, CachedState>();
  private heldChars = 0;

  constructor(private readonly limits: StateCacheLimits) {}

  /** What is known of `key`, or undefined when the store must be asked; marks it recently used. */
  get(key: string): CachedState | undefined {
    const item = this.items.get(key);
    if (item) {
      this.items.delete(key);
      this.items.set(key, item);
    }
    return item;
  }

  /** Remembers what is stored under `key`. */
  set(key: string, item: CachedState): void {
    this.delete(key);
    const size = sizeOf(key, item);
    // A document larger than the whole cache is read from the store each time.
    if (size > this.limits.chars) return;
    this.items.set(key, item);
    this.heldChars += size;
    for (const oldest of this.items.keys()) {
      if (this.items.size <= this.limits.entries && this.heldChars <= this.limits.chars) break;
      this.delete(oldest);
    }
  }

  /** Forgets `key`: the store must be asked next time. */
  delete(key: string): void {
    const old = this.items.get(key);
    if (!old) return;
    this.items.delete(key);
    this.heldChars -= sizeOf(key, old);
  }

  /**
   * After the store deleted what was last written before `cutoff` (ms since the epoch): forgets
   * the same documents. Keys known to hold nothing are kept; they still hold nothing.
   */
  deleteWrittenBefore(cutoff: number): void {
    for (const [key, item] of this.items) if ('etag' in item && item.updatedAt < cutoff) this.delete(key);
  }

  /** After the store deleted every key starting with `prefix`: forgets them too. */
  deleteByPrefix(prefix: string): void {
    for (const key of this.items.keys()) if (key.startsWith(prefix)) this.delete(key);
  }

  /** Keys kept now. */
  get size(): number {
    return this.items.size;
  }

  /** Characters of keys and JSON kept now. */
  get chars(): number {
    return this.heldChars;
  }
}

function sizeOf(key: string, item: CachedState): number {
  return key.length + ('json' in item ? item.json.length + item.etag.length : 0);
}
