import type { GroupSync } from './GroupSync';
import type { StateChange, StateChangeResult } from './StateChange';
import type { SqliteStateTable } from './SqliteStateTable';
import type { StateWriter } from './StateWriter';

/**
 * Applies state changes on the event loop's own connection, each acknowledged after a shared
 * fsync ({@link GroupSync}). For an in-memory database, which another connection cannot
 * reach, and for tests that control the flush.
 */
export class InlineStateWriter implements StateWriter {
  constructor(private readonly table: SqliteStateTable, private readonly sync: GroupSync) {}

  async apply(change: StateChange): Promise<StateChangeResult> {
    if (this.sync.failed) throw this.sync.failed;
    const result = this.table.apply(change);
    // A write that changed nothing (an eTag conflict) has nothing to make durable.
    if (result !== 'conflict') await this.sync.durable();
    return result;
  }

  /** Changes are in the table before {@link apply} returns. */
  busyWith(): boolean {
    return false;
  }

  async drain(): Promise<void> {}

  get failed(): Error | undefined {
    return this.sync.failed;
  }

  async close(): Promise<void> {}
}
