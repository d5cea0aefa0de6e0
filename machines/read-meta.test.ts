import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import { demoRealm } from '@/lib/realms/descriptor';
import { AUTH_CODE_STEPS } from './authorization-code.steps';
import { authorizationCodeMachine } from './authorization-code.machine';
import { deviceCodeMachine } from './device-code.machine';
import { currentStepMeta, stepsOf } from './read-meta';
import { refreshTokenMachine } from './refresh-token.machine';
import { METADATA, ORIGIN, okActor } from './test-fakes';

describe('read-meta', () => {
  it('indexes every step of a machine by its state key, from the states\u2019 own meta', () => {
    const steps = stepsOf(authorizationCodeMachine);
    expect(steps.discover).toBe(AUTH_CODE_STEPS.discover);
    expect(steps.callApi.checklist?.title).toBe('What the resource server checked (RFC 9068 §4)');
    expect(Object.keys(steps)).toEqual(
      expect.arrayContaining([
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
        'failed',
      ]),
    );
    expect(steps).not.toHaveProperty('running');
    expect(stepsOf(deviceCodeMachine).polling.pause).toBe('wait');
  });

  it('reads the current step\u2019s meta and the busy tag from the snapshot', async () => {
    const machine = authorizationCodeMachine.provide({ actors: { discover: okActor('discover', METADATA) } as never });
    const actor = createActor(machine, {
      input: { origin: ORIGIN, realm: demoRealm(ORIGIN), client: { clientId: 'spa', method: 'none' }, scope: 'openid' },
    }).start();
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(currentStepMeta(actor.getSnapshot())?.title).toBe(AUTH_CODE_STEPS.discover.title);
    await new Promise((r) => setTimeout(r, 0));
    expect(actor.getSnapshot().hasTag('busy')).toBe(false);
    expect(actor.getSnapshot().value).toEqual({ discover: 'ready' });
  });
});

describe('step meta fields', () => {
  it('explains every parameter the authorization URL carries', () => {
    const { params } = buildAuthorizationUrl(METADATA.authorization_endpoint, {
      clientId: 'spa',
      redirectUri: `${ORIGIN}/flows/callback`,
      scope: 'openid',
      state: 's',
      nonce: 'n',
      codeChallenge: 'c',
      prompt: 'consent',
    });
    const fields = stepsOf(authorizationCodeMachine).buildUrl.fields ?? {};
    expect(params.filter((p) => !fields[p.name]?.why).map((p) => p.name)).toEqual([]);
    expect(stepsOf(refreshTokenMachine).buildUrl.fields).toBe(fields);
  });
});
