import { BotState, ConversationState, UserState, type Storage, type StorageKeyFactory, type TurnContext } from 'botbuilder';
import { BotStorage } from './BotStorage';

/** One turn's state object and the JSON it had when loaded or last saved (undefined: save it). */
interface Snapshot {
  state: Record<string, unknown>;
  json: string | undefined;
}

/**
 * botbuilder's BotState with a cheaper change check. BotState decides whether to save by hashing
 * the state: a cycle-safe stringify and a SHA-256, at load, before the save and again after it;
 * with a dialog stack in the state that was a tenth of a booking turn. Here the state's JSON
 * (without its eTag) is compared with the JSON it was loaded as. What is saved, when, and under
 * which key is unchanged: the keys are those of botbuilder's ConversationState and UserState.
 */
export class TrackedState extends BotState {
  private readonly snapshotKey = Symbol('tracked state');

  /** Conversation state, under the keys botbuilder's ConversationState uses. */
  static forConversations(storage: Storage): TrackedState {
    const keys = new ConversationState(storage);
    return new TrackedState(storage, async (context) => keys.getStorageKey(context) ?? noKey('conversation'));
  }

  /** User state, under the keys botbuilder's UserState uses. */
  static forUsers(storage: Storage): TrackedState {
    const keys = new UserState(storage);
    return new TrackedState(storage, async (context) => keys.getStorageKey(context) ?? noKey('user'));
  }

  constructor(storage: Storage, storageKey: StorageKeyFactory) {
    super(storage, storageKey);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = this.snapshot(context);
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    // Our own storage hands over the JSON it read the state from, which is the state's fingerprint.
    const { items, json } =
      this.storage instanceof BotStorage ? await this.storage.readWithJson([key]) : { items: await this.storage.read([key]), json: undefined };
    const state = (items[key] ?? {}) as Record<string, unknown>;
    context.turnState.set(this.snapshotKey, { state, json: json?.get(key) ?? fingerprint(state) } satisfies Snapshot);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    if (!this.snapshot(context) && !force) return;
    const key = await this.storageKey(context);
    const cached = this.snapshot(context) ?? { state: {}, json: undefined };
    // From here to the write nothing awaits: the JSON compared is the JSON written.
    const json = fingerprint(cached.state);
    if (!force && json === cached.json) return;
    // As BotState does: the last writer wins.
    cached.state.eTag = '*';
    if (this.storage instanceof BotStorage) await this.storage.writeJson(key, cached.state, json);
    else await this.storage.write({ [key]: cached.state });
    cached.json = json;
    context.turnState.set(this.snapshotKey, cached);
  }

  override async clear(context: TurnContext): Promise<void> {
    context.turnState.set(this.snapshotKey, { state: {}, json: undefined } satisfies Snapshot);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.snapshotKey);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return this.snapshot(context)?.state;
  }

  private snapshot(context: TurnContext): Snapshot | undefined {
    return context.turnState.get(this.snapshotKey) as Snapshot | undefined;
  }
}

function noKey(kind: string): never {
  throw new Error(`TrackedState: the activity has no ${kind} to keep state for`);
}

/** The state's JSON without its eTag, which storage changes on every write. */
function fingerprint(state: Record<string, unknown>): string {
  if (!('eTag' in state)) return JSON.stringify(state);
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}
