import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from './StateStore';

/**
 * botbuilder's `Storage` over a {@link StateStore}, with the eTag semantics of botbuilder's own
 * stores: a write whose eTag is stale fails; `*` or no eTag overwrites; a new key takes any.
 */
export class BotStorage implements Storage {
  constructor(private readonly store: StateStore, private readonly newEtag: () => string = randomUUID) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys?.length) return {};
    const found = await this.store.readMany(keys);
    const items: StoreItems = {};
    for (const [key, record] of found) items[key] = { ...record.data, eTag: record.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new Error('Storage.write: changes are required');
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const outcome = await this.store.write(key, data, eTag === '*' ? undefined : eTag, this.newEtag());
      if (outcome === 'conflict') throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys?.length) await this.store.deleteMany(keys);
  }
}
