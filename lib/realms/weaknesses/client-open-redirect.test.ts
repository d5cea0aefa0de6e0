import { describe, expect, it } from 'vitest';
import { composePoints, findWeakness } from '../catalogue';
import { HARDENED_POINTS } from '../policy-points';
import { followAnyNext } from './client-open-redirect';

const ORIGIN = 'http://localhost:3000';

describe('client-open-redirect', () => {
  it('is a client weakness at client.callback-redirect, and the hardened point never redirects', () => {
    const w = findWeakness('client-open-redirect')!;
    expect(w).toMatchObject({ server: 'client', point: 'client.callback-redirect' });
    expect(HARDENED_POINTS['client.callback-redirect']('/attacker/x/cb', ORIGIN)).toBeUndefined();
    expect(composePoints([w])['client.callback-redirect']('/attacker/x/cb', ORIGIN)).toBe(`${ORIGIN}/attacker/x/cb`);
  });

  it.each([
    ['/attacker/r/or', `${ORIGIN}/attacker/r/or`],
    [`${ORIGIN}/attacker/r/or?x=1`, `${ORIGIN}/attacker/r/or?x=1`],
    ['/attacker/r/or#keep-me', `${ORIGIN}/attacker/r/or`],
    ['https://evil.example/cb', undefined],
    ['//evil.example/cb', undefined],
    ['http://user:pw@localhost:3000/x', undefined],
    ['javascript:alert(1)', undefined],
    ['http://[::1', undefined],
    [`/${'a'.repeat(3000)}`, undefined],
  ])('follows %s → %s (any page of this origin, with no fragment; nothing off-origin, nothing huge)', (next, want) => {
    expect(followAnyNext(next, ORIGIN)).toBe(want);
  });
});
