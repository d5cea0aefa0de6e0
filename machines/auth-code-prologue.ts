import { frontChannelExchange } from '@/lib/http-trace/record';
import { buildAuthorizationUrl, type AuthorizationParam } from '@/lib/oauth-client/authorization-request';
import { carriesError, tamperState, validateCallback } from '@/lib/oauth-client/authorization-response';
import { clientPolicy } from '@/lib/oauth-client/client-policy';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { makePkceActor, tokenRequestActor, type PkceValues } from './authorization-code.actors';
import { discoverActor, sharedGuards } from './shared';
import { AUTH_CODE_STEPS } from './authorization-code.steps';
import type { FlowInput } from './flow-input';
import { emptyFlowContext, type FlowContextBase, type StepMeta } from './step-meta';
import { endSteps, enterStep as enter, requestSteps } from './request-step';
import { resultValue } from './step-output';

/**
 * The authorization-code prologue (RFC 6749 §4.1, RFC 7636, RFC 9207) shared by every flow that
 * needs a user to sign in for real: discover, PKCE, authorization URL, the trip to the AS, the
 * callback and its state/iss checks, and the code redeemed at the token endpoint.
 *
 * A machine uses it by spreading `prologueActors`, `sharedActions()` and `prologueGuards` into its
 * `setup()`, wrapping each of `prologueAssigners` in `assign()` there, and spreading `prologueStates(id, next)` into its
 * states; its context must extend {@link PrologueContext} and its events include {@link PrologueEvent}.
 */

export type PrologueInput = FlowInput;

export interface PrologueContext extends FlowContextBase {
  input: PrologueInput;
  issuer: string;
  redirectUri: string;
  metadata?: ServerMetadata;
  pkce?: PkceValues;
  authUrl?: string;
  authParams?: AuthorizationParam[];
  callbackUrl?: string;
  code?: string;
  tokens?: TokenSet;
  /** With the DPoP option: the id of the client's key in this tab (lib/oauth-client/dpop-keyring.ts), saved with the run. */
  dpopKeyId?: string;
}

export type PrologueEvent =
  { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string } | { type: 'user.tamperState' };

export interface PrologueOptions {
  /** Extra authorization request parameters, e.g. `prompt=consent` with `offline_access` (OIDC Core §11). */
  prompt?: string;
}

export const prologueContext = (input: PrologueInput): Omit<PrologueContext, keyof FlowContextBase> & FlowContextBase => ({
  ...emptyFlowContext(),
  input,
  issuer: input.realm.issuer,
  redirectUri: `${input.origin}/flows/callback`,
  ...(input.dpop ? { dpopKeyId: crypto.randomUUID() } : {}),
});

export const prologueActors = { discover: discoverActor, makePkce: makePkceActor, tokenRequest: tokenRequestActor };

type Args = { context: PrologueContext; event: unknown };
/** Which step a redirect back opens: with a code, or with an error (RFC 6749 §4.1.2.1). */
export type CallbackParams = { step: 'callbackReceived' | 'errorReceived' };

/**
 * The prologue's actions as plain assigners; a machine wraps each in its own `assign()` inside
 * `setup()`, so XState types them with that machine's context and events.
 */
