import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { TrackedState } from '../src/bot/TrackedState';
import { BotStorage } from '../src/bot/BotStorage';
import { SqliteDatabase } from '../src/storage/SqliteDatabase';
import type { WriteOutcome } from '../src/storage/StateStore';
import { FixedClock } from '../src/util/Clock';

/** MemoryStorage that counts what it is asked to write and delete. */
class CountingStorage extends MemoryStorage {
  writes: string[] = [];
  deletes: string[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(...Object.keys(changes));
    return super.write(changes);
  }
  override async delete(keys: string[]): Promise<void> {
    this.deletes.push(...keys);
    return super.delete(keys);
  }
}

/** SQLite that keeps the JSON it was given to write. */
class RecordingSqlite extends SqliteDatabase {
  written: string[] = [];
  override async write(key: string, data: Record<string, unknown>, expectedEtag: string | undefined, newEtag: string, json?: string): Promise<WriteOutcome> {
    this.written.push(json ?? '(none)');
    return super.write(key, data, expectedEtag, newEtag, json);
  }
}

const turn = (conversation = 'c1', user = 'u1') =>
  new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: conversation } as never, from: { id: user, name: user }, recipient: { id: 'bot', name: 'bot' } });

describe('TrackedState (BotState with a cheaper change check)', () => {
  it('keeps conversation and user state under the keys of botbuilder\'s ConversationState and UserState', async () => {
    const storage = new MemoryStorage();
    const conversation = TrackedState.forConversations(storage);
    const user = TrackedState.forUsers(storage);
    const a = turn();
    await conversation.createProperty<number>('count').set(a, 3);
    await user.createProperty<string>('locale').set(a, 'nl-BE');
    await conversation.saveChanges(a);
    await user.saveChanges(a);

    const b = turn();
    expect(await new ConversationState(storage).createProperty<number>('count').get(b)).toBe(3);
    expect(await new UserState(storage).createProperty<string>('locale').get(b)).toBe('nl-BE');
    expect(await TrackedState.forConversations(storage).createProperty<number>('count').get(turn('c2'))).toBeUndefined();
  });

  it('writes only when the state changed, or when forced', async () => {
    const storage = new CountingStorage();
    const state = TrackedState.forConversations(storage);
    const memory = state.createProperty<{ topic?: string }>('memory');

    const first = turn();
    (await memory.get(first, {})).topic = 'cure';
    await state.saveChanges(first);
    expect(storage.writes).toEqual(['test/conversations/c1/']);

    // Read, unchanged: nothing to write; an unloaded state is not written either.
    const second = turn();
    expect((await memory.get(second, {})).topic).toBe('cure');
    await state.saveChanges(second);
    await state.saveChanges(turn('c2'));
    expect(storage.writes).toHaveLength(1);

    // A change deep inside the state is seen; saving twice writes once.
    const third = turn();
    (await memory.get(third, {})).topic = 'course';
    await state.saveChanges(third);
    await state.saveChanges(third);
    expect(storage.writes).toHaveLength(2);
    await state.saveChanges(third, true);
    expect(storage.writes).toHaveLength(3);
    expect((await memory.get(turn(), {})).topic).toBe('course');
  });

  it('clears (saved as empty) and deletes (gone from storage)', async () => {
    const storage = new CountingStorage();
    const state = TrackedState.forConversations(storage);
    const memory = state.createProperty<{ topic?: string }>('memory');
    const a = turn();
    (await memory.get(a, {})).topic = 'cure';
    await state.saveChanges(a);

    const b = turn();
    await state.load(b);
    await state.clear(b);
    expect(state.get(b)).toEqual({});
    await state.saveChanges(b);
    expect(await memory.get(turn())).toBeUndefined();

    const c = turn();
    (await memory.get(c, {})).topic = 'course';
    await state.saveChanges(c);
    await state.delete(c);
    expect(storage.deletes).toEqual(['test/conversations/c1/']);
    expect(await storage.read(['test/conversations/c1/'])).toEqual({});
    expect(state.get(c)).toBeUndefined();
  });

  it('over our own storage, compares and writes the JSON the store reads and writes, made once per save', async () => {
    const db = new RecordingSqlite(':memory:', new FixedClock(new Date('2026-03-02T09:00:00Z')));
    db.migrate();
    const state = TrackedState.forConversations(new BotStorage(db));
    const memory = state.createProperty<{ topic?: string; nested?: { list: number[] } }>('memory');

    const first = turn();
    Object.assign(await memory.get(first, {}), { topic: 'cure', nested: { list: [1, 2] } });
    await state.saveChanges(first);
    expect(db.written).toEqual([JSON.stringify({ memory: { topic: 'cure', nested: { list: [1, 2] } } })]);

    // Loaded from its stored text and unchanged: nothing written.
    const second = turn();
    expect(await memory.get(second, {})).toEqual({ topic: 'cure', nested: { list: [1, 2] } });
    await state.saveChanges(second);
    expect(db.written).toHaveLength(1);

    // A change deep inside is written as what it now is, and reads back so.
    const third = turn();
    (await memory.get(third, {})).nested!.list.push(3);
    await state.saveChanges(third);
    expect(db.written).toHaveLength(2);
    expect(JSON.parse(db.written[1])).toEqual({ memory: { topic: 'cure', nested: { list: [1, 2, 3] } } });
    expect(await memory.get(turn(), {})).toEqual({ topic: 'cure', nested: { list: [1, 2, 3] } });
    await db.close();
  });
});
