import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { algNoneMachine } from '@/machines/attacks/alg-none.machine';
import { algorithmConfusionMachine } from '@/machines/attacks/algorithm-confusion.machine';
import { embeddedJwkMachine } from '@/machines/attacks/embedded-jwk.machine';
import { implicitAttackMachine } from '@/machines/attacks/implicit.machine';
import { jkuMachine } from '@/machines/attacks/jku.machine';
import { kidTraversalMachine } from '@/machines/attacks/kid-traversal.machine';
import { passwordGrantMachine } from '@/machines/attacks/password-grant.machine';
import { redirectUriMachine } from '@/machines/attacks/redirect-uri.machine';
import { revocationMachine } from '@/machines/attacks/revocation.machine';
import { stolenTokenDpopMachine } from '@/machines/attacks/stolen-token-dpop.machine';
import { unverifiedSignatureMachine } from '@/machines/attacks/unverified-signature.machine';
import { weakHmacSecretMachine } from '@/machines/attacks/weak-hmac-secret.machine';
import { authorizationCodeMachine } from '@/machines/authorization-code.machine';
import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import { deviceCodeMachine } from '@/machines/device-code.machine';
import { implicitMachine } from '@/machines/implicit.machine';
import { passwordMachine } from '@/machines/password.machine';
import { refreshTokenMachine } from '@/machines/refresh-token.machine';
import { stepsOf } from '@/machines/read-meta';
import { tokenStorageMachine } from '@/machines/attacks/token-storage.machine';
import type { AttackInput } from '@/machines/attacks/attack-input';
import { liveStateKey, plannedSteps } from './planned-steps';

const MACHINES: Record<string, AnyStateMachine> = {
  authorizationCodeMachine,
  clientCredentialsMachine,
  deviceCodeMachine,
  implicitMachine,
  passwordMachine,
  refreshTokenMachine,
  algNoneMachine,
  algorithmConfusionMachine,
  embeddedJwkMachine,
  implicitAttackMachine,
  jkuMachine,
  kidTraversalMachine,
  passwordGrantMachine,
  redirectUriMachine,
  revocationMachine,
  stolenTokenDpopMachine,
  unverifiedSignatureMachine,
  weakHmacSecretMachine,
};

const initialKey = (m: AnyStateMachine) =>
  String((m.root as unknown as { initial?: { target: Array<{ key: string }> } }).initial?.target[0].key);

