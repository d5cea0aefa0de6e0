import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import { ok } from '@/lib/oauth-client/result';
import { authorizationCodeMachine } from './authorization-code.machine';
import type { PkceValues } from './authorization-code.actors';
import type { StepOutput } from './step-output';
import { METADATA, ORIGIN, TOKENS, failingActor, okActor } from './test-fakes';
import { demoRealm, realmAt } from '@/lib/realms/descriptor';

const PKCE: PkceValues = {
  pkce: { verifier: 'v'.repeat(43), asciiHex: '', sha256Hex: '', challenge: 'c'.repeat(43) },
  state: 'st4te',
  nonce: 'n0nce',
};

function fakes(over: Record<string, unknown> = {}) {
  return authorizationCodeMachine.provide({
    actors: {
      discover: okActor('discover', METADATA),
      makePkce: fromPromise<StepOutput<PkceValues>, void>(async () => ({ step: 'makeVerifier', exchanges: [], result: ok(PKCE) })),
      tokenRequest: okActor('tokenRequest', TOKENS),
      validateIdToken: okActor('validateIdToken', { keys: [] }),
      callApi: okActor('callApi', '[]'),
      userinfo: okActor('userinfo', '{}'),
      ...over,
    } as never,
  });
}

const input = {
  origin: ORIGIN,
  realm: demoRealm(ORIGIN),
  client: { clientId: 'spa', method: 'none' as const },
  scope: 'openid photos:read',
};

async function settle(actor: AnyActorRef) {
  await waitFor(actor, (s) => !s.hasTag('busy'));
}

async function toCallback(actor: AnyActorRef, query: string) {
  await settle(actor);
  actor.send({ type: 'user.next' });
  await settle(actor);
  actor.send({ type: 'user.next' });
  actor.send({ type: 'user.next' });
  expect(actor.getSnapshot().value).toBe('redirectToAs');
  actor.send({ type: 'browser.navigated' });
  actor.send({ type: 'callback.received', url: `${ORIGIN}/flows/callback?${query}` });
}

const callbackQuery = (extra: string) => `state=st4te&iss=${encodeURIComponent(`${ORIGIN}/as/demo`)}&${extra}`;

