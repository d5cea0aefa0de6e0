import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import { fail, ok } from '@/lib/oauth-client/result';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { PkceValues } from './authorization-code.actors';
import type { RefreshInput, ReplayInput } from './refresh-token.actors';
import { refreshTokenMachine } from './refresh-token.machine';
import type { StepOutput } from './step-output';
import { METADATA, ORIGIN, TOKENS, failingActor, fakeExchange, okActor } from './test-fakes';
import { demoRealm, realmAt } from '@/lib/realms/descriptor';

const PKCE: PkceValues = {
  pkce: { verifier: 'v'.repeat(43), asciiHex: '', sha256Hex: '', challenge: 'c'.repeat(43) },
  state: 'st4te',
  nonce: 'n0nce',
};
const input = {
  origin: ORIGIN,
  realm: demoRealm(ORIGIN),
  client: { clientId: 'spa', method: 'none' as const },
  scope: 'openid offline_access photos:read',
};
const callback = (extra: string, issuer = `${ORIGIN}/as/demo`) =>
  `${ORIGIN}/flows/callback?state=st4te&iss=${encodeURIComponent(issuer)}&${extra}`;

/** A fake AS that rotates: refresh token rt-n becomes rt-(n+1); it records what it was sent. */
function fakes(over: Record<string, unknown> = {}, refreshFailsAt?: string) {
  const sent: { refreshed: string[]; presented: string[] } = { refreshed: [], presented: [] };
  const machine = refreshTokenMachine.provide({
    actors: {
      discover: okActor('discover', METADATA),
      makePkce: fromPromise<StepOutput<PkceValues>, void>(async () => ({ step: 'makeVerifier', exchanges: [], result: ok(PKCE) })),
      tokenRequest: okActor('tokenRequest', TOKENS),
      refresh: fromPromise<StepOutput<{ tokens: TokenSet; jwks: { keys: [] } }>, RefreshInput>(async ({ input: i }) => {
        const used = i.previous.refresh_token!;
        sent.refreshed.push(used);
        if (i.step === refreshFailsAt)
          return { step: i.step, exchanges: [fakeExchange(i.step)], result: fail('invalid_grant', 'refused', i.step) };
        const n = Number(used.split('-')[1]) + 1;
        return {
          step: i.step,
          exchanges: [fakeExchange(i.step)],
          result: ok({ tokens: { ...TOKENS, access_token: `a.${n}.c`, refresh_token: `rt-${n}` }, jwks: { keys: [] } }),
        };
      }),
      callApi: okActor('callApi', '[]'),
      presentRefused: fromPromise<StepOutput<{ error: string }>, ReplayInput>(async ({ input: i }) => {
        sent.presented.push(i.refreshToken);
        return { step: i.step, exchanges: [fakeExchange(i.step)], result: ok({ error: 'invalid_grant' }) };
      }),
      callApiRefused: okActor('callApiRevoked', 'Bearer error="invalid_token"'),
      ...over,
    } as never,
  });
  return { machine, sent };
}

async function settle(actor: AnyActorRef) {
  await waitFor(actor, (s) => !s.hasTag('busy'));
}

async function next(actor: AnyActorRef, event: { type: string } = { type: 'user.next' }) {
  actor.send(event);
  await settle(actor);
}

/** Discover, PKCE, URL, the AS trip and the callback, up to the code being redeemed. */
async function signIn(actor: AnyActorRef, query = 'code=abc', tamper = false, issuer?: string) {
  await settle(actor);
  await next(actor);
  await next(actor);
  await next(actor);
  actor.send({ type: 'browser.navigated' });
  actor.send({ type: 'callback.received', url: callback(query, issuer) });
  if (tamper) actor.send({ type: 'user.tamperState' });
  await next(actor);
}

