import { MemoryStorage } from 'botbuilder';
import { popHistory, pushHistory } from '../src/bot/DialogHistory';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// The way back through a flow is kept compactly (each older step as its difference from the next);
// going back must give every stack exactly as it was, also for a history an earlier version saved.

/** A booking's stack at question `i`: the answers so far, the step, the question's text. */
function stack(i: number): string {
  const answers = Object.fromEntries(Array.from({ length: i }, (_, k) => [`q${k}`, false]));
  return JSON.stringify([
    {
      id: 'bookingDialog',
      state: {
        dialogs: {
          dialogStack: [
            { id: 'screeningWaterfall', state: { values: { instanceId: 'abc', answers }, stepIndex: i } },
            { id: 'choicePrompt', state: { options: { prompt: { type: 'message', text: `Question number ${i} "quoted"?` } }, state: {} } },
          ],
        },
      },
    },
  ]);
}

describe('the way back through a flow', () => {
  it.each([1, 3, 8])('gives back each of the last %i stacks, newest first, exactly as kept, and then nothing', (kept) => {
    const history: string[] = [];
    for (let i = 0; i < 12; i++) pushHistory(history, stack(i), kept);
    // Through the state's JSON, as conversation state stores it.
    const stored = JSON.parse(JSON.stringify(history)) as string[];
    for (let i = 11; i > 11 - kept; i--) expect(popHistory(stored)).toBe(stack(i));
    expect(popHistory(stored)).toBeUndefined();
  });

  it('goes back through a history saved by the previous version (every step whole), with steps added since', () => {
    const history = [stack(0), stack(1), stack(2)];
    pushHistory(history, stack(3), 8);
    pushHistory(history, stack(4), 8);
    for (let i = 4; i >= 0; i--) expect(popHistory(history)).toBe(stack(i));
  });

  it('goes back between pushes as the patient does (back, answer, back)', () => {
    const history: string[] = [];
    for (let i = 0; i < 5; i++) pushHistory(history, stack(i), 8);
    expect(popHistory(history)).toBe(stack(4));
    pushHistory(history, stack(7), 8);
    expect(popHistory(history)).toBe(stack(7));
    expect(popHistory(history)).toBe(stack(3));
  });

  it('still goes back one step when an older step does not fit, and no further', () => {
    const history = ['999,1000,x', stack(1)];
    expect(popHistory(history)).toBe(stack(1));
    expect(popHistory(history)).toBeUndefined();
  });

  it('keeps a booking state at the times, with eight steps back, at less than half the size of eight whole steps', async () => {
    const storage = new MemoryStorage();
    const { app } = await buildTestApp({}, storage);
    const adapter = testAdapterFor(app);
    await converse(adapter, ['afspraak maken', 'ja', 'knie', 'links', 'een paar maanden', 'nee', ...Array<string>(7).fill('nee')]);
    const items = Object.values((storage as unknown as { memory: Record<string, string> }).memory).map((json) => JSON.parse(json) as { dialogHistory?: string[] });
    const history = items.find((i) => i.dialogHistory)!.dialogHistory!;
    expect(history).toHaveLength(8);
    const whole: string[] = [];
    const copy = [...history];
    for (let s = popHistory(copy); s !== undefined; s = popHistory(copy)) whole.push(s);
    expect(whole).toHaveLength(8);
    expect(JSON.stringify(history).length).toBeLessThan(JSON.stringify(whole).length / 2);
    await app.close();
  });
});
