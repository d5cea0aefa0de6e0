import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { StepInput, StepOutput } from '../step-output';
import { algorithmConfusionMachine } from './algorithm-confusion.machine';
import { jkuMachine } from './jku.machine';
import type { OwnToken } from './mallory';

// Machine branches with fakes (no server): what the run does when Mallory's own requests go wrong.
const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'r'.repeat(22), ['rs-algorithm-confusion']);
const TOKEN = 'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImsifQ.eyJzdWIiOiJzZXJ2aWNlIn0.c2ln';

const ownToken = fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(async ({ input }) => ({
  step: input.step,
  exchanges: [],
  result: ok({
    metadata: {
      issuer: realm.issuer,
      authorization_endpoint: `${realm.issuer}/authorize`,
      token_endpoint: `${realm.issuer}/token`,
      jwks_uri: `${realm.issuer}/jwks`,
    },
    tokens: { access_token: TOKEN, token_type: 'Bearer' },
  } as OwnToken),
}));

async function runToEnd(machine: typeof algorithmConfusionMachine) {
  const actor = createActor(machine.provide({ actors: { ownToken } }), { input: { origin: ORIGIN, realm, mode: 'vulnerable' } }).start();
  for (let i = 0; i < 10; i++) {
    const snap = await waitFor(actor, (s) => !s.hasTag('busy'));
    if (snap.status === 'done') return snap;
    actor.send({ type: 'user.next' });
  }
  throw new Error('did not end');
}

describe('forged-token machines with fakes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('algorithm confusion stops with the reason when the JWKS publishes no RSA key (the request is still shown)', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] }));
    const snap = await runToEnd(algorithmConfusionMachine);
    expect(snap.value).toBe('failed');
    expect(snap.context.error).toMatchObject({ code: 'jwks_failed', where: 'forge', message: expect.stringContaining('no RSA key') });
    expect(snap.context.exchanges).toHaveLength(1);
    expect(snap.context.exchanges[0]).toMatchObject({ from: 'attacker', to: 'as', request: { url: `${realm.issuer}/jwks` } });
  });

  it('jku stops with her site’s refusal when publishing the key set fails', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'invalid_request' }, { status: 400 }));
    const snap = await runToEnd(jkuMachine as unknown as typeof algorithmConfusionMachine);
    expect(snap.value).toBe('failed');
    expect(snap.context.error).toMatchObject({ code: 'publish_failed', where: 'forge' });
    expect(snap.context.exchanges[0]).toMatchObject({ request: { method: 'PUT' }, response: { status: 400 } });
  });
});
