import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { METADATA, ORIGIN } from '../test-fakes';
import { missingStateMachine } from './missing-state.machine';
import type { Redeemed } from './missing-state.client';

const iss = encodeURIComponent(METADATA.issuer);
const mallorysCallback = `${ORIGIN}/flows/callback?code=m-code&state=m-state&iss=${iss}`;

function run(weaknesses: string[], o: { mallory?: string; planted?: string; redeemed?: Redeemed } = {}) {
  const called: string[] = [];
  const actor = <T>(name: string, value: () => T) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = missingStateMachine.provide({
    actors: {
      discover: actor('discover', () => METADATA),
      build: actor('build', () => ({
        authUrl: `${METADATA.authorization_endpoint}?x`,
        state: 'm-state',
        redirectUri: `${ORIGIN}/flows/callback`,
      })),
      plant: actor('plant', () => ({ pageUrl: `${ORIGIN}/attacker/r/plant` })),
      redeem: actor('redeem', () => o.redeemed ?? { tokens: { access_token: 'at', token_type: 'Bearer' } }),
      whoami: actor('whoami', () => ({ succeeded: true, what: 'mallory' })),
    } as never,
  });
  // The realm's issuer is the fake metadata's, so the iss check passes and state alone decides.
  const realm = { ...realmAt(ORIGIN, 'lab-realm-id-0000', weaknesses), issuer: METADATA.issuer };
  return { machine, called, realm, ...o };
}

async function play(r: ReturnType<typeof run>) {
  const a = createActor(r.machine, { input: { origin: ORIGIN, realm: r.realm, mode: 'vulnerable' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  const next = async () => {
    a.send({ type: 'user.next' });
    await settle();
  };
  await settle();
  await next();
  await next();
  expect(a.getSnapshot().value).toBe('mallorySignsIn');
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: r.mallory ?? mallorysCallback });
  await next();
  if (a.getSnapshot().status === 'done') return a.getSnapshot();
  await next();
  expect(a.getSnapshot().value).toBe('aliceVisits');
  expect(a.getSnapshot().context.authUrl).toBe(`${ORIGIN}/attacker/r/plant`);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: r.planted ?? mallorysCallback });
  for (let i = 0; i < 4 && a.getSnapshot().status !== 'done'; i++) await next();
  return a.getSnapshot();
}

describe('missing-state machine branches (fake actors)', () => {
  it('a client that skips the state check redeems the planted code and asks whose session it is', async () => {
    const r = run(['client-skips-state-check']);
    const s = await play(r);
    expect(s.value).toBe('outcome');
    expect(s.context.outcome).toEqual({ succeeded: true, what: 'mallory' });
    expect(r.called).toEqual(['discover', 'build', 'plant', 'redeem', 'whoami']);
  });

  it('the hardened client refuses a state it never sent: nothing is redeemed', async () => {
    const r = run([]);
    const s = await play(r);
    expect(s.value).toBe('outcome');
    expect(r.called).toEqual(['discover', 'build', 'plant']);
    expect(s.context.checks.aliceCallback[0]).toMatchObject({ passed: false });
    expect(s.context.outcome?.succeeded).toBe(false);
  });

  it('the token endpoint refuses the code: its answer is the outcome, no UserInfo call', async () => {
    const r = run(['client-skips-state-check'], { redeemed: { outcome: { succeeded: false, what: 'invalid_grant' } } });
    const s = await play(r);
    expect(s.context.outcome).toEqual({ succeeded: false, what: 'invalid_grant' });
    expect(r.called).toEqual(['discover', 'build', 'plant', 'redeem']);
  });

  it('Mallory’s own sign-in brought back no code: the run stops in failed and says why', async () => {
    const r = run(['client-skips-state-check'], { mallory: `${ORIGIN}/flows/callback?error=access_denied&state=m-state` });
    const s = await play(r);
    expect(s.value).toBe('failed');
    expect(s.context.error?.code).toBe('no_code');
    expect(r.called).toEqual(['discover', 'build']);
  });
});