describe('authorization-code machine', () => {
  it('walks the happy path from discovery to userinfo and records every step in the trail', async () => {
    const actor = createActor(fakes(), { input }).start();
    await toCallback(actor, callbackQuery('code=abc'));
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('callbackAccepted');
    expect(actor.getSnapshot().context.code).toBe('abc');
    for (let i = 0; i < 5; i++) {
      actor.send({ type: 'user.next' });
      await settle(actor);
    }
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.context.trail).toEqual([
      'discover',
      'makeVerifier',
      'buildUrl',
      'redirectToAs',
      'callbackReceived',
      'callbackAccepted',
      'tokenRequest',
      'validateIdToken',
      'callApi',
      'userinfo',
      'done',
    ]);
    expect(snap.context.exchanges.map((e) => e.channel)).toContain('front');
  });

  it('builds the authorization URL with PKCE S256, state and nonce from the discovered endpoint', async () => {
    const actor = createActor(fakes(), { input }).start();
    await settle(actor);
    actor.send({ type: 'user.next' });
    await settle(actor);
    actor.send({ type: 'user.next' });
    const url = new URL(actor.getSnapshot().context.authUrl!);
    expect(url.origin + url.pathname).toBe(METADATA.authorization_endpoint);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(PKCE.pkce.challenge);
    expect(url.searchParams.get('state')).toBe('st4te');
    expect(url.searchParams.get('nonce')).toBe('n0nce');
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/flows/callback`);
  });

  it('ends in accessDenied when the user denies consent', async () => {
    const actor = createActor(fakes(), { input }).start();
    await toCallback(actor, callbackQuery('error=access_denied'));
    // The redirect back is its own step: an error in place of a code (RFC 6749 §4.1.2.1), drawn without a code.
    expect(actor.getSnapshot().value).toBe('errorReceived');
    expect(actor.getSnapshot().context.exchanges.at(-1)?.step).toBe('errorReceived');
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('accessDenied');
    expect(actor.getSnapshot().context.error?.code).toBe('access_denied');
  });

  it('refuses the callback when the learner tampers with state, and never calls the token endpoint', async () => {
    let tokenCalls = 0;
    const actor = createActor(
      fakes({
        tokenRequest: fromPromise(async () => {
          tokenCalls += 1;
          return { step: 'tokenRequest', exchanges: [], result: ok(TOKENS) };
        }),
      }),
      { input },
    ).start();
    await toCallback(actor, callbackQuery('code=abc'));
    actor.send({ type: 'user.tamperState' });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('callbackRefused');
    expect(actor.getSnapshot().context.error?.code).toBe('state_mismatch');
    expect(tokenCalls).toBe(0);
  });

  it('in a realm with client-skips-state-check, believes a tampered state and shows the check as skipped', async () => {
    const weak = { ...input, realm: realmAt(ORIGIN, 'lab1', ['client-skips-state-check']) };
    const actor = createActor(fakes(), { input: weak }).start();
    await toCallback(actor, `state=st4te&iss=${encodeURIComponent(weak.realm.issuer)}&code=abc`);
    actor.send({ type: 'user.tamperState' });
    actor.send({ type: 'user.next' });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('callbackAccepted');
    expect(snap.context.code).toBe('abc');
    expect(snap.context.checks.checkCallback[0]).toMatchObject({
      name: 'state matches what this browser sent',
      passed: false,
      outcome: 'skipped',
    });
    expect(snap.context.checks.checkCallback[0].detail).toContain('st4te-tampered');
  });

  it('in the hardened realm, the state check ran and passed on an untouched callback', async () => {
    const actor = createActor(fakes(), { input }).start();
    await toCallback(actor, callbackQuery('code=abc'));
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().context.checks.checkCallback[0]).toMatchObject({ passed: true });
    expect(actor.getSnapshot().context.checks.checkCallback[0].outcome).toBeUndefined();
  });

  it('refuses a callback without iss when discovery promised one (RFC 9207)', async () => {
    const actor = createActor(fakes(), { input }).start();
    await toCallback(actor, 'state=st4te&code=abc');
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().context.error?.code).toBe('issuer_mismatch');
  });

  it.each([
    ['discover', 0],
    ['tokenRequest', 1],
    ['validateIdToken', 2],
    ['callApi', 3],
    ['userinfo', 4],
  ])('goes to failed with the error when %s fails', async (which, after) => {
    const actor = createActor(fakes({ [which]: failingActor(which, 'invalid_grant') }), { input }).start();
    if (which !== 'discover') {
      await toCallback(actor, callbackQuery('code=abc'));
      actor.send({ type: 'user.next' });
      for (let i = 0; i < after; i++) {
        actor.send({ type: 'user.next' });
        await settle(actor);
      }
    }
    await settle(actor);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toMatchObject({ code: 'invalid_grant', where: which });
  });

  it('resumes from a persisted snapshot and processes the callback there', async () => {
    const first = createActor(fakes(), { input }).start();
    await settle(first);
    first.send({ type: 'user.next' });
    await settle(first);
    first.send({ type: 'user.next' });
    first.send({ type: 'user.next' });
    first.send({ type: 'browser.navigated' });
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const resumed = createActor(fakes(), { input, snapshot: persisted }).start();
    expect(resumed.getSnapshot().value).toBe('awaitingCallback');
    resumed.send({ type: 'callback.received', url: `${ORIGIN}/flows/callback?${callbackQuery('code=zzz')}` });
    resumed.send({ type: 'user.next' });
    expect(resumed.getSnapshot().value).toBe('callbackAccepted');
    expect(resumed.getSnapshot().context.code).toBe('zzz');
  });
});
