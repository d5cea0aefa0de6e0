import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LabRegistry } from './lab-registry';

function clock(start = 1_800_000_000) {
  let now = start;
  return { nowSeconds: () => now, advance: (s: number) => void (now += s) };
}
const input = { weaknesses: [], settings: DEFAULT_SETTINGS };

describe('lab realm registry', () => {
  it('expires a realm after an hour without a request, and a request restarts its idle clock', () => {
    const c = clock();
    const reg = new LabRegistry({ clock: c });
    const a = reg.create(input);
    const b = reg.create(input);
    if (!a.ok || !b.ok) throw new Error('create failed');
    c.advance(3000);
    expect(reg.touch(a.record.id)).toBeDefined();
    c.advance(601);
    expect(reg.peek(b.record.id)).toBeUndefined();
    expect(reg.peek(a.record.id)).toBeDefined();
    expect(reg.expiresAt(reg.peek(a.record.id)!)).toBe(1_800_000_000 + 3000 + 3600);
    c.advance(3000);
    expect(reg.touch(a.record.id)).toBeUndefined();
    expect(reg.size).toBe(0);
  });

  it('at the cap evicts the longest-idle realm once it has been idle 15 minutes, else refuses with a retry time', () => {
    const c = clock();
    const ended: string[] = [];
    const reg = new LabRegistry({ clock: c, cap: 3 });
    reg.onEnd = (id) => ended.push(id);
    const ids = [0, 1, 2].map(() => {
      const r = reg.create(input);
      if (!r.ok) throw new Error('create failed');
      c.advance(60);
      return r.record.id;
    });
    const full = reg.create(input);
    expect(full).toEqual({ ok: false, retryAfter: 900 - 180 });
    // The first realm is used again: the second is now the longest idle.
    reg.touch(ids[0]);
    c.advance(900);
    const made = reg.create(input);
    expect(made.ok).toBe(true);
    expect(ended).toEqual([ids[1]]);
    expect(reg.peek(ids[1])).toBeUndefined();
    expect(reg.peek(ids[0])).toBeDefined();
    expect(reg.size).toBe(3);
  });

  it('deletes a realm once', () => {
    const reg = new LabRegistry({ clock: clock() });
    const r = reg.create(input);
    if (!r.ok) throw new Error('create failed');
    expect(reg.delete(r.record.id)).toBe(true);
    expect(reg.delete(r.record.id)).toBe(false);
  });
});
