/** A stored state document with its version tag. */
export interface StateRecord {
  data: Record<string, unknown>;
  etag: string;
  /**
   * `JSON.stringify(data)`, when the store read the document as that text (SQLite, which stores
   * what `JSON.stringify` made): a caller that needs the JSON need not make it again.
   */
  json?: string;
}

/** Outcome of a conditional write. */
export type WriteOutcome = 'written' | 'conflict';

/**
 * Framework-free key/value store for conversation state with optimistic concurrency. The
 * botbuilder `Storage` bridge sits on top of it; SQLite and PostgreSQL implement it.
 */
export interface StateStore {
  /** The stored documents of those keys that have one; each record's data is a fresh object, the caller's to change. */
  readMany(keys: string[]): Promise<Map<string, StateRecord>>;
  /**
   * Writes when `expectedEtag` is undefined or '*', or equals the stored tag (or nothing is stored).
   *
   * @param json `JSON.stringify(data)`, when the caller has made it already
   */
  write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome>;
  deleteMany(keys: string[]): Promise<void>;
  /** Deletes state not updated since `before` (retention). Returns how many were deleted. */
  deleteOlderThan(before: Date): Promise<number>;
}
