import { fromPromise } from 'xstate';
import { fail, ok } from '@/lib/oauth-client/result';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { Exchange } from '@/lib/http-trace/types';
import { demoRealm } from '@/lib/realms/descriptor';
import type { StepOutput } from './step-output';

/** Fake actors for machine tests: no network, deterministic values. */
export const ORIGIN = 'http://localhost:3205';
export const REALM = demoRealm(ORIGIN);
export const METADATA: ServerMetadata = {
  issuer: `${ORIGIN}/as/demo`,
  authorization_endpoint: `${ORIGIN}/as/demo/authorize`,
  token_endpoint: `${ORIGIN}/as/demo/token`,
  jwks_uri: `${ORIGIN}/as/demo/jwks`,
  userinfo_endpoint: `${ORIGIN}/as/demo/userinfo`,
  device_authorization_endpoint: `${ORIGIN}/as/demo/device_authorization`,
  authorization_response_iss_parameter_supported: true,
};
export const TOKENS: TokenSet = { access_token: 'a.b.c', token_type: 'Bearer', expires_in: 600, id_token: 'x.y.z', refresh_token: 'rt-1' };

export const fakeExchange = (step: string): Exchange => ({
  id: `${step}-1`,
  step,
  from: 'client',
  to: 'as',
  channel: 'back',
  request: { method: 'POST', url: `${ORIGIN}/as/demo/token`, headers: {} },
  response: { status: 200, headers: {}, ms: 1 },
  tokens: [],
});

export function okActor<T>(step: string, value: T) {
  return fromPromise<StepOutput<T>, unknown>(async () => ({ step, exchanges: [fakeExchange(step)], result: ok(value) }));
}

export function failingActor(step: string, code: string) {
  return fromPromise<StepOutput<never>, unknown>(async () => ({
    step,
    exchanges: [fakeExchange(step)],
    result: fail(code, `${code} happened`, step),
  }));
}
