import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { FLOWS } from '@/components/flow-player/flow-registry';
import { loadFlow } from '@/components/flow-player/flow-loaders';
import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import { stepsOf } from '@/machines/read-meta';
import { METADATA, ORIGIN, REALM, TOKENS, okActor } from '@/machines/test-fakes';
import { FLOW_TRAILS, flowStepHref, GRANTS } from './links';

describe('deep links into the flows', () => {
  it('knows every registered flow, and only those', () => {
    expect([...GRANTS].sort()).toEqual(FLOWS.map((f) => f.slug).sort());
  });

  it.each(GRANTS.map((g) => [g] as const))('names only steps the %s machine has', async (grant) => {
    const { machine } = await loadFlow(grant)!;
    const steps = Object.keys(stepsOf(machine));
    for (const step of FLOW_TRAILS[grant]) expect(steps, step).toContain(step);
  });

  it('numbers steps as the player does: the client-credentials run records this trail', async () => {
    const machine = clientCredentialsMachine.provide({
      actors: {
        discover: okActor('discover', METADATA),
        tokenRequest: okActor('tokenRequest', TOKENS),
        callApi: okActor('callApi', '[]'),
      } as never,
    });
    const actor = createActor(machine, {
      input: {
        origin: ORIGIN,
        realm: REALM,
        client: { clientId: 'service', method: 'client_secret_basic', secret: 's' },
        scope: 'photos:read',
      } as never,
    }).start();
    for (let i = 0; i < 3; i++) {
      await waitFor(actor, (s) => !s.hasTag('busy'));
      actor.send({ type: 'user.next' });
    }
    await waitFor(actor, (s) => !s.hasTag('busy'));
    expect(actor.getSnapshot().context.trail).toEqual([...FLOW_TRAILS['client-credentials']]);
    expect(flowStepHref('client-credentials', 'tokenRequest')).toBe('/flows/client-credentials?step=2');
  });
});

describe('decision guide', async () => {
  const { DECISION_GUIDE } = await import('./decision-guide');
  const { parseLabel, SPEC_SECTIONS } = await import('./spec-sections');

  it('ends in every grant the player plays except the deprecated ones, and cites only known sections', () => {
    const deprecated = new Set(['implicit', 'password']);
    expect(new Set(DECISION_GUIDE.map((a) => a.grant))).toEqual(new Set(GRANTS.filter((g) => !deprecated.has(g))));
    for (const a of DECISION_GUIDE) {
      expect(a.href).toBe(`/flows/${a.grant}`);
      for (const s of a.specs) {
        const p = parseLabel(s);
        expect(p && SPEC_SECTIONS[p.doc][p.section], s).toBeTruthy();
      }
    }
  });

  it('never recommends implicit or the password grant', () => {
    const password = DECISION_GUIDE.find((a) => a.id === 'password')!;
    expect(password.grant).toBe('authorization-code');
    expect(password.why).toMatch(/MUST NOT/);
  });
});
