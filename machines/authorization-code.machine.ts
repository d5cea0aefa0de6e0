import type { JSONWebKeySet } from 'jose';
import { assign, setup } from 'xstate';
import { frontChannelExchange } from '@/lib/http-trace/record';
import { buildAuthorizationUrl, type ExplainedParam } from '@/lib/oauth-client/authorization-request';
import { tamperState, validateCallback } from '@/lib/oauth-client/authorization-response';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { apiCallActor, discoverActor, makePkceActor, tokenRequestActor, userinfoActor, validateIdTokenActor, type PkceValues } from './authorization-code.actors';
import { AUTH_CODE_STEPS as S } from './authorization-code.steps';
import { emptyFlowContext, type FlowContextBase } from './step-meta';
import { mergeStepOutput, type StepOutput } from './step-output';

export interface AuthCodeInput {
  origin: string;
  client: ClientCredentials;
  scope: string;
}

export interface AuthCodeContext extends FlowContextBase {
  input: AuthCodeInput;
  issuer: string;
  redirectUri: string;
  metadata?: ServerMetadata;
  pkce?: PkceValues;
  authUrl?: string;
  authParams?: ExplainedParam[];
  callbackUrl?: string;
  code?: string;
  tokens?: TokenSet;
  jwks?: JSONWebKeySet;
}

export type AuthCodeEvent =
  | { type: 'user.next' }
  | { type: 'browser.navigated' }
  | { type: 'callback.received'; url: string }
  | { type: 'user.tamperState' };

const out = (e: unknown) => (e as { output: StepOutput<unknown> }).output;

