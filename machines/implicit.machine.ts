import { assign, setup } from 'xstate';
import { frontChannelExchange } from '@/lib/http-trace/record';
import { clientPolicy } from '@/lib/oauth-client/client-policy';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeRandomValue } from '@/lib/oauth-client/pkce';
import { apiUrl } from '@/lib/realms/descriptor';
import type { FlowInput } from './flow-input';
import { buildImplicitUrl, validateImplicitCallback, type FragmentToken } from './implicit.response';
import { IMPLICIT_STEPS as S } from './implicit.steps';
import { endSteps, enterStep as enter, requestSteps } from './request-step';
import { apiCallActor, discoverActor, sharedActions, sharedGuards } from './shared';
import { emptyFlowContext, type BUSY, type FlowContextBase, type StepMeta } from './step-meta';

export type ImplicitInput = FlowInput;

export interface ImplicitContext extends FlowContextBase {
  input: ImplicitInput;
  issuer: string;
  redirectUri: string;
  metadata?: ServerMetadata;
  state?: string;
  authUrl?: string;
  authParams?: Array<{ name: string; value: string }>;
  callbackUrl?: string;
  token?: FragmentToken;
}

export type ImplicitEvent = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'implicit';

/** The implicit grant (RFC 6749 §4.2), deprecated by RFC 9700 §2.1.2: the machine is the legacy SPA. */
export const implicitMachine = setup({
  types: {
    context: {} as ImplicitContext,
    events: {} as ImplicitEvent,
    input: {} as ImplicitInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: { discover: discoverActor, callApi: apiCallActor },
  actions: {
    ...sharedActions<ImplicitContext, ImplicitEvent>(),
    buildTheUrl: assign(({ context }) => {
      const state = makeRandomValue();
      const built = buildImplicitUrl(context.metadata!.authorization_endpoint, {
        clientId: context.input.client.clientId,
        redirectUri: context.redirectUri,
        scope: context.input.scope,
        state,
      });
      return { state, authUrl: built.url, authParams: built.params };
    }),
    recordAuthorizeHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    recordCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, 16_384);
      return {
        callbackUrl: url,
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'callbackReceived', from: 'browser', to: 'client' }, url)],
      };
    }),
    checkCallback: assign(({ context }) => {
      const { checks, result } = validateImplicitCallback(context.callbackUrl ?? '', {
        state: context.state ?? '',
        issuer: context.issuer,
        issRequired: context.metadata?.authorization_response_iss_parameter_supported === true,
        stateCheck: clientPolicy(context.input.realm).stateCheck,
      });
      return { checks: { ...context.checks, checkCallback: checks }, ...(result.ok ? { token: result.value } : { error: result.error }) };
    }),
  },
  guards: { ...sharedGuards, gotToken: ({ context }) => context.token !== undefined },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input, issuer: input.realm.issuer, redirectUri: `${input.origin}/flows/callback` }),
  initial: 'discover',
  states: {
    ...requestSteps<ImplicitContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.issuer }),
        store: 'storeMetadata',
        next: 'buildUrl',
      },
    }),
    buildUrl: { meta: S.buildUrl, entry: [enter('buildUrl'), 'buildTheUrl'], on: { 'user.next': 'redirectToAs' } },
    redirectToAs: {
      meta: S.redirectToAs,
      entry: enter('redirectToAs'),
      on: {
        'browser.navigated': { target: 'awaitingCallback', actions: 'recordAuthorizeHop' },
        'callback.received': { target: 'callbackReceived', actions: 'recordCallback' },
      },
    },
    awaitingCallback: { meta: S.redirectToAs, on: { 'callback.received': { target: 'callbackReceived', actions: 'recordCallback' } } },
    callbackReceived: { meta: S.callbackReceived, entry: enter('callbackReceived'), on: { 'user.next': 'checkCallback' } },
    checkCallback: { entry: 'checkCallback', always: [{ guard: 'gotToken', target: 'tokenAccepted' }, { target: 'callbackRefused' }] },
    tokenAccepted: { meta: S.tokenAccepted, entry: enter('tokenAccepted'), on: { 'user.next': 'callApi' } },
    ...requestSteps<ImplicitContext>(ID)({
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }) => ({ url: apiUrl(context.input.realm, 'photos'), accessToken: context.token!.accessToken }),
        next: 'useInstead',
      },
    }),
    ...endSteps({ callbackRefused: S.callbackRefused, useInstead: S.useInstead, failed: S.failed }),
  },
});
