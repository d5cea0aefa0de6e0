import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { jkuMachine, OUTSIDE_JKU } from './jku.machine';
import { playAttack } from './test-run';

describe('jku against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the vulnerable RS loads her key set from her attacker route and serves Alice’s photos; the hardened one ignores jku', async () => {
    const vulnerable = await playAttack(jkuMachine, 'vulnerable', ['rs-trusts-jku'], { variant: 'attacker-site' });
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
    const put = vulnerable.context.exchanges.find((e) => e.request.method === 'PUT');
    expect(put).toMatchObject({ from: 'attacker', to: 'attacker', response: { status: 204 } });
    expect(put?.request.url).toBe(`http://localhost:3000/attacker/${vulnerable.realm.id}/jwks`);
    expect(JSON.parse(put!.request.body!).keys[0]).not.toHaveProperty('d');
    const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    expect(decodeProtectedHeader(forged).jku).toBe(put?.request.url);
    expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.key.title)).toMatchObject({ outcome: 'weakened' });

    const hardened = await playAttack(jkuMachine, 'hardened', ['rs-trusts-jku'], { variant: 'attacker-site' });
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token.*key/);
  });

  it('a jku outside the lab is refused by the vulnerable RS too, saying nothing was requested', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return inProcessFetch(input, init);
    });
    const run = await playAttack(jkuMachine, 'vulnerable', ['rs-trusts-jku'], { variant: 'elsewhere' });
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toMatch(/401 invalid_token.*never fetches such a URL \(nothing was requested\)/);
    const forged = run.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    expect(decodeProtectedHeader(forged).jku).toBe(OUTSIDE_JKU);
    expect(fetched.some((u) => u.includes('mallory.example'))).toBe(false);
  });
});
