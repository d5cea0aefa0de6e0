import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type LabRegistry, type LabRegistryOptions } from './lab-registry';

export function fakeClock(start = 1_800_000_000) {
  let now = start;
  return { nowSeconds: () => now, advance: (s: number) => void (now += s) };
}
const input = { weaknesses: [], settings: DEFAULT_SETTINGS };

/** Opens a registry, and a second one on the same state (another instance) where there can be one. */
export type MakeRegistry = (options: LabRegistryOptions) => Promise<{ registry: LabRegistry; peer: LabRegistry; close(): Promise<void> }>;

/** The lab-realm registry rules (DESIGN.md), for the memory and the Redis registry alike. */
export function labRegistryContract(name: string, make: MakeRegistry) {
  describe(`lab realm registry: ${name}`, () => {
    const open: Array<() => Promise<void>> = [];
    const fresh = async (options: LabRegistryOptions) => {
      const made = await make(options);
      open.push(made.close);
      return made;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    it('expires a realm after an hour without a request, and a request restarts its idle clock', async () => {
      const c = fakeClock();
      const { registry: reg, peer } = await fresh({ clock: c });
      const a = await reg.create(input);
      const b = await reg.create(input);
      if (!a.ok || !b.ok) throw new Error('create failed');
      c.advance(3000);
      expect(await peer.touch(a.record.id)).toBeDefined();
      c.advance(601);
      expect(await reg.peek(b.record.id)).toBeUndefined();
      const seen = await reg.peek(a.record.id);
      expect(seen).toMatchObject({ id: a.record.id, weaknesses: [], settings: DEFAULT_SETTINGS, createdAt: 1_800_000_000 });
      expect(reg.expiresAt(seen!)).toBe(1_800_000_000 + 3000 + 3600);
      c.advance(3000);
      expect(await reg.touch(a.record.id)).toBeUndefined();
      expect(await reg.count()).toBe(0);
    });

    it('at the cap evicts the longest-idle realm once it has been idle 15 minutes, else refuses with a retry time', async () => {
      const c = fakeClock();
      const ended: string[] = [];
      const { registry: reg, peer } = await fresh({ clock: c, cap: 3 });
      reg.onEnd = (id) => ended.push(id);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await (i % 2 ? peer : reg).create(input);
        if (!r.ok) throw new Error('create failed');
        c.advance(60);
        ids.push(r.record.id);
      }
      expect(await peer.create(input)).toEqual({ ok: false, retryAfter: 900 - 180 });
      // The first realm is used again: the second is now the longest idle.
      await peer.touch(ids[0]);
      c.advance(900);
      const made = await reg.create(input);
      expect(made.ok).toBe(true);
      expect(ended).toEqual([ids[1]]);
      expect(await peer.peek(ids[1])).toBeUndefined();
      expect(await reg.peek(ids[0])).toBeDefined();
      expect(await peer.count()).toBe(3);
    });

    it('deletes a realm once, for every instance', async () => {
      const { registry: reg, peer } = await fresh({ clock: fakeClock() });
      const r = await reg.create(input);
      if (!r.ok) throw new Error('create failed');
      expect(await peer.delete(r.record.id)).toBe(true);
      expect(await reg.delete(r.record.id)).toBe(false);
      expect(await reg.touch(r.record.id)).toBeUndefined();
    });

    it('keeps each realm in the record it was created with, and knows nothing of an unknown id', async () => {
      const { registry: reg, peer } = await fresh({ clock: fakeClock() });
      const r = await reg.create({
        weaknesses: ['as-hs256-weak-secret'],
        settings: { accessTokenFormat: 'opaque' },
        hmacSecret: 'secret1',
      });
      if (!r.ok) throw new Error('create failed');
      expect(await peer.touch(r.record.id)).toEqual(r.record);
      for (const id of ['nope', '', 'demo', 'x'.repeat(300), '../../etc']) expect(await peer.peek(id)).toBeUndefined();
    });
  });
}
