import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { FLOWS } from '@/components/flow-player/flow-registry';
import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import { stepsOf } from '@/machines/read-meta';
import { METADATA, ORIGIN, REALM, TOKENS, okActor } from '@/machines/test-fakes';
import { FLOW_TRAILS, flowStepHref, GRANTS } from './links';

describe('deep links into the flows', () => {
  it('knows every registered flow, and only those', () => {
    expect([...GRANTS].sort()).toEqual(FLOWS.map((f) => f.slug).sort());
  });

  it.each(GRANTS.map((g) => [g] as const))('names only steps the %s machine has', async (grant) => {
    const { machine } = await FLOWS.find((f) => f.slug === grant)!.load();
    const steps = Object.keys(stepsOf(machine));
    for (const step of FLOW_TRAILS[grant]) expect(steps, step).toContain(step);
  });

  it('numbers steps as the player does: the client-credentials run records this trail', async () => {
    const machine = clientCredentialsMachine.provide({
      actors: { discover: okActor('discover', METADATA), tokenRequest: okActor('tokenRequest', TOKENS), callApi: okActor('callApi', '[]') } as never,
    });
    const actor = createActor(machine, { input: { origin: ORIGIN, realm: REALM, client: { clientId: 'service', method: 'client_secret_basic', secret: 's' }, scope: 'photos:read' } as never }).start();
    for (let i = 0; i < 3; i++) {
      await waitFor(actor, (s) => !s.hasTag('busy'));
      actor.send({ type: 'user.next' });
    }
    await waitFor(actor, (s) => !s.hasTag('busy'));
    expect(actor.getSnapshot().context.trail).toEqual([...FLOW_TRAILS['client-credentials']]);
    expect(flowStepHref('client-credentials', 'tokenRequest')).toBe('/flows/client-credentials?step=2');
  });
});
