import type { WriteOutcome } from './StateStore';

/** A change to the stored conversation and user states, applied in the order made. */
export type StateChange =
  | { kind: 'write'; key: string; json: string; etag: string; expectedEtag?: string; now: number }
  | { kind: 'delete-keys'; keys: string[] }
  | { kind: 'delete-written-before'; before: number }
  | { kind: 'delete-prefix'; prefix: string };

/** A write's outcome, or how many states a deletion removed. */
export type StateChangeResult = WriteOutcome | number;

/** The keys a change touches, or 'all' for a deletion by age or prefix. */
export function keysOf(change: StateChange): string[] | 'all' {
  switch (change.kind) {
    case 'write':
      return [change.key];
    case 'delete-keys':
      return change.keys;
    default:
      return 'all';
  }
}
