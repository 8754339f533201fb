import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('keeps an entry for its lifetime, then forgets it', () => {
    const cache = new ExpiringCache<string, number>(5_000, 10, now);
    cache.set('a', 1);
    clock += 4_999;
    expect(cache.get('a')).toBe(1);
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing when its lifetime is 0', () => {
    const cache = new ExpiringCache<string, number>(0, 10, now);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full, and a re-set entry counts as new', () => {
    const cache = new ExpiringCache<string, number>(5_000, 2, now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(3);
    expect(cache.get('c')).toBe(4);
  });

  it('drops what a predicate picks, one key, or everything', () => {
    const cache = new ExpiringCache<string, { user: string }>(5_000, 10, now);
    cache.set('s1', { user: 'u1' });
    cache.set('s2', { user: 'u2' });
    cache.set('s3', { user: 'u1' });
    cache.deleteWhere((value) => value.user === 'u1');
    expect([cache.get('s1'), cache.get('s2'), cache.get('s3')]).toEqual([undefined, { user: 'u2' }, undefined]);
    cache.delete('s2');
    expect(cache.get('s2')).toBeUndefined();
    cache.set('s4', { user: 'u4' });
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not store what was read before a drop (a sign-out while a request read the session)', () => {
    const cache = new ExpiringCache<string, string>(5_000, 10, now);
    const before = cache.mark;
    cache.deleteWhere(() => true); // the sign-out, while the request was reading
    cache.set('s1', 'read before the sign-out', before);
    expect(cache.get('s1')).toBeUndefined();
    const after = cache.mark;
    cache.set('s1', 'read after it', after);
    expect(cache.get('s1')).toBe('read after it');
    // Expiry and making room are not drops: a mark taken before them still stores.
    const mark = cache.mark;
    clock += 6_000;
    expect(cache.get('s1')).toBeUndefined();
    cache.set('s2', 'still fine', mark);
    expect(cache.get('s2')).toBe('still fine');
  });

  it('looks up a batch through the cache: held keys from memory, the rest read together once and kept', async () => {
    const cache = new ExpiringCache<string, string>(5_000, 10, now);
    const reads: string[][] = [];
    const load = async (missing: string[]) => {
      reads.push(missing);
      return missing.filter((key) => key !== 'gone').map((key): [string, string] => [key, `value of ${key}`]);
    };
    expect(await cache.getMany(['a', 'b', 'a', 'gone'], load)).toEqual(new Map([['a', 'value of a'], ['b', 'value of b']]));
    expect(await cache.getMany(['b', 'c'], load)).toEqual(new Map([['b', 'value of b'], ['c', 'value of c']]));
    // Each key read once; 'gone' (not returned) is asked again, never kept as missing.
    expect(reads).toEqual([['a', 'b', 'gone'], ['c']]);
    expect((await cache.getMany([], load)).size).toBe(0);
    expect(reads).toHaveLength(2);
    // Dropped while a batch was read: what it read is returned but not kept.
    const slow = cache.getMany(['d'], async (missing) => {
      cache.delete('a');
      return missing.map((key): [string, string] => [key, 'read during a drop']);
    });
    expect((await slow).get('d')).toBe('read during a drop');
    expect(cache.get('d')).toBeUndefined();
  });
});
