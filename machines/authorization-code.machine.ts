import type { JSONWebKeySet } from 'jose';
import { apiUrl } from '@/lib/realms/descriptor';
import { assign, setup } from 'xstate';
import type { BUSY, StepMeta } from './step-meta';
import { dpopApiCallActor, dpopTokenRequestActor, dpopUserinfoActor } from './authorization-code.dpop';
import { sharedActions, validateIdTokenActor } from './shared';
import { AUTH_CODE_STEPS as S, AUTH_CODE_TOKEN_STEP } from './authorization-code.steps';
import { endSteps, requestSteps } from './request-step';
import { resultValue } from './step-output';
import {
  PROLOGUE_STEPS,
  prologueActors,
  prologueAssigners as P,
  prologueContext,
  prologueGuards,
  prologueStates,
  type PrologueContext,
  type PrologueEvent,
  type PrologueInput,
} from './auth-code-prologue';

export type AuthCodeInput = PrologueInput;

export interface AuthCodeContext extends PrologueContext {
  jwks?: JSONWebKeySet;
}

export type AuthCodeEvent = PrologueEvent;

/**
 * PKCE + OIDC authorization code flow: the machine is the client (RFC 6749 §4.1, RFC 7636, OIDC Core §3.1).
 * With the DPoP option (input `dpop`) the token request, the API call and UserInfo carry DPoP proofs (RFC 9449).
 */
export const authorizationCodeMachine = setup({
  types: {
    context: {} as AuthCodeContext,
    events: {} as AuthCodeEvent,
    input: {} as AuthCodeInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    ...prologueActors,
    tokenRequest: dpopTokenRequestActor,
    validateIdToken: validateIdTokenActor,
    callApi: dpopApiCallActor,
    userinfo: dpopUserinfoActor,
  },
  actions: {
    ...sharedActions<AuthCodeContext, AuthCodeEvent>(),
    storePkce: assign(P.storePkce),
    buildTheUrl: assign(P.buildTheUrl),
    recordCallback: assign(P.recordCallback),
    recordAuthorizeHop: assign(P.recordAuthorizeHop),
    tamperWithState: assign(P.tamperWithState),
    checkCallback: assign(P.checkCallback),
    storeJwks: assign({ jwks: ({ event }) => resultValue<JSONWebKeySet>(event) }),
  },
  guards: prologueGuards,
}).createMachine({
  id: 'authorizationCode',
  context: ({ input }) => prologueContext(input),
  initial: 'discover',
  states: {
    // discover → makeVerifier → buildUrl → redirectToAs → callbackReceived → callbackAccepted → tokenRequest
    ...prologueStates('authorizationCode', 'validateIdToken', { ...PROLOGUE_STEPS, tokenRequest: AUTH_CODE_TOKEN_STEP }),
    ...requestSteps<AuthCodeContext>('authorizationCode')({
      validateIdToken: {
        meta: S.validateIdToken,
        src: 'validateIdToken',
        input: ({ context }: { context: AuthCodeContext }) => ({
          jwksUri: context.metadata!.jwks_uri,
          issuer: context.issuer,
          clientId: context.input.client.clientId,
          nonce: context.pkce!.nonce,
          tokens: context.tokens!,
        }),
        store: 'storeJwks',
        next: 'callApi',
      },
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }: { context: AuthCodeContext }) => ({
          url: apiUrl(context.input.realm, 'photos'),
          accessToken: context.tokens!.access_token,
          dpopKeyId: context.dpopKeyId,
        }),
        next: 'userinfo',
      },
      userinfo: {
        meta: S.userinfo,
        src: 'userinfo',
        input: ({ context }: { context: AuthCodeContext }) => ({
          url: context.metadata!.userinfo_endpoint ?? `${context.issuer}/userinfo`,
          accessToken: context.tokens!.access_token,
          dpopKeyId: context.dpopKeyId,
        }),
        next: 'done',
      },
    }),
    ...endSteps({ done: S.done, failed: S.failed }),
  },
});
