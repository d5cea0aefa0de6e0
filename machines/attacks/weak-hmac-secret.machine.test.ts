import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CrackOutcome } from '@/lib/jwt/crack/crack-client';
import type { Cracker } from '@/lib/attack-lab/hmac-crack';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { StepInput, StepOutput } from '../step-output';
import type { OwnToken } from './mallory';
import { crackActor, weakHmacSecretMachine } from './weak-hmac-secret.machine';

const b64 = (v: object) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const tokenWith = (alg: string) => `${b64({ alg, typ: 'at+jwt' })}.${b64({ sub: 'service', jti: 'j1' })}.c2ln`;
const own = (alg: string): OwnToken => ({
  metadata: { issuer: 'x' } as OwnToken['metadata'],
  tokens: { access_token: tokenWith(alg), token_type: 'Bearer' } as OwnToken['tokens'],
});
const input = {
  origin: 'http://localhost:3000',
  realm: { id: 'r', issuer: 'i', resource: 'res', weaknesses: [] },
  mode: 'vulnerable' as const,
};

/** A cracker the test drives by hand: it reports progress once, then waits to be settled or cancelled. */
function manualCracker() {
  const calls: string[] = [];
  let settle!: (o: CrackOutcome) => void;
  const cracker: Cracker = (token, onProgress) => {
    calls.push(token);
    onProgress({ tried: 5, total: 10, ms: 1, rate: 5000 });
    const result = new Promise<CrackOutcome>((r) => (settle = r));
    return { result, cancel: () => settle({ ok: true, tried: 5, total: 10, ms: 1, rate: 5000, cancelled: true }) };
  };
  return { cracker, calls, settle: (o: CrackOutcome) => settle(o) };
}

function start(alg: string, cracker: Cracker) {
  const machine = weakHmacSecretMachine.provide({
    actors: {
      ownToken: fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(async ({ input: i }) => ({
        step: i.step,
        exchanges: [],
        result: ok(own(alg)),
      })),
      crack: crackActor(cracker),
    },
  });
  const actor = createActor(machine, { input }).start();
  return actor;
}

describe('weak-hmac-secret machine (fake cracker)', () => {
  it('shows the cracker’s progress, and a cancel ends the crack without a secret', async () => {
    const c = manualCracker();
    const actor = start('HS256', c.cracker);
    await waitFor(actor, (s) => s.matches({ ownToken: 'ready' }));
    actor.send({ type: 'user.next' });
    await waitFor(actor, (s) => s.context.progress?.tried === 5);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    actor.send({ type: 'user.cancelCrack' });
    const snap = await waitFor(actor, (s) => s.matches({ crack: 'ready' }));
    expect(snap.context.crack).toMatchObject({ kind: 'cancelled', tried: 5 });
    expect(snap.context.facts.crack).toContainEqual({ label: 'Secret', value: 'not found (cancelled)' });
    actor.send({ type: 'user.crackAgain' });
    await waitFor(actor, (s) => s.matches({ crack: 'running' }));
    expect(c.calls).toHaveLength(2);
    expect(actor.getSnapshot().context.crack).toBeUndefined();
  });

  it('does not run the cracker on an ES256 token: there is no HMAC secret', async () => {
    const c = manualCracker();
    const actor = start('ES256', c.cracker);
    await waitFor(actor, (s) => s.matches({ ownToken: 'ready' }));
    actor.send({ type: 'user.next' });
    const snap = await waitFor(actor, (s) => s.matches({ crack: 'ready' }));
    expect(snap.context.crack).toEqual({ kind: 'not-hmac', alg: 'ES256' });
    expect(c.calls).toEqual([]);
  });

  it('ends in failed with the cracker’s error when the wordlist cannot be read', async () => {
    const c = manualCracker();
    const actor = start('HS256', c.cracker);
    await waitFor(actor, (s) => s.matches({ ownToken: 'ready' }));
    actor.send({ type: 'user.next' });
    await waitFor(actor, (s) => s.context.progress !== undefined);
    c.settle({ ok: false, error: { code: 'ERR_CRACK_WORDLIST', message: 'The wordlist answered 404.', where: 'wordlist' } });
    const snap = await waitFor(actor, (s) => s.status === 'done');
    expect(snap.value).toBe('failed');
    expect(snap.context.error).toEqual({ code: 'ERR_CRACK_WORDLIST', message: 'The wordlist answered 404.', where: 'crack' });
  });
});
