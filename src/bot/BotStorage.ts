import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { StateStore } from '../storage/StateStore';

/** Items read, with the JSON of each (without its eTag) where the store had it as text. */
export interface ItemsWithJson {
  items: StoreItems;
  json: Map<string, string>;
}

/**
 * botbuilder's `Storage` over a {@link StateStore}, with the eTag semantics of botbuilder's own
 * stores: a write whose eTag is stale fails; `*` or no eTag overwrites; a new key takes any.
 * {@link readWithJson} and {@link writeJson} let a state class that compares JSON anyway
 * (TrackedState) reuse it instead of serialising the same document twice more per turn.
 */
export class BotStorage implements Storage {
  constructor(private readonly store: StateStore, private readonly newEtag: () => string = randomUUID) {}

  async read(keys: string[]): Promise<StoreItems> {
    return (await this.readWithJson(keys)).items;
  }

  /** As {@link read}, with `JSON.stringify` of each item without its eTag where the store read it as that text. */
  async readWithJson(keys: string[]): Promise<ItemsWithJson> {
    const items: StoreItems = {};
    const json = new Map<string, string>();
    if (!keys?.length) return { items, json };
    const found = await this.store.readMany(keys);
    for (const [key, record] of found) {
      // The store hands out a fresh document on every read: it becomes the item.
      const item: Record<string, unknown> = record.data !== null && typeof record.data === 'object' ? record.data : {};
      item.eTag = record.etag;
      items[key] = item;
      if (record.json !== undefined) json.set(key, record.json);
    }
    return { items, json };
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new Error('Storage.write: changes are required');
    for (const [key, item] of Object.entries(changes)) await this.writeOne(key, item, undefined);
  }

  /**
   * Writes one item, as {@link write} does.
   *
   * @param json `JSON.stringify` of the item without its eTag, made by the caller just before
   */
  async writeJson(key: string, item: StoreItem, json: string): Promise<void> {
    await this.writeOne(key, item, json);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys?.length) await this.store.deleteMany(keys);
  }

  private async writeOne(key: string, item: StoreItem | undefined, json: string | undefined): Promise<void> {
    const { eTag, ...data } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
    const outcome = await this.store.write(key, data, eTag === '*' ? undefined : eTag, this.newEtag(), json);
    if (outcome === 'conflict') throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}
