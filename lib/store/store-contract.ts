import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreFullError, type Store } from './types';
import { update } from './update';

/** One store under test, and a second handle on the same state (another instance, for Redis). */
export interface StoreUnderTest {
  store: Store;
  /** Shares `store`'s state through another client: what a second app instance would hold. */
  peer: Store;
  /** Lets `seconds` pass for the store's TTLs (a fake clock, or real time for Redis). */
  elapse(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export type MakeStore = (options: { limits?: Record<string, number> }) => Promise<StoreUnderTest>;

/**
 * The Store contract (lib/store/types.ts): every implementation runs these same cases
 * (memory-store.contract.test.ts, store-contract.redis.test.ts).
 */
export function storeContract(name: string, make: MakeStore) {
  describe(`Store contract: ${name}`, () => {
    let t: StoreUnderTest;
    const open: StoreUnderTest[] = [];
    const fresh = async (limits?: Record<string, number>) => {
      const made = await make({ limits });
      open.push(made);
      return made;
    };
    beforeEach(async () => {
      t = await fresh();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('returns a value until its time to live runs out, and a set replaces value and TTL', async () => {
      await t.store.set('demo|k:a', { a: 1 }, 1);
      await t.store.set('demo|k:b', 'first', 1);
      await t.store.set('demo|k:b', 'second', 30);
      expect(await t.peer.get('demo|k:a')).toEqual({ a: 1 });
      await t.elapse(1);
      expect(await t.store.get('demo|k:a')).toBeUndefined();
      expect(await t.store.get('demo|k:b')).toBe('second');
    });

    it('round-trips every JSON shape the servers store', async () => {
      const value = {
        s: 'naïve ✓ "quoted" \\ \u0000',
        n: -12.5,
        i: 2 ** 40,
        t: true,
        f: false,
        z: null,
        list: [1, 'two', { three: [3] }],
        empty: {},
      };
      await t.store.set('demo|k:json', value, 60);
      expect(await t.peer.get('demo|k:json')).toEqual(value);
      await t.store.set('demo|k:zero', 0, 60);
      expect(await t.store.get('demo|k:zero')).toBe(0);
      await t.store.set('demo|k:empty-string', '', 60);
      expect(await t.store.get('demo|k:empty-string')).toBe('');
    });

    it('reads several keys in one step, in the order asked: absent and expired ones as undefined, copies not references', async () => {
      const record = { grant: 'g1', scope: ['a'] };
      await t.store.set('demo|at:1', 'g1', 60);
      await t.store.set('demo|grant-revoked:g1', record, 60);
      await t.store.set('demo|k:short', 1, 1);
      expect(await t.store.getMany([])).toEqual([]);
      await t.elapse(1);
      const read = await t.peer.getMany<unknown>(['demo|grant-revoked:g1', 'demo|at:none', 'demo|k:short', 'demo|at:1', 'demo|at:1']);
      expect(read).toEqual([record, undefined, undefined, 'g1', 'g1']);
      (read[0] as typeof record).scope.push('b');
      expect(await t.store.getMany(['demo|grant-revoked:g1'])).toEqual([record]);
    });

    it('treats a TTL of zero as already expired', async () => {
      await t.store.set('demo|k:gone', 1, 0);
      expect(await t.store.get('demo|k:gone')).toBeUndefined();
    });

    it('never lets a caller mutate stored state by reference', async () => {
      const value = { list: [1] };
      await t.store.set('demo|k:ref', value, 60);
      value.list.push(2);
      const read = await t.store.get<{ list: number[] }>('demo|k:ref');
      read!.list.push(3);
      expect(await t.store.get('demo|k:ref')).toEqual({ list: [1] });
    });

    it('gives a consumed value to exactly one of many concurrent callers, across instances', async () => {
      await t.store.set('demo|code:x', { grant: 'g' }, 60);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? t.peer : t.store).consume('demo|code:x')));
      expect(results.filter((r) => r !== undefined)).toEqual([{ grant: 'g' }]);
      expect(await t.store.get('demo|code:x')).toBeUndefined();
      expect(await t.store.consume('demo|code:never')).toBeUndefined();
    });

    it('stores with setIfAbsent only once, even when two instances race, and again after expiry', async () => {
      const wins = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? t.peer : t.store).setIfAbsent('demo|user-code:ABCD', i, 1)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await t.store.get('demo|user-code:ABCD')).toBe(wins.indexOf(true));
      await t.elapse(1);
      expect(await t.store.setIfAbsent('demo|user-code:ABCD', 'later', 60)).toBe(true);
      expect(await t.peer.get('demo|user-code:ABCD')).toBe('later');
    });

    it('counts up atomically across instances, keeps the TTL of the first count, then restarts', async () => {
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? t.peer : t.store).increment('demo|rate:login:alice', 1)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await t.store.get('demo|rate:login:alice')).toBe(40);
      await t.elapse(1);
      expect(await t.store.increment('demo|rate:login:alice', 60)).toBe(1);
    });

    it('compares and sets: replaces only the expected value, treats undefined as absent', async () => {
      expect(await t.store.compareAndSet('demo|device:d', undefined, { polls: 1 }, 60)).toBe(true);
      expect(await t.store.compareAndSet('demo|device:d', undefined, { polls: 9 }, 60)).toBe(false);
      expect(await t.peer.compareAndSet('demo|device:d', { polls: 2 }, { polls: 9 }, 60)).toBe(false);
      const current = await t.peer.get<{ polls: number }>('demo|device:d');
      expect(await t.peer.compareAndSet('demo|device:d', current, { polls: 2 }, 60)).toBe(true);
      expect(await t.store.get('demo|device:d')).toEqual({ polls: 2 });
      await t.store.delete('demo|device:d');
      expect(await t.store.compareAndSet('demo|device:d', { polls: 2 }, { polls: 3 }, 60)).toBe(false);
      expect(await t.store.get('demo|device:d')).toBeUndefined();
    });

    it('loses no update when two instances read-modify-write the same record at once', async () => {
      const add = (s: Store, n: number) =>
        update<{ items: number[] }>(s, 'demo|rs-photos:alice', (cur) => ({ items: [...(cur?.items ?? []), n] }), 60, 100);
      await Promise.all(Array.from({ length: 20 }, (_, i) => add(i % 2 ? t.peer : t.store, i)));
      const final = await t.store.get<{ items: number[] }>('demo|rs-photos:alice');
      expect([...final!.items].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('deletes a value for every instance; deleting an absent key is harmless', async () => {
      await t.store.set('demo|session:s', { sub: 'alice' }, 60);
      await t.peer.delete('demo|session:s');
      expect(await t.store.get('demo|session:s')).toBeUndefined();
      await t.store.delete('demo|session:none');
    });

    it('refuses a new entry of a full kind instead of evicting live ones; other kinds, rewrites and freed places still work', async () => {
      const s = await fresh({ pending: 3 });
      await s.store.set('demo|grant-revoked:g1', { reason: 'x' }, 600);
      for (let i = 0; i < 3; i++) await s.store.set(`demo|pending:${i}`, i, i === 0 ? 1 : 600);
      await expect(s.store.set('demo|pending:new', 1, 600)).rejects.toBeInstanceOf(StoreFullError);
      await expect(s.peer.setIfAbsent('demo|pending:new', 1, 600)).rejects.toBeInstanceOf(StoreFullError);
      await expect(s.store.compareAndSet('demo|pending:new', undefined, 1, 600)).rejects.toBeInstanceOf(StoreFullError);
      // The bound is per kind and across realms: another realm's pending is the same kind.
      await expect(s.store.set('lab1|pending:x', 1, 600)).rejects.toBeInstanceOf(StoreFullError);
      expect(await s.store.get('demo|grant-revoked:g1')).toEqual({ reason: 'x' });
      await s.store.set('demo|session:s', 1, 600);
      await s.store.set('demo|pending:1', 'rewritten', 600);
      expect(await s.store.get('demo|pending:1')).toBe('rewritten');
      // A consumed entry gives its place back; so does an expired one, once swept.
      await s.store.consume('demo|pending:1');
      await s.store.set('demo|pending:new', 1, 600);
      await s.elapse(1);
      await s.store.set('demo|pending:newer', 1, 600);
      await expect(s.store.set('demo|pending:newest', 1, 600)).rejects.toBeInstanceOf(StoreFullError);
      await s.store.delete('demo|pending:2');
      await s.store.set('demo|pending:newest', 1, 600);
    });

    it('bounds new counters like any other kind', async () => {
      const s = await fresh({ rate: 2 });
      await s.store.increment('demo|rate:a', 60);
      await s.store.increment('demo|rate:b', 60);
      expect(await s.store.increment('demo|rate:a', 60)).toBe(2);
      await expect(s.peer.increment('demo|rate:c', 60)).rejects.toBeInstanceOf(StoreFullError);
    });
  });
}
