import { apiUrl } from '@/lib/realms/descriptor';
import { assign, fromPromise, setup } from 'xstate';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { apiCallActor, discoverActor, tokenCall } from './authorization-code.actors';
import { CLIENT_CREDENTIALS_STEPS as S } from './client-credentials.steps';
import type { FlowInput } from './flow-input';
import { type BUSY, emptyFlowContext, type FlowContextBase, type StepMeta } from './step-meta';
import { requestStep } from './request-step';
import { mergeStepOutput, resultValue, type StepOutput } from './step-output';

export type ClientCredentialsInput = FlowInput;

export interface ClientCredentialsContext extends FlowContextBase {
  input: ClientCredentialsInput;
  issuer: string;
  metadata?: ServerMetadata;
  tokens?: TokenSet;
}

export type ClientCredentialsEvent = { type: 'user.next' };

const out = (e: unknown) => (e as { output: StepOutput<unknown> }).output;

/** Client credentials grant (RFC 6749 §4.4): the client is the resource owner. */
export const clientCredentialsMachine = setup({
  types: { context: {} as ClientCredentialsContext, events: {} as ClientCredentialsEvent, input: {} as ClientCredentialsInput, meta: {} as StepMeta, tags: {} as typeof BUSY },
  actors: {
    discover: discoverActor,
    tokenRequest: fromPromise<StepOutput<TokenSet>, { tokenEndpoint: string; client: ClientCredentials; scope: string }>(({ input }) =>
      tokenCall('tokenRequest', clientCredentialsRequest(input.tokenEndpoint, input.client, input.scope)),
    ),
    callApi: apiCallActor,
  },
  actions: {
    enterStep: assign({ trail: ({ context }, params: { step: string }) => [...context.trail, params.step] }),
    storeOutput: assign(({ context, event }) => mergeStepOutput(context, out(event))),
    storeMetadata: assign({ metadata: ({ event }) => resultValue<ServerMetadata>(event) }),
    storeTokens: assign({ tokens: ({ event }) => resultValue<TokenSet>(event) }),
  },
  guards: { stepFailed: ({ event }) => !out(event).result.ok },
}).createMachine({
  id: 'clientCredentials',
  context: ({ input }) => ({ ...emptyFlowContext(), input, issuer: input.realm.issuer }),
  initial: 'discover',
  states: {
    discover: requestStep({ machine: 'clientCredentials', step: 'discover', meta: S.discover, src: 'discover', input: ({ context }: { context: ClientCredentialsContext }) => ({ issuer: context.issuer }), store: 'storeMetadata', next: 'tokenRequest' }),
    tokenRequest: requestStep({
      machine: 'clientCredentials',
      step: 'tokenRequest',
      meta: S.tokenRequest,
      src: 'tokenRequest',
      input: ({ context }: { context: ClientCredentialsContext }) => ({ tokenEndpoint: context.metadata!.token_endpoint, client: context.input.client, scope: context.input.scope }),
      store: 'storeTokens',
      next: 'callApi',
    }),
    callApi: requestStep({
      machine: 'clientCredentials',
      step: 'callApi',
      meta: S.callApi,
      src: 'callApi',
      input: ({ context }: { context: ClientCredentialsContext }) => ({ step: 'callApi', url: apiUrl(context.input.realm, 'photos'), accessToken: context.tokens!.access_token }),
      next: 'done',
    }),
    done: { meta: S.done, entry: { type: 'enterStep', params: { step: 'done' } }, type: 'final' },
    failed: { meta: S.failed, entry: { type: 'enterStep', params: { step: 'failed' } }, type: 'final' },
  },
});