export const prologueAssigners = {
  storePkce: ({ event }: Args) => ({ pkce: resultValue<PkceValues>(event) }),
  buildTheUrl: ({ context }: Args, params: PrologueOptions) => {
    const built = buildAuthorizationUrl(context.metadata!.authorization_endpoint, {
      clientId: context.input.client.clientId,
      redirectUri: context.redirectUri,
      scope: context.input.scope,
      state: context.pkce!.state,
      nonce: context.pkce!.nonce,
      codeChallenge: context.pkce!.pkce.challenge,
      prompt: params.prompt,
    });
    return { authUrl: built.url, authParams: built.params };
  },
  /** `step`: the step the redirect back opens (CALLBACK_ARRIVES), under which its exchange is recorded. */
  recordCallback: ({ context, event }: Args, { step }: CallbackParams): Partial<PrologueContext> => {
    const e = event as { type: string; url?: string };
    if (e.type !== 'callback.received' || !e.url) return {};
    // RFC 6749 §4.1.2: the AS redirected the browser here; the client only ever sees the URL.
    const hop = frontChannelExchange({ step, from: 'browser', to: 'client' }, e.url);
    return { callbackUrl: e.url, exchanges: [...context.exchanges, hop] };
  },
  recordAuthorizeHop: ({ context }: Args) => ({
    exchanges: [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
  }),
  tamperWithState: ({ context }: Args) => ({ callbackUrl: tamperState(context.callbackUrl!) }),
  checkCallback: ({ context }: Args): Partial<PrologueContext> => {
    const { checks, result } = validateCallback(context.callbackUrl!, {
      state: context.pkce!.state,
      issuer: context.issuer,
      issRequired: context.metadata?.authorization_response_iss_parameter_supported === true,
      // A lab realm may weaken the client itself (client-skips-state-check): the strategy comes from the realm.
      stateCheck: clientPolicy(context.input.realm).stateCheck,
    });
    return { checks: { ...context.checks, checkCallback: checks }, ...(result.ok ? { code: result.value.code } : { error: result.error }) };
  },
};

/**
 * The redirect back arrives: recorded, then shown as the step its URL makes it. The code branch comes first: where the
 * two are as long, the step list (components/flow-player/planned-steps.ts) plans the first, the run that goes on.
 */
const CALLBACK_ARRIVES = [
  {
    guard: 'callbackCarriesNoError',
    target: 'callbackReceived',
    actions: { type: 'recordCallback', params: { step: 'callbackReceived' } },
  },
  { target: 'errorReceived', actions: { type: 'recordCallback', params: { step: 'errorReceived' } } },
] as const;

export const prologueGuards = {
  ...sharedGuards,
  callbackCarriesNoError: ({ event }: { event: { type: string; url?: string } }) =>
    event.type !== 'callback.received' || !event.url || !carriesError(event.url),
  callbackHasCode: ({ context }: { context: PrologueContext }) => context.code !== undefined,
  userDenied: ({ context }: { context: PrologueContext }) => context.error?.code === 'access_denied',
};

/** The prologue's step metadata, as the authorization-code flow shows it. */
export const PROLOGUE_STEPS = {
  discover: AUTH_CODE_STEPS.discover,
  makeVerifier: AUTH_CODE_STEPS.makeVerifier,
  buildUrl: AUTH_CODE_STEPS.buildUrl,
  redirectToAs: AUTH_CODE_STEPS.redirectToAs,
  callbackReceived: AUTH_CODE_STEPS.callbackReceived,
  errorReceived: AUTH_CODE_STEPS.errorReceived,
  callbackAccepted: AUTH_CODE_STEPS.callbackAccepted,
  accessDenied: AUTH_CODE_STEPS.accessDenied,
  callbackRefused: AUTH_CODE_STEPS.callbackRefused,
  tokenRequest: AUTH_CODE_STEPS.tokenRequest,
} satisfies Record<string, StepMeta>;

export type PrologueStep = keyof typeof PROLOGUE_STEPS;

/**
 * The prologue's states, for a machine with id `id`: after the code is redeemed, `user.next` goes
 * to `#id.afterTokens`; a failed request goes to `#id.failed`. `steps` lets a flow retell a step.
 */
export function prologueStates(
  id: string,
  afterTokens: string,
  steps: Record<PrologueStep, StepMeta> = PROLOGUE_STEPS,
  options: PrologueOptions = {},
) {
  return {
    ...requestSteps<PrologueContext>(id)({
      discover: {
        meta: steps.discover,
        src: 'discover',
        input: ({ context }: { context: PrologueContext }) => ({ issuer: context.issuer }),
        store: 'storeMetadata',
        next: 'makeVerifier',
      },
      makeVerifier: { meta: steps.makeVerifier, src: 'makePkce', store: 'storePkce', next: 'buildUrl' },
    }),
    buildUrl: {
      meta: steps.buildUrl,
      entry: [enter('buildUrl'), { type: 'buildTheUrl', params: options }],
      on: { 'user.next': 'redirectToAs' },
    },
    redirectToAs: {
      meta: steps.redirectToAs,
      entry: enter('redirectToAs'),
      // The player persists the snapshot, then sends the browser away (RFC 6749 §4.1.1).
      on: { 'browser.navigated': { target: 'awaitingCallback', actions: 'recordAuthorizeHop' }, 'callback.received': CALLBACK_ARRIVES },
    },
    awaitingCallback: { meta: steps.redirectToAs, on: { 'callback.received': CALLBACK_ARRIVES } },
    callbackReceived: {
      meta: steps.callbackReceived,
      entry: enter('callbackReceived'),
      on: { 'user.tamperState': { actions: 'tamperWithState' }, 'user.next': { target: 'checkCallback' } },
    },
    // The same checks follow; only what the URL carries differs (RFC 6749 §4.1.2.1: error, no code).
    errorReceived: {
      meta: steps.errorReceived,
      entry: enter('errorReceived'),
      on: { 'user.tamperState': { actions: 'tamperWithState' }, 'user.next': { target: 'checkCallback' } },
    },
    checkCallback: {
      entry: 'checkCallback',
      always: [
        { guard: 'callbackHasCode', target: 'callbackAccepted' },
        { guard: 'userDenied', target: 'accessDenied' },
        { target: 'callbackRefused' },
      ],
    },
    callbackAccepted: { meta: steps.callbackAccepted, entry: enter('callbackAccepted'), on: { 'user.next': 'tokenRequest' } },
    ...endSteps({ accessDenied: steps.accessDenied, callbackRefused: steps.callbackRefused }),
    ...requestSteps<PrologueContext>(id)({
      tokenRequest: {
        meta: steps.tokenRequest,
        src: 'tokenRequest',
        input: ({ context }: { context: PrologueContext }) => ({
          tokenEndpoint: context.metadata!.token_endpoint,
          client: context.input.client,
          code: context.code!,
          redirectUri: context.redirectUri,
          codeVerifier: context.pkce!.pkce.verifier,
          dpopKeyId: context.dpopKeyId,
        }),
        store: 'storeTokens',
        next: afterTokens,
      },
    }),
  } as const;
}
