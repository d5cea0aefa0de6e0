import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServerStore } from '@/lib/realms/registry';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { unverifiedSignatureMachine } from './unverified-signature.machine';
import { playAttack } from './test-run';

describe('unverified signature against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the vulnerable RS never checks the stale signature and serves Alice’s photos; the hardened one finds it does not verify', async () => {
    const vulnerable = await playAttack(unverifiedSignatureMachine, 'vulnerable', ['rs-skips-signature']);
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('Alice’s photos');
    expect(vulnerable.context.checks.replay.find((c) => c.name === CHECK_TITLES.signature.title)).toMatchObject({ outcome: 'skipped' });
    const own = vulnerable.context.exchanges.find((e) => e.step === 'ownToken' && e.request.method === 'POST')!;
    const forged = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.slice('Bearer '.length);
    expect(forged.split('.')[2]).toBe((JSON.parse(own.response!.body!) as { access_token: string }).access_token.split('.')[2]);

    const hardened = await playAttack(unverifiedSignatureMachine, 'hardened', ['rs-skips-signature']);
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token.*signature does not verify/);
    expect(hardened.context.checks.replay.find((c) => c.name === CHECK_TITLES.signature.title)).toMatchObject({ outcome: 'fail' });
  });
});
