import { assign, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange } from '@/lib/http-trace/record';
import { validateCallback } from '@/lib/oauth-client/authorization-response';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { makeRandomValue } from '@/lib/oauth-client/pkce';
import { buildImplicitUrl, validateImplicitCallback, type FragmentToken } from '../implicit.response';
import { endSteps, enterStep as enter, requestSteps } from '../request-step';
import { discoverActor, sharedActions, sharedGuards } from '@/machines/shared';
import { emptyFlowContext, type BUSY, type StepMeta } from '../step-meta';
import { resultValue } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import { readLootActor, thirdPartyScriptActor } from './implicit.actors';
import {
  clientLoginActor,
  injectActor,
  quizRedeemActor,
  quizRequestActor,
  type Injected,
  type QuizRequest,
} from './implicit-injection.actors';
import { IMPLICIT_ATTACK_STEPS as S } from './implicit.steps';
import { replayAtRsActor } from './password-grant.replay';
import { inputGuard } from '@/machines/input-guard';

export interface ImplicitAttackContext extends AttackContextBase {
  metadata?: ServerMetadata;
  state?: string;
  authUrl?: string;
  callbackUrl?: string;
  token?: FragmentToken;
  stolen?: string;
  /** The `injection` variant: Mallory's quiz app's request, the code and tokens Alice gave it, and what she planted. */
  quiz?: QuizRequest;
  quizCode?: string;
  quizTokens?: TokenSet;
  injected?: Injected;
}

/** The attack's two variants: the token leaks out of the URL, or Mallory's token goes into it. */
export const IMPLICIT_VARIANTS = {
  leak: { label: 'The token leaks from the URL', weaknesses: ['as-implicit-grant-allowed'] },
  injection: {
    label: 'Token injection: Alice’s token for another app',
    weaknesses: ['as-implicit-grant-allowed', 'client-accepts-any-token'],
  },
} as const;
export type ImplicitVariant = keyof typeof IMPLICIT_VARIANTS;
export const isImplicitVariant = (v: unknown): v is ImplicitVariant => typeof v === 'string' && Object.hasOwn(IMPLICIT_VARIANTS, v);

export type ImplicitAttackEvent = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'implicitAttack';
const CLIENT = 'legacy-spa';

/**
 * The implicit grant's token leaks from the URL fragment (RFC 9700 §2.1.2, §4.3): a third-party
 * script sends it to Mallory. Variant `injection` (RFC 9700 §4.6, RFC 6749 §10.16): Alice signs in to
 * Mallory's quiz app; Mallory plants that token in the legacy app's callback in her own browser, and
 * the app's backend signs her in as Alice, unless it checks the token was issued to it.
 */
