import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { TrackedState } from '../src/bot/TrackedState';

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
});
