import type { StateChange, StateChangeResult } from './StateChange';

/**
 * Applies changes to the stored states in the order they are made, each acknowledged once it
 * is on disk.
 */
export interface StateWriter {
  apply(change: StateChange): Promise<StateChangeResult>;
  /** True while a change that touches `key` (a deletion by age or prefix touches every key) is not applied yet. */
  busyWith(key: string): boolean;
  /** Resolves once every change made so far is applied, or the writer has failed. */
  drain(): Promise<void>;
  /** Why the writer stopped acknowledging changes, if it did. */
  readonly failed: Error | undefined;
  /** Applies what is pending and stops. */
  close(): Promise<void>;
}
