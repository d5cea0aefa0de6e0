import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange } from '@/lib/http-trace/record';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { enterStep, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import {
  aliceClientChecks,
  buildMalloryRequest,
  plantCallback,
  redeemPlanted,
  whoIsSignedIn,
  type MalloryRequest,
  type Redeemed,
} from './missing-state.client';
import { MISSING_STATE_STEPS as S } from './missing-state.steps';
import { codeRedeemed, keepOutcome, keepRedeemed, stolenCodeTail } from './stolen-code-tail';

export interface MissingStateContext extends AttackContextBase {
  metadata?: ServerMetadata;
  mallory?: MalloryRequest;
  /** Where the browser goes next (FlowRun's goToAuthorizationServer reads `authUrl`): the AS for Mallory, then her page for Alice. */
  authUrl?: string;
  /** The authorization response of Mallory's own sign-in, caught before any client redeemed it. */
  malloryCallback?: string;
  /** What arrived at Alice's client's callback. */
  aliceCallback?: string;
  code?: string;
  tokens?: TokenSet;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'missingState';
const MAX_URL = 16_384;

/**
 * Login CSRF (RFC 9700 §4.7, RFC 6749 §10.12): Mallory signs in with her own account (the learner
 * plays her on the real AS pages), keeps the authorization response unredeemed, and plants it on her
 * page; Alice (the learner again) follows her link to the client's callback. Alice's client checks
 * state by the realm's client policy, redeems what it accepted, and asks UserInfo whose session it
 * now holds: the Outcome is that answer, or the refusal that came first.
 */
export const missingStateMachine = setup({
  types: {
    context: {} as MissingStateContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: fromPromise<StepOutput<ServerMetadata>, StepInput<{ issuer: string }>>(({ input }) =>
      discover(input.issuer, input.step, 'attacker'),
    ),
    build: fromPromise<StepOutput<MalloryRequest>, StepInput<{ origin: string; realm: RealmDescriptor; metadata: ServerMetadata }>>(
      ({ input }) => buildMalloryRequest(input.step, input.origin, input.realm, input.metadata),
    ),
    plant: fromPromise<StepOutput<{ pageUrl: string }>, StepInput<{ origin: string; realm: RealmDescriptor; callback: string }>>(
      ({ input }) => plantCallback(input.step, input.origin, input.realm, input.callback),
    ),
    redeem: fromPromise<StepOutput<Redeemed>, StepInput<{ metadata: ServerMetadata; code: string; redirectUri: string }>>(({ input }) =>
      redeemPlanted(input.step, input.metadata, input.code, input.redirectUri),
    ),
    whoami: fromPromise<StepOutput<Outcome>, StepInput<{ metadata: ServerMetadata; tokens: TokenSet }>>(({ input }) =>
      whoIsSignedIn(input.step, input.metadata, input.tokens),
    ),
  },
  actions: {
    ...sharedActions<MissingStateContext, Event>(),
    storeRequest: assign(({ event }) => {
      const mallory = resultValue<MalloryRequest>(event);
      return { mallory, authUrl: mallory?.authUrl };
    }),
    recordMalloryHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'mallorySignsIn', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    keepMallorysResponse: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, MAX_URL);
      const params = new URL(url, context.input.origin).searchParams;
      const facts = [
        { label: 'code (Mallory’s, unredeemed)', value: params.get('code') ?? `(none: ${params.get('error') ?? 'no code'})` },
        { label: 'state (Mallory’s)', value: params.get('state') ?? '(none)' },
      ];
      return {
        malloryCallback: url,
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'malloryStops', from: 'browser', to: 'attacker' }, url)],
        facts: { ...context.facts, malloryStops: facts },
      };
    }),
    storePage: assign(({ event }) => ({ authUrl: resultValue<{ pageUrl: string }>(event)?.pageUrl })),
    recordAliceHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'aliceVisits', from: 'browser', to: 'attacker' }, context.authUrl!)],
    })),
    checkAliceCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, MAX_URL);
      const hop = frontChannelExchange({ step: 'aliceCallback', from: 'browser', to: 'client' }, url);
      const verdict = aliceClientChecks(url, context.input.realm, context.metadata!);
      const outcome: Outcome | undefined = verdict.refusal
        ? {
            succeeded: false,
            what: `Alice’s client refused the response Mallory planted. ${verdict.refusal.replace(/\.?$/, '.')} It never redeemed her code, so Alice’s browser was not signed in to Mallory’s account.`,
          }
        : undefined;
      return {
        aliceCallback: url,
        code: verdict.code,
        outcome,
        exchanges: [...context.exchanges, hop],
        checks: { ...context.checks, aliceCallback: verdict.checks },
      };
    }),
    storeRedeemed: assign(keepRedeemed),
    storeOutcome: assign(keepOutcome),
  },
  guards: {
    ...sharedGuards,
    codeAccepted: ({ context }) => context.code !== undefined,
    codeRedeemed,
    mallorysCode: ({ context }) =>
      context.malloryCallback !== undefined && new URL(context.malloryCallback, context.input.origin).searchParams.has('code'),
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<MissingStateContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.input.realm.issuer }),
        store: 'storeMetadata',
        next: 'malloryStarts',
      },
      malloryStarts: {
        meta: S.malloryStarts,
        src: 'build',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, metadata: context.metadata! }),
        store: 'storeRequest',
        next: 'mallorySignsIn',
      },
    }),
    ...browserTrip('mallorySignsIn', {
      meta: S.mallorySignsIn,
      awaiting: 'awaitingMallory',
      next: 'malloryStops',
      recordHop: 'recordMalloryHop',
      readCallback: 'keepMallorysResponse',
    }),
    malloryStops: {
      meta: S.malloryStops,
      entry: enterStep('malloryStops'),
      on: {
        'user.next': [
          { guard: 'mallorysCode', target: 'plant' },
          {
            target: 'failed',
            actions: assign({
              error: () => ({
                code: 'no_code',
                message: 'Mallory’s own sign-in brought back no code: sign in as mallory and press Allow (Reset to try again).',
                where: 'malloryStops',
              }),
            }),
          },
        ],
      },
    },
    ...requestSteps<MissingStateContext>(ID)({
      plant: {
        meta: S.plant,
        src: 'plant',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, callback: context.malloryCallback! }),
        store: 'storePage',
        next: 'aliceVisits',
      },
    }),
    ...browserTrip('aliceVisits', {
      meta: S.aliceVisits,
      awaiting: 'awaitingAlice',
      next: 'aliceCallback',
      recordHop: 'recordAliceHop',
      readCallback: 'checkAliceCallback',
    }),
    aliceCallback: {
      meta: S.aliceCallback,
      entry: enterStep('aliceCallback'),
      on: { 'user.next': [{ guard: 'codeAccepted', target: 'clientRedeems' }, { target: 'outcome' }] },
    },
    // Alice's client, not Mallory, redeems the code and asks UserInfo whose session it made.
    ...stolenCodeTail<MissingStateContext>(ID)({
      redeem: {
        step: 'clientRedeems',
        meta: S.clientRedeems,
        input: ({ context }) => ({ metadata: context.metadata!, code: context.code!, redirectUri: context.mallory!.redirectUri }),
      },
      call: {
        step: 'whoIsSignedIn',
        src: 'whoami',
        meta: S.whoIsSignedIn,
        input: ({ context }) => ({ metadata: context.metadata!, tokens: context.tokens! }),
      },
      outcome: S.outcome,
      failed: S.failed,
    }),
  },
});
