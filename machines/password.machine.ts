import { assign, setup } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { apiUrl } from '@/lib/realms/descriptor';
import type { FlowInput } from './flow-input';
import { MAX_CREDENTIAL, passwordTokenActor } from './password.actors';
import { PASSWORD_STEPS as S } from './password.steps';
import { endSteps, enterStep as enter, requestSteps } from './request-step';
import { apiCallActor, discoverActor, sharedActions, sharedGuards } from './shared';
import { emptyFlowContext, type BUSY, type FlowContextBase, type StepMeta } from './step-meta';
import { resultValue } from './step-output';

export type PasswordInput = FlowInput;

export interface PasswordContext extends FlowContextBase {
  input: PasswordInput;
  issuer: string;
  metadata?: ServerMetadata;
  username?: string;
  /** Held only until the token request is sent: the grant's whole problem is that the client has it at all. */
  password?: string;
  tokens?: TokenSet;
}

export type PasswordEvent = { type: 'user.next' } | { type: 'user.submitPassword'; username: string; password: string };

const ID = 'password';
const bounded = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_CREDENTIAL) : '');

/** The resource owner password credentials grant (RFC 6749 §4.3), which RFC 9700 §2.4 says MUST NOT be used. */
export const passwordMachine = setup({
  types: {
    context: {} as PasswordContext,
    events: {} as PasswordEvent,
    input: {} as PasswordInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: { discover: discoverActor, tokenRequest: passwordTokenActor, callApi: apiCallActor },
  actions: {
    ...sharedActions<PasswordContext, PasswordEvent>(),
    keepCredentials: assign(({ event }) =>
      event.type === 'user.submitPassword' ? { username: bounded(event.username), password: bounded(event.password) } : {},
    ),
    storeTokensForgetPassword: assign(({ event }) => ({ tokens: resultValue<TokenSet>(event), password: undefined })),
  },
  guards: {
    ...sharedGuards,
    hasCredentials: ({ event }) => event.type === 'user.submitPassword' && bounded(event.username) !== '' && bounded(event.password) !== '',
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input, issuer: input.realm.issuer }),
  initial: 'discover',
  states: {
    ...requestSteps<PasswordContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.issuer }),
        store: 'storeMetadata',
        next: 'askPassword',
      },
    }),
    askPassword: {
      meta: S.askPassword,
      entry: enter('askPassword'),
      on: { 'user.submitPassword': { guard: 'hasCredentials', target: 'tokenRequest', actions: 'keepCredentials' } },
    },
    ...requestSteps<PasswordContext>(ID)({
      tokenRequest: {
        meta: S.tokenRequest,
        src: 'tokenRequest',
        input: ({ context }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          client: context.input.client,
          username: context.username ?? '',
          password: context.password ?? '',
          scope: context.input.scope,
        }),
        store: 'storeTokensForgetPassword',
        next: 'callApi',
      },
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }) => ({ url: apiUrl(context.input.realm, 'photos'), accessToken: context.tokens!.access_token }),
        next: 'useInstead',
      },
    }),
    ...endSteps({ useInstead: S.useInstead, failed: S.failed }),
  },
});
