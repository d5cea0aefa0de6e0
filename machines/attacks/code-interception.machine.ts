import { assign, fromPromise, setup } from 'xstate';
import { frontChannelExchange } from '@/lib/http-trace/record';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discoverActor, sharedActions, sharedGuards } from '@/machines/shared';
import { enterStep, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import {
  buildClientRequest,
  isInterceptionVariant,
  mallorysRedemption,
  readInterceptedResponse,
  type ClientRequest,
  type Intercepted,
  type InterceptionVariant,
} from './code-interception.client';
import { CODE_INTERCEPTION_STEPS as S } from './code-interception.steps';
import { codeRedeemed, keepOutcome, keepRedeemed, redeemLinkActor, replayStolenTokenActor, stolenCodeTail } from './stolen-code-tail';
import { inputGuard } from '@/machines/input-guard';

export interface CodeInterceptionContext extends AttackContextBase {
  metadata?: ServerMetadata;
  request?: ClientRequest;
  /** The URL Alice's browser opens (FlowRun's goToAuthorizationServer reads `authUrl`). */
  authUrl?: string;
  callbackUrl?: string;
  intercepted?: Intercepted;
  tokens?: TokenSet;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'codeInterception';
const variantOf = (input: AttackInput): InterceptionVariant => (isInterceptionVariant(input.variant) ? input.variant : 'no-pkce');

/**
 * Authorization code interception (RFC 7636 §1) and the PKCE downgrade (RFC 9700 §4.8): Alice's
 * client sends her browser to the AS; she signs in for real; the AS redirects to the registered
 * `/flows/callback`, and the lab hands that redirect to Mallory's app, as an OS would when a
 * malicious app claims the same redirect. Mallory redeems the code herself as the public client.
 */
export const codeInterceptionMachine = setup({
  types: {
    context: {} as CodeInterceptionContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: discoverActor,
    build: fromPromise<
      StepOutput<ClientRequest>,
      StepInput<{ origin: string; realm: RealmDescriptor; metadata: ServerMetadata; variant: InterceptionVariant }>
    >(({ input }) => buildClientRequest(input.step, input.origin, input.realm, input.metadata, input.variant)),
    redeem: redeemLinkActor,
    replay: replayStolenTokenActor('the access token she redeemed from Alice’s intercepted code'),
  },
  actions: {
    ...sharedActions<CodeInterceptionContext, Event>(),
    storeRequest: assign(({ event }) => {
      const request = resultValue<ClientRequest>(event);
      return { request, authUrl: request?.authUrl };
    }),
    recordAuthorizeHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    intercept: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, 16_384);
      const intercepted = readInterceptedResponse(url);
      const facts =
        'code' in intercepted
          ? [{ label: 'code', value: intercepted.code }]
          : [
              { label: 'error', value: intercepted.error },
              ...(intercepted.description ? [{ label: 'error_description', value: intercepted.description }] : []),
            ];
      return {
        callbackUrl: url,
        intercepted,
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'intercepted', from: 'browser', to: 'attacker' }, url)],
        facts: { ...context.facts, intercepted: facts },
      };
    }),
    decideNoCode: assign(({ context }) => {
      const i = context.intercepted;
      const why = i && 'error' in i ? `${i.error}${i.description ? ` — “${i.description.replace(/\.$/, '')}”` : ''}` : 'no code';
      return {
        outcome: {
          succeeded: false,
          what: `the authorization server refused the authorization request and issued no code (${why}): Mallory’s app intercepted only an error.`,
        },
      };
    }),
    storeRedeemed: assign(keepRedeemed),
    storeOutcome: assign(keepOutcome),
  },
  guards: {
    ...sharedGuards,
    isDowngrade: inputGuard((input: AttackInput) => variantOf(input) === 'downgrade'),
    codeIntercepted: ({ context }) => context.intercepted !== undefined && 'code' in context.intercepted,
    codeRedeemed,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<CodeInterceptionContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.input.realm.issuer }),
        store: 'storeMetadata',
        next: 'buildUrl',
      },
      buildUrl: {
        meta: S.buildUrl,
        src: 'build',
        input: ({ context }) => ({
          origin: context.input.origin,
          realm: context.input.realm,
          metadata: context.metadata!,
          variant: variantOf(context.input),
        }),
        store: 'storeRequest',
        next: 'afterBuild',
      },
    }),
    afterBuild: { always: [{ guard: 'isDowngrade', target: 'stripChallenge' }, { target: 'redirectToAs' }] },
    stripChallenge: { meta: S.stripChallenge, entry: enterStep('stripChallenge'), on: { 'user.next': 'redirectToAs' } },
    ...browserTrip('redirectToAs', {
      meta: S.redirectToAs,
      awaiting: 'awaitingCallback',
      next: 'intercepted',
      recordHop: 'recordAuthorizeHop',
      readCallback: 'intercept',
    }),
    intercepted: {
      meta: S.intercepted,
      entry: enterStep('intercepted'),
      on: {
        'user.next': [
          { guard: 'codeIntercepted', target: 'redeem' },
          { target: 'outcome', actions: 'decideNoCode' },
        ],
      },
    },
    ...stolenCodeTail<CodeInterceptionContext>(ID)({
      redeem: {
        meta: S.redeem,
        input: ({ context }) => ({
          metadata: context.metadata!,
          link: mallorysRedemption(context.request!, variantOf(context.input)),
          code: (context.intercepted as { code: string }).code,
        }),
      },
      call: { meta: S.replay },
      outcome: S.outcome,
      failed: S.failed,
    }),
  },
});
