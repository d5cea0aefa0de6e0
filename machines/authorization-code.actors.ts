import { fromPromise } from 'xstate';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps, type ChallengeSteps } from '@/lib/oauth-client/pkce';
import { fail, ok } from '@/lib/oauth-client/result';
import { authorizationCodeRequest, bearerRequest } from '@/lib/oauth-client/token-requests';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { recordedCall, tokenCall } from './shared';
import type { StepInput, StepOutput } from './step-output';

/** The authorization-code flow's own actors (the shared ones are in shared.ts); tests `.provide()` fakes instead. */

export interface PkceValues {
  pkce: ChallengeSteps;
  state: string;
  nonce: string;
}

export const makePkceActor = fromPromise<StepOutput<PkceValues>, StepInput>(async ({ input }) => {
  const pkce = await s256ChallengeSteps(makeCodeVerifier());
  return { step: input.step, exchanges: [], result: ok({ pkce, state: makeRandomValue(), nonce: makeRandomValue() }) };
});

export interface TokenRequestInput {
  step: string;
  tokenEndpoint: string;
  client: ClientCredentials;
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export const tokenRequestActor = fromPromise<StepOutput<TokenSet>, TokenRequestInput>(({ input }) =>
  tokenCall(input.step, authorizationCodeRequest(input.tokenEndpoint, input.client, input)),
);

/** OIDC Core §5.3: the UserInfo endpoint, with the access token as a bearer token. */
export const userinfoActor = fromPromise<StepOutput<unknown>, StepInput<{ url: string; accessToken: string }>>(({ input }) =>
  recordedCall(input.step, bearerRequest(input.url, input.accessToken), (status, body) => (status === 200 ? ok(body) : fail(`http_${status}`, `UserInfo answered HTTP ${status}.`, input.step))),
);
