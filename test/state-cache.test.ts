import { StateCache } from '../src/storage/StateCache';

const doc = (json: string, updatedAt = 0) => ({ etag: 'e', json, updatedAt });

describe('StateCache', () => {
  it('lets the least recently used key go first', () => {
    const cache = new StateCache({ entries: 2, chars: 1000 });
    cache.set('a', doc('{"a":1}'));
    cache.set('b', doc('{"b":1}'));
    expect(cache.get('a')).toBeDefined();
    cache.set('c', doc('{"c":1}'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(doc('{"a":1}'));
    expect(cache.get('c')).toEqual(doc('{"c":1}'));
  });

  it('stays within its characters, and keeps no document larger than all of them', () => {
    const cache = new StateCache({ entries: 100, chars: 40 });
    cache.set('a', doc('x'.repeat(25)));
    cache.set('b', doc('y'.repeat(25)));
    expect(cache.size).toBe(1);
    expect(cache.chars).toBeLessThanOrEqual(40);
    cache.set('big', doc('z'.repeat(37)));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('remembers that a key holds nothing, and forgets by key, prefix and age', () => {
    const cache = new StateCache({ entries: 100, chars: 1000 });
    cache.set('none', { absent: true });
    cache.set('users/u1', doc('{}', 10));
    cache.set('users/u2', doc('{}', 30));
    cache.set('conv/c1', doc('{}', 10));
    expect(cache.get('none')).toEqual({ absent: true });
    cache.deleteWrittenBefore(20);
    expect([cache.get('users/u1'), cache.get('conv/c1')]).toEqual([undefined, undefined]);
    expect(cache.get('none')).toEqual({ absent: true });
    cache.deleteByPrefix('users/');
    expect(cache.get('users/u2')).toBeUndefined();
    cache.delete('none');
    expect(cache.size).toBe(0);
    expect(cache.chars).toBe(0);
  });
});
