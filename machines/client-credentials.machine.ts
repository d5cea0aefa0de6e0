import { apiUrl } from '@/lib/realms/descriptor';
import { fromPromise, setup } from 'xstate';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { apiCallActor, discoverActor, sharedActions, sharedGuards, tokenCall } from './shared';
import { CLIENT_CREDENTIALS_STEPS as S } from './client-credentials.steps';
import type { FlowInput } from './flow-input';
import { type BUSY, emptyFlowContext, type FlowContextBase, type StepMeta } from './step-meta';
import { endSteps, requestSteps } from './request-step';
import type { StepInput, StepOutput } from './step-output';

export type ClientCredentialsInput = FlowInput;

export interface ClientCredentialsContext extends FlowContextBase {
  input: ClientCredentialsInput;
  issuer: string;
  metadata?: ServerMetadata;
  tokens?: TokenSet;
}

export type ClientCredentialsEvent = { type: 'user.next' };

const ID = 'clientCredentials';

/** Client credentials grant (RFC 6749 §4.4): the client is the resource owner. */
export const clientCredentialsMachine = setup({
  types: {
    context: {} as ClientCredentialsContext,
    events: {} as ClientCredentialsEvent,
    input: {} as ClientCredentialsInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: discoverActor,
    tokenRequest: fromPromise<StepOutput<TokenSet>, StepInput<{ tokenEndpoint: string; client: ClientCredentials; scope: string }>>(
      ({ input }) => tokenCall(input.step, clientCredentialsRequest(input.tokenEndpoint, input.client, input.scope)),
    ),
    callApi: apiCallActor,
  },
  actions: {
    ...sharedActions<ClientCredentialsContext, ClientCredentialsEvent>(),
  },
  guards: sharedGuards,
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input, issuer: input.realm.issuer }),
  initial: 'discover',
  states: {
    ...requestSteps<ClientCredentialsContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.issuer }),
        store: 'storeMetadata',
        next: 'tokenRequest',
      },
      tokenRequest: {
        meta: S.tokenRequest,
        src: 'tokenRequest',
        input: ({ context }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          client: context.input.client,
          scope: context.input.scope,
        }),
        store: 'storeTokens',
        next: 'callApi',
      },
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }) => ({ url: apiUrl(context.input.realm, 'photos'), accessToken: context.tokens!.access_token }),
        next: 'done',
      },
    }),
    ...endSteps({ done: S.done, failed: S.failed }),
  },
});
