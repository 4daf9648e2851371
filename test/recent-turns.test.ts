import { RecentTurns } from '../src/handoff/RecentTurns';

const at = new Date('2026-03-02T09:00:00Z');
const texts = (recent: RecentTurns, id: string) => recent.of(id).map((l) => l.text);

describe('the recent lines kept for a handoff', () => {
  it('keeps the last lines of each conversation, in order', () => {
    const recent = new RecentTurns(3, 10);
    for (const t of ['een', 'twee', 'drie', 'vier']) recent.add('a', 'patient', t, at);
    recent.add('b', 'bot', 'hallo', at);
    recent.add('a', 'bot', 'vijf', at);
    expect(texts(recent, 'a')).toEqual(['drie', 'vier', 'vijf']);
    expect(texts(recent, 'b')).toEqual(['hallo']);
  });

  it('forgets the least recently active conversation first, however many lines a turn adds', () => {
    const recent = new RecentTurns(12, 2);
    recent.add('a', 'patient', 'a1', at);
    recent.add('b', 'patient', 'b1', at);
    recent.add('b', 'bot', 'b2', at);
    // a is active again (two lines in a row), so b is now the oldest.
    recent.add('a', 'patient', 'a2', at);
    recent.add('a', 'bot', 'a3', at);
    recent.add('c', 'patient', 'c1', at);
    expect(texts(recent, 'b')).toEqual([]);
    expect(texts(recent, 'a')).toEqual(['a1', 'a2', 'a3']);
    recent.add('c', 'bot', 'c2', at);
    recent.add('d', 'patient', 'd1', at);
    expect(texts(recent, 'a')).toEqual([]);
    expect(texts(recent, 'c')).toEqual(['c1', 'c2']);
  });

  it('starts afresh after forgetting a conversation', () => {
    const recent = new RecentTurns(12, 2);
    recent.add('a', 'patient', 'a1', at);
    recent.forget('a');
    recent.add('a', 'patient', 'a2', at);
    recent.add('b', 'patient', 'b1', at);
    recent.add('c', 'patient', 'c1', at);
    expect(texts(recent, 'a')).toEqual([]);
    expect(texts(recent, 'b')).toEqual(['b1']);
  });
});
