import type { StateChange, StateChangeResult } from './StateChange';

/** What the state writer's thread is started with. */
export interface WriterSetup {
  file: string;
  /** How long its connection waits for the event loop's write lock. */
  busyTimeoutMs: number;
}

/** To the state writer's thread: changes to apply (in the order made), or to close once they are. */
export type WriterCommand = { changes: WriterRequest[] } | { close: true };

/** A change sent to the state writer's thread, numbered in the order made. */
export interface WriterRequest {
  id: number;
  change: StateChange;
}

/**
 * The thread's answer to a batch: each change's result (or why that change failed), in order;
 * or that the writer has stopped, with the reason.
 */
export type WriterReply = { done: WriterResult[] } | { failed: string };

/** One change's number and result, or why that change failed. */
export type WriterResult = [number, StateChangeResult | { error: string }];