/** PKCE + OIDC authorization code flow: the machine is the client (RFC 6749 §4.1, RFC 7636, OIDC Core §3.1). */
export const authorizationCodeMachine = setup({
  types: { context: {} as AuthCodeContext, events: {} as AuthCodeEvent, input: {} as AuthCodeInput },
  actors: { discover: discoverActor, makePkce: makePkceActor, tokenRequest: tokenRequestActor, validateIdToken: validateIdTokenActor, callApi: apiCallActor, userinfo: userinfoActor },
  actions: {
    enterStep: assign({ trail: ({ context }, params: { step: string }) => [...context.trail, params.step] }),
    storeOutput: assign(({ context, event }) => mergeStepOutput(context, out(event))),
    buildTheUrl: assign(({ context }) => {
      const built = buildAuthorizationUrl(context.metadata!.authorization_endpoint, {
        clientId: context.input.client.clientId,
        redirectUri: context.redirectUri,
        scope: context.input.scope,
        state: context.pkce!.state,
        nonce: context.pkce!.nonce,
        codeChallenge: context.pkce!.pkce.challenge,
      });
      return { authUrl: built.url, authParams: built.params };
    }),
    recordCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received') return {};
      // RFC 6749 §4.1.2: the AS redirected the browser here; the client only ever sees the URL.
      const hop = frontChannelExchange({ step: 'callbackReceived', from: 'browser', to: 'client' }, event.url);
      return { callbackUrl: event.url, exchanges: [...context.exchanges, hop] };
    }),
    recordAuthorizeHop: assign({
      exchanges: ({ context }) => [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
    }),
    tamperWithState: assign({ callbackUrl: ({ context }) => tamperState(context.callbackUrl!) }),
    checkCallback: assign(({ context }) => {
      const { checks, result } = validateCallback(context.callbackUrl!, {
        state: context.pkce!.state,
        issuer: context.issuer,
        issRequired: context.metadata?.authorization_response_iss_parameter_supported === true,
      });
      return { checks: { ...context.checks, checkCallback: checks }, ...(result.ok ? { code: result.value.code } : { error: result.error }) };
    }),
  },
  guards: {
    stepFailed: ({ event }) => !out(event).result.ok,
    callbackHasCode: ({ context }) => context.code !== undefined,
    userDenied: ({ context }) => context.error?.code === 'access_denied',
  },
}).createMachine({
  id: 'authorizationCode',
  context: ({ input }) => ({ ...emptyFlowContext(), input, issuer: `${input.origin}/as/demo`, redirectUri: `${input.origin}/flows/callback` }),
  initial: 'discover',
  states: {
    discover: {
      meta: S.discover,
      entry: { type: 'enterStep', params: { step: 'discover' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'discover',
            src: 'discover',
            input: ({ context }) => ({ issuer: context.issuer }),
            onDone: [
              { guard: 'stepFailed', target: '#authorizationCode.failed', actions: 'storeOutput' },
              { target: 'ready', actions: ['storeOutput', assign({ metadata: ({ event }) => (event.output.result.ok ? event.output.result.value : undefined) })] },
            ],
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.makeVerifier' } },
      },
    },
    makeVerifier: {
      meta: S.makeVerifier,
      entry: { type: 'enterStep', params: { step: 'makeVerifier' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'makePkce',
            src: 'makePkce',
            onDone: { target: 'ready', actions: ['storeOutput', assign({ pkce: ({ event }) => (event.output.result.ok ? event.output.result.value : undefined) })] },
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.buildUrl' } },
      },
    },
    buildUrl: {
      meta: S.buildUrl,
      entry: [{ type: 'enterStep', params: { step: 'buildUrl' } }, 'buildTheUrl'],
      on: { 'user.next': 'redirectToAs' },
    },
    redirectToAs: {
      meta: S.redirectToAs,
      entry: { type: 'enterStep', params: { step: 'redirectToAs' } },
      // The player persists the snapshot, then sends the browser away (RFC 6749 §4.1.1).
      on: { 'browser.navigated': { target: 'awaitingCallback', actions: 'recordAuthorizeHop' }, 'callback.received': { target: 'callbackReceived', actions: 'recordCallback' } },
    },
    awaitingCallback: {
      meta: S.redirectToAs,
      on: { 'callback.received': { target: 'callbackReceived', actions: 'recordCallback' } },
    },
    callbackReceived: {
      meta: S.callbackReceived,
      entry: { type: 'enterStep', params: { step: 'callbackReceived' } },
      on: {
        'user.tamperState': { actions: 'tamperWithState' },
        'user.next': { target: 'checkCallback' },
      },
    },
    checkCallback: {
      entry: 'checkCallback',
      always: [
        { guard: 'callbackHasCode', target: 'callbackAccepted' },
        { guard: 'userDenied', target: 'accessDenied' },
        { target: 'callbackRefused' },
      ],
    },
    callbackAccepted: {
      meta: S.callbackAccepted,
      entry: { type: 'enterStep', params: { step: 'callbackAccepted' } },
      on: { 'user.next': 'tokenRequest' },
    },
    accessDenied: { meta: S.accessDenied, entry: { type: 'enterStep', params: { step: 'accessDenied' } }, type: 'final' },
    callbackRefused: { meta: S.callbackRefused, entry: { type: 'enterStep', params: { step: 'callbackRefused' } }, type: 'final' },
    tokenRequest: {
      meta: S.tokenRequest,
      entry: { type: 'enterStep', params: { step: 'tokenRequest' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'tokenRequest',
            src: 'tokenRequest',
            input: ({ context }) => ({ tokenEndpoint: context.metadata!.token_endpoint, client: context.input.client, code: context.code!, redirectUri: context.redirectUri, codeVerifier: context.pkce!.pkce.verifier }),
            onDone: [
              { guard: 'stepFailed', target: '#authorizationCode.failed', actions: 'storeOutput' },
              { target: 'ready', actions: ['storeOutput', assign({ tokens: ({ event }) => (event.output.result.ok ? event.output.result.value : undefined) })] },
            ],
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.validateIdToken' } },
      },
    },
    validateIdToken: {
      meta: S.validateIdToken,
      entry: { type: 'enterStep', params: { step: 'validateIdToken' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'validateIdToken',
            src: 'validateIdToken',
            input: ({ context }) => ({ jwksUri: context.metadata!.jwks_uri, issuer: context.issuer, clientId: context.input.client.clientId, nonce: context.pkce!.nonce, tokens: context.tokens! }),
            onDone: [
              { guard: 'stepFailed', target: '#authorizationCode.failed', actions: 'storeOutput' },
              { target: 'ready', actions: ['storeOutput', assign({ jwks: ({ event }) => (event.output.result.ok ? event.output.result.value : undefined) })] },
            ],
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.callApi' } },
      },
    },
    callApi: {
      meta: S.callApi,
      entry: { type: 'enterStep', params: { step: 'callApi' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'callApi',
            src: 'callApi',
            input: ({ context }) => ({ step: 'callApi', url: `${context.input.origin}/rs/demo/photos`, accessToken: context.tokens!.access_token, jwks: context.jwks!, issuer: context.issuer, resource: `${context.input.origin}/rs/demo`, requiredScope: 'photos:read' }),
            onDone: [
              { guard: 'stepFailed', target: '#authorizationCode.failed', actions: 'storeOutput' },
              { target: 'ready', actions: 'storeOutput' },
            ],
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.userinfo' } },
      },
    },
    userinfo: {
      meta: S.userinfo,
      entry: { type: 'enterStep', params: { step: 'userinfo' } },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'userinfo',
            src: 'userinfo',
            input: ({ context }) => ({ url: context.metadata!.userinfo_endpoint ?? `${context.issuer}/userinfo`, accessToken: context.tokens!.access_token }),
            onDone: [
              { guard: 'stepFailed', target: '#authorizationCode.failed', actions: 'storeOutput' },
              { target: 'ready', actions: 'storeOutput' },
            ],
          },
        },
        ready: { on: { 'user.next': '#authorizationCode.done' } },
      },
    },
    done: { meta: S.done, entry: { type: 'enterStep', params: { step: 'done' } }, type: 'final' },
    failed: { meta: S.failed, entry: { type: 'enterStep', params: { step: 'failed' } }, type: 'final' },
  },
});
