import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServerStore } from '@/lib/realms/registry';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { stolenTokenDpopMachine, type StolenDpopContext } from './stolen-token-dpop.machine';
import { playAttack } from './test-run';

describe('stolen token vs DPoP against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable (bearer token): the stolen token works from Mallory’s machine', async () => {
    const run = await playAttack(stolenTokenDpopMachine, 'vulnerable', []);
    const context = run.context as StolenDpopContext;
    expect(run.final).toBe('outcome');
    expect(context.own?.tokens.token_type.toLowerCase()).toBe('bearer');
    expect(context.clientProof).toBeUndefined();
    expect(context.attempts.map((a) => a.succeeded)).toEqual([true, true]);
    expect(context.outcome).toMatchObject({ succeeded: true });
  });

  it('hardened (DPoP-bound token): Mallory’s own proof and the copied proof are both refused with invalid_dpop_proof', async () => {
    const run = await playAttack(stolenTokenDpopMachine, 'hardened', []);
    const context = run.context as StolenDpopContext;
    expect(run.final).toBe('outcome');
    expect(context.own?.tokens.token_type.toLowerCase()).toBe('dpop');
    expect(context.exchanges.find((e) => e.step === 'clientCall')?.response?.status).toBe(200);
    expect(context.attempts.map((a) => a.succeeded)).toEqual([false, false]);
    expect(context.attempts[0].what).toMatch(/401 invalid_dpop_proof/);
    expect(context.attempts[1].what).toMatch(/401 invalid_dpop_proof/);
    expect(context.checks.proofReplay.find((c) => c.name === CHECK_TITLES.dpop.title)).toMatchObject({ outcome: 'fail' });
    const replayed = context.exchanges.find((e) => e.step === 'proofReplay')!.request.headers.dpop;
    expect(replayed).toBe(context.clientProof);
    expect(context.outcome).toMatchObject({ succeeded: false });
  });
});