describe('refresh-token machine', () => {
  it('signs in, refreshes twice with rotation, then the replay and the current token are both refused', async () => {
    const { machine, sent } = fakes();
    const actor = createActor(machine, { input }).start();
    await signIn(actor);
    expect(actor.getSnapshot().value).toBe('callbackAccepted');
    await next(actor);
    expect(actor.getSnapshot().value).toEqual({ tokenRequest: 'ready' });
    await next(actor);
    expect(actor.getSnapshot().context.tokens?.refresh_token).toBe('rt-2');
    await next(actor);
    expect(actor.getSnapshot().value).toEqual({ callApi: 'ready' });
    await next(actor);
    expect(actor.getSnapshot().context.tokens?.refresh_token).toBe('rt-3');
    // Each refresh used the refresh token the previous answer rotated in.
    expect(sent.refreshed).toEqual(['rt-1', 'rt-2']);

    await next(actor);
    expect(actor.getSnapshot().value).toEqual({ replaySpent: 'idle' });
    // Next does nothing here: the learner has to press the replay button.
    expect(actor.getSnapshot().can({ type: 'user.next' })).toBe(false);
    await next(actor, { type: 'user.replaySpent' });
    expect(actor.getSnapshot().value).toEqual({ replaySpent: 'ready' });
    await next(actor);
    await next(actor, { type: 'user.tryCurrent' });
    // The spent #1 first, then the current #3.
    expect(sent.presented).toEqual(['rt-1', 'rt-3']);
    await next(actor);
    expect(actor.getSnapshot().value).toEqual({ callApiRevoked: 'ready' });
    await next(actor);

    const snap = actor.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.context.error).toBeUndefined();
    expect(snap.context.issued.map((i: { step: string; tokens: TokenSet }) => [i.step, i.tokens.refresh_token])).toEqual([
      ['tokenRequest', 'rt-1'],
      ['refresh1', 'rt-2'],
      ['refresh2', 'rt-3'],
    ]);
    expect(snap.context.trail).toEqual([
      'discover',
      'makeVerifier',
      'buildUrl',
      'redirectToAs',
      'callbackReceived',
      'callbackAccepted',
      'tokenRequest',
      'refresh1',
      'callApi',
      'refresh2',
      'replaySpent',
      'tryCurrent',
      'callApiRevoked',
      'done',
    ]);
  });

  it('shares the prologue\u2019s state strategy: refuses a tampered state, unless the realm has client-skips-state-check', async () => {
    const hardened = createActor(fakes().machine, { input }).start();
    await signIn(hardened);
    expect(hardened.getSnapshot().value).toBe('callbackAccepted');
    const tampered = createActor(fakes().machine, { input }).start();
    await signIn(tampered, 'code=abc', true);
    expect(tampered.getSnapshot().value).toBe('callbackRefused');
    const realm = realmAt(ORIGIN, 'lab1', ['client-skips-state-check']);
    const weak = createActor(fakes().machine, { input: { ...input, realm } }).start();
    await signIn(weak, 'code=abc', true, realm.issuer);
    expect(weak.getSnapshot().value).toBe('callbackAccepted');
    expect(weak.getSnapshot().context.checks.checkCallback[0].outcome).toBe('skipped');
  });

  it('asks for consent in the authorization URL, as OIDC Core §11 wants with offline_access', async () => {
    const actor = createActor(fakes().machine, { input }).start();
    await settle(actor);
    await next(actor);
    await next(actor);
    const url = new URL(actor.getSnapshot().context.authUrl!);
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('scope')).toBe('openid offline_access photos:read');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('ends in accessDenied when the user denies consent, without calling the token endpoint', async () => {
    let tokenCalls = 0;
    const { machine } = fakes({
      tokenRequest: fromPromise(async () => {
        tokenCalls += 1;
        return { step: 'tokenRequest', exchanges: [], result: ok(TOKENS) };
      }),
    });
    const actor = createActor(machine, { input }).start();
    await signIn(actor, 'error=access_denied');
    expect(actor.getSnapshot().value).toBe('accessDenied');
    expect(actor.getSnapshot().context.error?.code).toBe('access_denied');
    expect(tokenCalls).toBe(0);
  });

  it.each([
    ['refresh1', 2],
    ['refresh2', 4],
  ])('goes to failed with the error when %s fails', async (step, nexts) => {
    const { machine } = fakes({}, step);
    const actor = createActor(machine, { input }).start();
    await signIn(actor);
    for (let n = 0; n < nexts; n++) await next(actor);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toMatchObject({ code: 'invalid_grant', where: step });
  });

  it('goes to failed when the AS accepts the replayed refresh token', async () => {
    const { machine } = fakes({ presentRefused: failingActor('replaySpent', 'refresh_token_accepted') });
    const actor = createActor(machine, { input }).start();
    await signIn(actor);
    for (let n = 0; n < 5; n++) await next(actor);
    await next(actor, { type: 'user.replaySpent' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.code).toBe('refresh_token_accepted');
  });

  it('goes to failed when the code redemption fails', async () => {
    const { machine } = fakes({ tokenRequest: failingActor('tokenRequest', 'invalid_grant') });
    const actor = createActor(machine, { input }).start();
    await signIn(actor);
    await next(actor);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.issued).toEqual([]);
  });

  it('resumes from a persisted snapshot after the trip to the AS', async () => {
    const first = createActor(fakes().machine, { input }).start();
    await settle(first);
    await next(first);
    await next(first);
    await next(first);
    first.send({ type: 'browser.navigated' });
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const resumed = createActor(fakes().machine, { input, snapshot: persisted }).start();
    expect(resumed.getSnapshot().value).toBe('awaitingCallback');
    resumed.send({ type: 'callback.received', url: callback('code=zzz') });
    await next(resumed);
    expect(resumed.getSnapshot().value).toBe('callbackAccepted');
    expect(resumed.getSnapshot().context.code).toBe('zzz');
  });
});
