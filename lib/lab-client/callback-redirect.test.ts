import { beforeEach, describe, expect, it } from 'vitest';
import { setServerStore } from '../realms/registry';
import { createLab, LAB_ORIGIN } from '../realms/test-lab';
import { MemoryStore } from '../store/memory-store';
import { labCallbackRedirect, toSearchParams } from './callback-redirect';

const q = (o: Record<string, string>) => new URLSearchParams(o);

describe('the lab client’s callback redirector', () => {
  beforeEach(() => setServerStore(new MemoryStore()));

  it('a lab realm with client-open-redirect forwards the response’s query to `next`, with no fragment in the Location', async () => {
    const lab = await createLab(['client-open-redirect']);
    const to = await labCallbackRedirect(q({ realm: lab.id, next: `/attacker/${lab.id}/or`, code: 'c1', state: 's1' }), LAB_ORIGIN);
    expect(to).toBe(`${LAB_ORIGIN}/attacker/${lab.id}/or?code=c1&state=s1`);
    expect(to).not.toContain('#');
  });

  it('no redirect for demo, a hardened lab realm, an unknown realm, a missing next or an off-origin next', async () => {
    const hardened = await createLab([]);
    const weak = await createLab(['client-open-redirect']);
    expect(await labCallbackRedirect(q({ realm: 'demo', next: '/attacker/x/or' }), LAB_ORIGIN)).toBeUndefined();
    expect(await labCallbackRedirect(q({ realm: hardened.id, next: `/attacker/${hardened.id}/or` }), LAB_ORIGIN)).toBeUndefined();
    expect(await labCallbackRedirect(q({ realm: 'no-such-realm', next: '/x' }), LAB_ORIGIN)).toBeUndefined();
    expect(await labCallbackRedirect(q({ realm: weak.id }), LAB_ORIGIN)).toBeUndefined();
    expect(await labCallbackRedirect(q({ realm: weak.id, next: 'https://evil.example/' }), LAB_ORIGIN)).toBeUndefined();
    expect(await labCallbackRedirect(q({ realm: 'x'.repeat(500), next: '/x' }), LAB_ORIGIN)).toBeUndefined();
  });

  it('reads the first value of a repeated parameter', () => {
    expect(toSearchParams({ next: ['/a', '/b'], realm: 'r', gone: undefined }).toString()).toBe('next=%2Fa&realm=r');
  });
});