describe('plannedSteps', () => {
  it('lists the whole authorization code flow from its first step, the total the flow really has', () => {
    const plan = plannedSteps(authorizationCodeMachine, ['discover'], 'discover');
    expect(plan.steps).toEqual([
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
    expect(plan.approximate).toBe(false);
  });

  it('keeps the total exact past a fork whose branches are as long: a redirect back with an error, then the same checks', () => {
    const trail = ['discover', 'makeVerifier', 'buildUrl'];
    const plan = plannedSteps(authorizationCodeMachine, trail, 'buildUrl');
    expect(plan.steps).toContain('callbackReceived');
    expect(plan.steps).not.toContain('errorReceived');
    expect(plan.approximate).toBe(false);
    const denied = plannedSteps(authorizationCodeMachine, [...trail, 'redirectToAs', 'errorReceived'], 'errorReceived');
    expect(denied.steps.slice(4, 6)).toEqual(['errorReceived', 'callbackAccepted']);
  });

  it('passes through the states that are not steps: waiting for the AS continues at the callback', () => {
    const trail = ['discover', 'makeVerifier', 'buildUrl', 'redirectToAs'];
    const plan = plannedSteps(authorizationCodeMachine, trail, 'awaitingCallback');
    expect(plan.steps.slice(0, 6)).toEqual([...trail, 'callbackReceived', 'callbackAccepted']);
    expect(plan.steps.at(-1)).toBe('done');
  });

  it('never plans the failed step, and an error ending (access denied) loses to the run that goes on', () => {
    const plan = plannedSteps(authorizationCodeMachine, ['discover'], 'discover');
    expect(plan.steps).not.toContain('failed');
    expect(plan.steps).not.toContain('accessDenied');
    expect(plan.steps).not.toContain('callbackRefused');
  });

  it('keeps the past exact once the run took an error ending: nothing is planned after a final state', () => {
    const trail = ['discover', 'makeVerifier', 'buildUrl', 'redirectToAs', 'callbackReceived', 'accessDenied'];
    expect(plannedSteps(authorizationCodeMachine, trail, 'accessDenied')).toEqual({ steps: trail, approximate: false });
  });

  it('says "about" where a shorter branch rejoins the path (the hardened server blocks the stolen code), and is exact once past it', () => {
    const start = plannedSteps(redirectUriMachine, ['discover'], 'discover');
    expect(start.steps).toEqual(['discover', 'craft', 'aliceOpensLink', 'collect', 'redeem', 'replay', 'outcome']);
    expect(start.approximate).toBe(true);
    const blocked = plannedSteps(redirectUriMachine, ['discover', 'craft', 'aliceOpensLink', 'collect', 'outcome'], 'outcome');
    expect(blocked).toEqual({ steps: ['discover', 'craft', 'aliceOpensLink', 'collect', 'outcome'], approximate: false });
    const replaying = plannedSteps(redirectUriMachine, ['discover', 'craft', 'aliceOpensLink', 'collect', 'redeem', 'replay'], 'replay');
    expect(replaying.approximate).toBe(false);
  });

  it('lists the device flow with the ID token validation, "about" since a scope without openid skips it', () => {
    const plan = plannedSteps(deviceCodeMachine, ['discover'], 'discover');
    expect(plan.steps).toEqual(['discover', 'deviceAuthorization', 'polling', 'tokenResponse', 'validateIdToken', 'callApi', 'done']);
    expect(plan.approximate).toBe(true);
  });

  it.each(Object.entries(MACHINES))('plans %s from its first state to an ending, every step a step with meta', (_, machine) => {
    const first = initialKey(machine);
    const plan = plannedSteps(machine, [first], first);
    const steps = stepsOf(machine);
    expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    expect(plan.steps[0]).toBe(first);
    for (const s of plan.steps) expect(steps[s]?.title, s).toEqual(expect.any(String));
    expect(steps[plan.steps.at(-1)!].pause).toBe('end');
    expect(new Set(plan.steps).size).toBe(plan.steps.length);
  });

  describe('forks the input decides (inputGuard)', () => {
    const input = (variant: string | undefined, mode: AttackInput['mode'] = 'vulnerable') =>
      ({ origin: 'http://localhost:3000', realm: { id: 'lab-x' }, mode, variant }) as unknown as AttackInput;

    it('lists the token-injection variant’s own steps from the first step, and the leak’s for the leak', () => {
      const injection = plannedSteps(implicitAttackMachine, ['discover'], 'discover', input('injection'));
      expect(injection.steps).toEqual(['discover', 'quizRequest', 'quizSignIn', 'quizRedeem', 'inject', 'clientLogin', 'injectionOutcome']);
      expect(injection.approximate).toBe(false);
      const leak = plannedSteps(implicitAttackMachine, ['discover'], 'discover', input('leak'));
      expect(leak.steps).toEqual([
        'discover',
        'buildUrl',
        'redirectToAs',
        'callbackReceived',
        'thirdPartyScript',
        'loot',
        'replay',
        'outcome',
      ]);
      expect(leak.steps).not.toContain('quizRequest');
    });

    it('follows the Server switch where the architecture differs (token storage: the SPA keeps it, or the backend does)', () => {
      const spa = plannedSteps(tokenStorageMachine, ['discover'], 'discover', input(undefined, 'vulnerable')).steps;
      const bff = plannedSteps(tokenStorageMachine, ['discover'], 'discover', input(undefined, 'hardened')).steps;
      expect(spa).toContain('spaStores');
      expect(spa).not.toContain('bffSignsIn');
      expect(bff).toContain('bffSignsIn');
      expect(bff).not.toContain('spaStores');
    });

    it('keeps both branches open without an input, and never decides a guard on a server’s answer', () => {
      const unknown = plannedSteps(implicitAttackMachine, ['discover'], 'discover');
      expect(unknown.steps).toContain('buildUrl');
      expect(unknown.approximate).toBe(true);
      // hardened or not, the redirect-URI attack still forks on whether a code was stolen
      expect(plannedSteps(redirectUriMachine, ['discover'], 'discover', input('prefix')).approximate).toBe(true);
    });
  });

  it('returns the trail alone for a state it does not know', () => {
    expect(plannedSteps(authorizationCodeMachine, ['discover'], 'nowhere')).toEqual({ steps: ['discover'], approximate: false });
    expect(plannedSteps(authorizationCodeMachine, [], undefined)).toEqual({ steps: [], approximate: false });
  });
});

describe('liveStateKey', () => {
  it('names the top-level state of a snapshot value, nested or not', () => {
    expect(liveStateKey({ value: 'done' })).toBe('done');
    expect(liveStateKey({ value: { discover: 'running' } })).toBe('discover');
    expect(liveStateKey({ value: {} })).toBeUndefined();
  });
});
