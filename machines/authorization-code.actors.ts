import { fromPromise } from 'xstate';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps, type ChallengeSteps } from '@/lib/oauth-client/pkce';
import { ok } from '@/lib/oauth-client/result';
import { authorizationCodeRequest } from '@/lib/oauth-client/token-requests';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { tokenCall } from './shared';
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
  /** With the DPoP option: the client's key (lib/oauth-client/dpop-keyring.ts) signs a proof for this request. */
  dpopKeyId?: string;
}

export const tokenRequestActor = fromPromise<StepOutput<TokenSet>, TokenRequestInput>(({ input }) =>
  tokenCall(input.step, authorizationCodeRequest(input.tokenEndpoint, input.client, input)),
);
