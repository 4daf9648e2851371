/** A stored state document with its version tag. */
export interface StateRecord {
  data: Record<string, unknown>;
  etag: string;
  /** `JSON.stringify(data)`, when the store read it as that text (SQLite): the caller need not make it again. */
  json?: string;
}

export type WriteOutcome = 'written' | 'conflict';

/** Conversation state with optimistic concurrency, free of botbuilder (BotStorage bridges it). */
export interface StateStore {
  /** The stored documents of those keys that have one; each record's data is a fresh object, the caller's to change. */
  readMany(keys: string[]): Promise<Map<string, StateRecord>>;
  /** Writes when `expectedEtag` is undefined or equals the stored tag, or nothing is stored; `json` is `JSON.stringify(data)` if made already. */
  write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome>;
  deleteMany(keys: string[]): Promise<void>;
  /** Deletes state not updated since `before` (retention); returns how many. */
  deleteOlderThan(before: Date): Promise<number>;
}
