import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { authorizationCode } from '@/components/flow-player/definitions/authorization-code';
import { clientCredentials } from '@/components/flow-player/definitions/client-credentials';
import { flowInput } from '@/components/flow-player/flow-definition';
import { authorizationCodeMachine } from './authorization-code.machine';

const ORIGIN = 'http://localhost:3000';

describe('the "Bind the token with DPoP" option', () => {
  it('reaches the machine only in a flow that offers it', () => {
    expect(flowInput(authorizationCode, { ...authorizationCode.defaults, dpop: true }, ORIGIN).dpop).toBe(true);
    expect(flowInput(authorizationCode, authorizationCode.defaults, ORIGIN).dpop).toBeUndefined();
    expect(flowInput(clientCredentials, { ...clientCredentials.defaults, dpop: true }, ORIGIN).dpop).toBeUndefined();
  });

  it('gives the run a DPoP key id (saved with it) when on, and none when off', () => {
    const on = createActor(authorizationCodeMachine, {
      input: flowInput(authorizationCode, { ...authorizationCode.defaults, dpop: true }, ORIGIN),
    });
    const off = createActor(authorizationCodeMachine, { input: flowInput(authorizationCode, authorizationCode.defaults, ORIGIN) });
    expect(on.getSnapshot().context.dpopKeyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(off.getSnapshot().context.dpopKeyId).toBeUndefined();
  });
});
