import type { JSONWebKeySet } from 'jose';
import { apiUrl } from '@/lib/realms/descriptor';
import { assign, setup } from 'xstate';
import type { BUSY, StepMeta } from './step-meta';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { apiCallActor, out, sharedActions } from './shared';
import { resultValue } from './step-output';
import {
  prologueActors,
  prologueAssigners as P,
  prologueContext,
  prologueGuards,
  prologueStates,
  type PrologueContext,
  type PrologueEvent,
  type PrologueInput,
  type CallbackParams,
  type PrologueOptions,
} from './auth-code-prologue';
import { apiCallRefusedActor, presentRefusedActor, refreshActor, type Refreshed } from './refresh-token.actors';
import { REFRESH_TOKEN_STEPS as S } from './refresh-token.steps';
import { actionSteps, endSteps, requestSteps } from './request-step';

export type RefreshTokenInput = PrologueInput;

/** One token response the client received, by the step that received it (oldest first). */
export interface IssuedTokens {
  step: string;
  tokens: TokenSet;
}

export interface RefreshTokenContext extends PrologueContext {
  jwks?: JSONWebKeySet;
  /** Every token set so far: the code's, then one per refresh. `tokens` is always the last. */
  issued: IssuedTokens[];
}

export type RefreshTokenEvent = PrologueEvent | { type: 'user.replaySpent' } | { type: 'user.tryCurrent' };

const ID = 'refreshToken';

/** The refresh token spent at the first refresh: the one the replay presents again. */
export const spentRefreshToken = (c: Pick<RefreshTokenContext, 'issued'>) => c.issued[0]?.tokens.refresh_token;

/**
 * Refresh tokens with rotation (RFC 6749 §6, RFC 9700 §4.14.2, OIDC Core §11-12): sign in once
 * through the authorization-code prologue, refresh twice (each use rotates), then replay a spent
 * refresh token and watch the AS revoke the whole family.
 */
export const refreshTokenMachine = setup({
  types: {
    context: {} as RefreshTokenContext,
    events: {} as RefreshTokenEvent,
    input: {} as RefreshTokenInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    ...prologueActors,
    refresh: refreshActor,
    callApi: apiCallActor,
    presentRefused: presentRefusedActor,
    callApiRefused: apiCallRefusedActor,
  },
  // Wrapped in arrows so that assign() infers this machine's context, not the prologue's.
  actions: {
    ...sharedActions<RefreshTokenContext, RefreshTokenEvent>(),
    storePkce: assign((a) => P.storePkce(a)),
    // The code's token set starts the history the comparison panels read.
    storeTokens: assign((args) => {
      const tokens = resultValue<TokenSet>(args.event);
      return tokens ? { tokens, issued: [...args.context.issued, { step: out(args.event).step, tokens }] } : {};
    }),
    storeRefreshed: assign(({ context, event }) => {
      const r = out(event).result;
      if (!r.ok) return {};
      const { tokens, jwks } = r.value as Refreshed;
      return { tokens, jwks, issued: [...context.issued, { step: out(event).step, tokens }] };
    }),
    buildTheUrl: assign((a, params: PrologueOptions) => P.buildTheUrl(a, params)),
    recordCallback: assign((a, params: CallbackParams) => P.recordCallback(a, params)),
    recordAuthorizeHop: assign((a) => P.recordAuthorizeHop(a)),
    tamperWithState: assign((a) => P.tamperWithState(a)),
    checkCallback: assign((a) => P.checkCallback(a)),
  },
  guards: prologueGuards,
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...prologueContext(input), issued: [] }),
  initial: 'discover',
  states: {
    // discover → makeVerifier → buildUrl → redirectToAs → callbackReceived → callbackAccepted → tokenRequest
    // OIDC Core §11: offline_access needs prompt=consent.
    ...prologueStates(ID, 'refresh1', S, { prompt: 'consent' }),
    ...requestSteps<RefreshTokenContext>(ID)({
      refresh1: {
        meta: S.refresh1,
        src: 'refresh',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          jwksUri: context.metadata!.jwks_uri,
          issuer: context.issuer,
          client: context.input.client,
          previous: context.tokens!,
          originalIdToken: context.issued[0]?.tokens.id_token,
          jwks: context.jwks,
        }),
        store: 'storeRefreshed',
        next: 'callApi',
      },
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          url: apiUrl(context.input.realm, 'photos'),
          accessToken: context.tokens!.access_token,
        }),
        next: 'refresh2',
      },
      refresh2: {
        meta: S.refresh2,
        src: 'refresh',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          jwksUri: context.metadata!.jwks_uri,
          issuer: context.issuer,
          client: context.input.client,
          previous: context.tokens!,
          originalIdToken: context.issued[0]?.tokens.id_token,
          jwks: context.jwks,
        }),
        store: 'storeRefreshed',
        next: 'replaySpent',
      },
    }),
    // The learner acts: nothing is sent until they press the button (meta.pause = 'wait').
    ...actionSteps<RefreshTokenContext>(ID)({
      replaySpent: {
        meta: S.replaySpent,
        trigger: 'user.replaySpent',
        src: 'presentRefused',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          client: context.input.client,
          refreshToken: spentRefreshToken(context)!,
        }),
        next: 'tryCurrent',
      },
      tryCurrent: {
        meta: S.tryCurrent,
        trigger: 'user.tryCurrent',
        src: 'presentRefused',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          client: context.input.client,
          refreshToken: context.tokens!.refresh_token!,
        }),
        next: 'callApiRevoked',
      },
    }),
    ...requestSteps<RefreshTokenContext>(ID)({
      callApiRevoked: {
        meta: S.callApiRevoked,
        src: 'callApiRefused',
        input: ({ context }: { context: RefreshTokenContext }) => ({
          url: apiUrl(context.input.realm, 'photos'),
          accessToken: context.tokens!.access_token,
        }),
        next: 'done',
      },
    }),
    ...endSteps({ done: S.done, failed: S.failed }),
  },
});
