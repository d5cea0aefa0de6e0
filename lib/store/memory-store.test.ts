import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import { StoreFullError } from './types';

function fakeClock(start = 1_000) {
  let now = start;
  return { nowSeconds: () => now, advance: (s: number) => (now += s) };
}

describe('MemoryStore', () => {
  it('returns a value until its time to live runs out', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ clock });
    await store.set('k', { a: 1 }, 10);
    expect(await store.get('k')).toEqual({ a: 1 });
    clock.advance(10);
    expect(await store.get('k')).toBeUndefined();
  });

  it('gives a consumed value to exactly one of two concurrent callers', async () => {
    const store = new MemoryStore();
    await store.set('code', 'x', 60);
    const results = await Promise.all([store.consume('code'), store.consume('code')]);
    expect(results.filter((r) => r === 'x')).toHaveLength(1);
    expect(await store.get('code')).toBeUndefined();
  });

  it('stores with setIfAbsent only once', async () => {
    const store = new MemoryStore();
    expect(await store.setIfAbsent('k', 1, 60)).toBe(true);
    expect(await store.setIfAbsent('k', 2, 60)).toBe(false);
    expect(await store.get('k')).toBe(1);
  });

  it('counts up and restarts the counter after its window', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ clock });
    expect(await store.increment('c', 5)).toBe(1);
    expect(await store.increment('c', 5)).toBe(2);
    clock.advance(5);
    expect(await store.increment('c', 5)).toBe(1);
  });

  it('never lets a caller mutate stored state by reference', async () => {
    const store = new MemoryStore();
    const value = { list: [1] };
    await store.set('k', value, 60);
    value.list.push(2);
    const read = await store.get<{ list: number[] }>('k');
    read!.list.push(3);
    expect(await store.get('k')).toEqual({ list: [1] });
  });

  it('refuses a new entry of a full kind instead of evicting live ones, and sweeps expired ones first', async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ clock, limits: { pending: 100 } });
    await store.set('demo|grant-revoked:g1', { reason: 'x' }, 600);
    for (let i = 0; i < 100; i++) await store.set(`demo|pending:${i}`, i, 60);
    await expect(store.set('demo|pending:new', 1, 60)).rejects.toBeInstanceOf(StoreFullError);
    // Other kinds are unaffected, and nothing live was dropped.
    expect(await store.get('demo|grant-revoked:g1')).toEqual({ reason: 'x' });
    expect(await store.get('demo|pending:0')).toBe(0);
    await store.set('demo|session:s', 1, 60);
    // Once the old entries expire, the sweep makes room.
    clock.advance(61);
    await store.set('demo|pending:new', 1, 60);
    expect(store.sizes().pending).toBe(1);
  });

  it('keeps revocation state when 30,000 anonymous entries arrive (the eviction attack)', async () => {
    const store = new MemoryStore({ limits: { pending: 1000 } });
    await store.set('demo|grant-revoked:g', { reason: 'revoked' }, 600);
    let refused = 0;
    for (let i = 0; i < 30_000; i++) await store.set(`demo|pending:${i}`, i, 600).catch(() => refused++);
    expect(refused).toBe(29_000);
    expect(await store.get('demo|grant-revoked:g')).toEqual({ reason: 'revoked' });
  });
});