export const implicitAttackMachine = setup({
  types: {
    context: {} as ImplicitAttackContext,
    events: {} as ImplicitAttackEvent,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: discoverActor,
    thirdPartyScript: thirdPartyScriptActor,
    loot: readLootActor,
    replay: replayAtRsActor,
    quizRequest: quizRequestActor,
    quizRedeem: quizRedeemActor,
    inject: injectActor,
    clientLogin: clientLoginActor,
  },
  actions: {
    ...sharedActions<ImplicitAttackContext, ImplicitAttackEvent>(),
    buildTheUrl: assign(({ context }) => {
      const state = makeRandomValue();
      const built = buildImplicitUrl(context.metadata!.authorization_endpoint, {
        clientId: CLIENT,
        redirectUri: `${context.input.origin}/flows/callback`,
        scope: 'profile photos:read',
        state,
      });
      return { state, authUrl: built.url };
    }),
    recordAuthorizeHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    recordCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, 16_384);
      const { checks, result } = validateImplicitCallback(url, {
        state: context.state ?? '',
        issuer: context.input.realm.issuer,
        issRequired: context.metadata?.authorization_response_iss_parameter_supported === true,
      });
      return {
        callbackUrl: url,
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'callbackReceived', from: 'browser', to: 'client' }, url)],
        checks: { ...context.checks, callbackReceived: checks },
        ...(result.ok ? { token: result.value } : { error: result.error }),
      };
    }),
    storeLoot: assign(({ context, event }) => {
      const stolen = resultValue<string | undefined>(event);
      if (stolen) return { stolen };
      const refusal = context.error ? `the authorization server refused: ${context.error.message}` : 'no token came back in the URL';
      const outcome: Outcome = {
        succeeded: false,
        what: `${refusal}. No access token travelled in the browser, location.hash was empty, and Mallory’s site received nothing to replay.`,
      };
      return { outcome };
    }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
    storeQuiz: assign(({ event }) => {
      const quiz = resultValue<QuizRequest>(event);
      return { quiz, authUrl: quiz?.authUrl, metadata: quiz?.metadata };
    }),
    recordQuizHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'quizSignIn', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    // The quiz app checks its own callback as any code client does: state, iss, then the code (RFC 6749 §4.1.2, RFC 9207).
    readQuizCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string' || !context.quiz) return {};
      const url = event.url.slice(0, 16_384);
      let outcome;
      try {
        outcome = validateCallback(url, { state: context.quiz.state, issuer: context.input.realm.issuer, issRequired: true });
      } catch {
        return { error: { code: 'malformed_callback', message: 'The redirect URL could not be read.', where: 'callback' } };
      }
      return {
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'quizSignIn', from: 'as', to: 'browser' }, url)],
        checks: { ...context.checks, quizSignIn: outcome.checks },
        ...(outcome.result.ok ? { quizCode: outcome.result.value.code } : { error: outcome.result.error }),
      };
    }),
    storeQuizTokens: assign({ quizTokens: ({ event }) => resultValue<TokenSet>(event) }),
    storeInjected: assign({ injected: ({ event }) => resultValue<Injected>(event) }),
  },
  guards: {
    ...sharedGuards,
    decided: ({ context }) => context.outcome !== undefined,
    injectionVariant: inputGuard((input: AttackInput) => input.variant === 'injection'),
    quizGotCode: ({ context }) => context.quizCode !== undefined,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<ImplicitAttackContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.input.realm.issuer }),
        store: 'storeMetadata',
        next: 'afterDiscover',
      },
    }),
    // Not a step (no meta, not on the trail): the variant picks what follows the app's discovery.
    afterDiscover: { always: [{ guard: 'injectionVariant', target: 'quizRequest' }, { target: 'buildUrl' }] },
    buildUrl: { meta: S.buildUrl, entry: [enter('buildUrl'), 'buildTheUrl'], on: { 'user.next': 'redirectToAs' } },
    ...browserTrip('redirectToAs', {
      meta: S.redirectToAs,
      awaiting: 'awaitingCallback',
      next: 'callbackReceived',
      recordHop: 'recordAuthorizeHop',
      readCallback: 'recordCallback',
    }),
    callbackReceived: { meta: S.callbackReceived, entry: enter('callbackReceived'), on: { 'user.next': 'thirdPartyScript' } },
    ...requestSteps<ImplicitAttackContext>(ID)({
      thirdPartyScript: {
        meta: S.thirdPartyScript,
        src: 'thirdPartyScript',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, callbackUrl: context.callbackUrl ?? '' }),
        next: 'loot',
      },
      loot: {
        meta: S.loot,
        src: 'loot',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm }),
        store: 'storeLoot',
        next: 'afterLoot',
      },
    }),
    afterLoot: { always: [{ guard: 'decided', target: 'outcome' }, { target: 'replay' }] },
    ...requestSteps<ImplicitAttackContext>(ID)({
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({
          realm: context.input.realm,
          token: context.stolen!,
          sent: 'Alice’s access token, stolen from the callback URL’s fragment',
        }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...requestSteps<ImplicitAttackContext>(ID)({
      quizRequest: {
        meta: S.quizRequest,
        src: 'quizRequest',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm }),
        store: 'storeQuiz',
        next: 'quizSignIn',
      },
    }),
    ...browserTrip('quizSignIn', {
      meta: S.quizSignIn,
      awaiting: 'awaitingQuizCallback',
      next: 'afterQuizCallback',
      recordHop: 'recordQuizHop',
      readCallback: 'readQuizCallback',
    }),
    afterQuizCallback: { always: [{ guard: 'quizGotCode', target: 'quizRedeem' }, { target: 'failed' }] },
    ...requestSteps<ImplicitAttackContext>(ID)({
      quizRedeem: {
        meta: S.quizRedeem,
        src: 'quizRedeem',
        input: ({ context }) => ({ quiz: context.quiz!, code: context.quizCode! }),
        store: 'storeQuizTokens',
        next: 'inject',
      },
      inject: {
        meta: S.inject,
        src: 'inject',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, tokens: context.quizTokens! }),
        store: 'storeInjected',
        next: 'clientLogin',
      },
      clientLogin: {
        meta: S.clientLogin,
        src: 'clientLogin',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, injected: context.injected! }),
        store: 'storeOutcome',
        next: 'injectionOutcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, injectionOutcome: S.injectionOutcome, failed: S.failed }),
  },
});
