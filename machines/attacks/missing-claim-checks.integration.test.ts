import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromPromise } from 'xstate';
import { missingClaimChecks } from '@/components/attack-lab/definitions/missing-claim-checks';
import { hardenedSpec } from '@/components/attack-lab/attack-definition';
import { setServerStore } from '@/lib/realms/registry';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';
import { ok } from '@/lib/oauth-client/result';
import type { StepInput, StepOutput } from '../step-output';
import { PRINT_API } from './missing-claim-checks.actors';
import { missingClaimChecksMachine } from './missing-claim-checks.machine';
import { playAttack } from './test-run';

/**
 * The real machine against real lab realms, in-process. The servers' clock is the test's: the wait
 * for expiry moves it on by as much as the real step would wait, instead of sleeping.
 */
let clockNow = 1_900_000_000;
const clock = { nowSeconds: () => clockNow };
const fastForward = missingClaimChecksMachine.provide({
  actors: {
    waitForExpiry: fromPromise<StepOutput<{ waited: number }>, StepInput<{ expiresIn?: number }>>(async ({ input }) => {
      const waited = (input.expiresIn ?? 0) + 1;
      clockNow += waited;
      return { step: input.step, exchanges: [], result: ok({ waited }) };
    }),
  },
});

const check = (run: Awaited<ReturnType<typeof playAttack>>, name: keyof typeof CHECK_TITLES) =>
  run.context.checks.replay?.find((c) => c.name === CHECK_TITLES[name].title)?.outcome;

describe('missing claim checks against real lab realms', () => {
  beforeEach(() => {
    clockNow = 1_900_000_000;
    setServerStore(new MemoryStore({ clock }), clock);
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('expired: the vulnerable RS serves the printing service’s photos for an expired token; the hardened one refuses on exp', async () => {
    const spec = missingClaimChecks.vulnerableFor!('expired');
    const vulnerable = await playAttack(fastForward, 'vulnerable', [...spec.weaknesses], { variant: 'expired', settings: spec.settings });
    expect(vulnerable.context.trail).toEqual(['tokenForPhotos', 'waitForExpiry', 'replay', 'outcome']);
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(vulnerable.context.outcome?.what).toContain('the expired token');
    expect(vulnerable.context.outcome?.what).toContain('the printing service’s photos');
    expect(check(vulnerable, 'exp')).toBe('skipped');
    const token = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.replace(/^Bearer /, '');
    expect(unverifiedClaims(token)!.exp).toBeLessThan(clockNow);

    const hardened = await playAttack(fastForward, 'hardened', [...spec.weaknesses], {
      variant: 'expired',
      settings: hardenedSpec(missingClaimChecks).settings,
    });
    expect(hardened.realm.weaknesses).toEqual([]);
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token — The access token has expired/);
    expect([check(hardened, 'aud'), check(hardened, 'exp')]).toEqual(['pass', 'fail']);
  });

  it('audience: the vulnerable RS accepts the print API’s token; the hardened one refuses on aud after iss passed', async () => {
    const spec = missingClaimChecks.vulnerableFor!('audience');
    const vulnerable = await playAttack(fastForward, 'vulnerable', [...spec.weaknesses], { variant: 'audience', settings: spec.settings });
    expect(vulnerable.context.trail).toEqual(['tokenForPrintApi', 'replay', 'outcome']);
    const token = vulnerable.context.exchanges.at(-1)!.request.headers.authorization.replace(/^Bearer /, '');
    expect(unverifiedClaims(token)!.aud).toBe(PRINT_API);
    expect(vulnerable.context.outcome).toMatchObject({ succeeded: true });
    expect(check(vulnerable, 'aud')).toBe('skipped');
    expect(check(vulnerable, 'exp')).toBe('pass');

    const hardened = await playAttack(fastForward, 'hardened', [...spec.weaknesses], {
      variant: 'audience',
      settings: hardenedSpec(missingClaimChecks).settings,
    });
    expect(hardened.context.outcome).toMatchObject({ succeeded: false });
    expect(hardened.context.outcome?.what).toMatch(/401 invalid_token — The access token is not meant for this resource server/);
    expect([check(hardened, 'iss'), check(hardened, 'aud'), check(hardened, 'exp')]).toEqual(['pass', 'fail', undefined]);
  });

  it('audience against a realm that does not serve the print API: the token request fails with invalid_target and the run stops', async () => {
    const run = await playAttack(fastForward, 'vulnerable', ['rs-skips-aud'], { variant: 'audience' });
    expect(run.final).toBe('failed');
    expect(run.context.error).toMatchObject({ code: 'invalid_target' });
    expect(run.context.outcome).toBeUndefined();
  });
});
