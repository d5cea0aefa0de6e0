import { assign, fromPromise, setup } from 'xstate';
import type { FramingHeaders } from '@/lib/attack-lab/framing';
import type { StolenCode } from '@/lib/attack-lab/stolen-code';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, enterStep, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { checkFraming, collectFramedCode, craftLure, framedWhat, type Caught, type Lure } from './clickjacking.mallory';
import { CLICKJACKING_STEPS as S } from './clickjacking.steps';
import { replayAtRs, VICTIM, VICTIM_NAME } from './mallory';
import { redeemCode, type Redeemed } from './redirect-uri.mallory';

export interface ClickjackingContext extends AttackContextBase {
  metadata?: ServerMetadata;
  lure?: Lure;
  /** The URL Alice's browser opens: Mallory's page (FlowRun's goToAuthorizationServer reads `authUrl`). */
  authUrl?: string;
  framing?: FramingHeaders;
  stolen?: StolenCode;
  tokens?: TokenSet;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

/**
 * Clickjacking the consent page (RFC 9700 §4.16, RFC 6749 §10.13): Mallory frames her own
 * authorization request under a decoy on her same-origin page; Alice (the learner's browser) signs in
 * and presses the decoy, which is the framed Allow button. The Outcome comes from what really
 * happened: the AS's framing headers, what her page saw of its frame in the browser, whether a code
 * reached her, and what the token and resource servers answered.
 */
export const clickjackingMachine = setup({
  types: {
    context: {} as ClickjackingContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: fromPromise<StepOutput<ServerMetadata>, StepInput<{ issuer: string }>>(({ input }) =>
      discover(input.issuer, input.step, 'attacker'),
    ),
    craft: fromPromise<StepOutput<Lure>, StepInput<{ origin: string; realm: RealmDescriptor; metadata: ServerMetadata }>>(({ input }) =>
      craftLure(input.step, input.origin, input.realm, input.metadata),
    ),
    checkFraming: fromPromise<StepOutput<FramingHeaders>, StepInput<{ lure: Lure }>>(({ input }) => checkFraming(input.step, input.lure)),
    collect: fromPromise<StepOutput<Caught>, StepInput<{ realm: RealmDescriptor; lure: Lure; framing: FramingHeaders }>>(({ input }) =>
      collectFramedCode(input.step, input.realm, input.lure, input.framing),
    ),
    redeem: fromPromise<StepOutput<Redeemed>, StepInput<{ metadata: ServerMetadata; lure: Lure; code: string }>>(({ input }) =>
      redeemCode(input.step, input.metadata, input.lure, input.code),
    ),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string }>>(({ input }) =>
      replayAtRs(input.step, input.realm, {
        token: input.token,
        victim: VICTIM,
        victimName: VICTIM_NAME,
        sent: 'the access token she redeemed from the code of Alice’s click',
      }),
    ),
  },
  actions: {
    ...sharedActions<ClickjackingContext, Event>(),
    storeLure: assign(({ event }) => {
      const lure = resultValue<Lure>(event);
      return { lure, authUrl: lure?.lureUrl };
    }),
    storeFraming: assign({ framing: ({ event }) => resultValue<FramingHeaders>(event) }),
    storeCaught: assign(({ event }) => {
      const got = resultValue<Caught>(event);
      return got && 'stolen' in got ? { stolen: got.stolen } : { outcome: got?.outcome };
    }),
    storeRedeemed: assign(({ event }) => {
      const got = resultValue<Redeemed>(event);
      return got && 'tokens' in got ? { tokens: got.tokens } : { outcome: got?.outcome };
    }),
    storeOutcome: assign(({ context, event }) => {
      const replay = resultValue<Outcome>(event);
      if (!replay) return {};
      return { outcome: { succeeded: replay.succeeded, what: `${framedWhat(context.framing ?? {})} ${replay.what}` } };
    }),
  },
  guards: {
    ...sharedGuards,
    codeCaught: ({ context }) => context.stolen !== undefined,
    codeRedeemed: ({ context }) => context.tokens !== undefined,
  },
}).createMachine({
  id: 'clickjacking',
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<ClickjackingContext>('clickjacking')({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.input.realm.issuer }),
        store: 'storeMetadata',
        next: 'craft',
      },
      craft: {
        meta: S.craft,
        src: 'craft',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, metadata: context.metadata! }),
        store: 'storeLure',
        next: 'checkFraming',
      },
      checkFraming: {
        meta: S.checkFraming,
        src: 'checkFraming',
        input: ({ context }) => ({ lure: context.lure! }),
        store: 'storeFraming',
        next: 'aliceVisits',
      },
    }),
    aliceVisits: {
      meta: S.aliceVisits,
      entry: enterStep('aliceVisits'),
      // The player saves the run, then sends the browser to Mallory's page (FlowRun.goToAuthorizationServer).
      on: { 'browser.navigated': 'awaitingAlice', 'callback.received': 'collect' },
    },
    // Back from her page ("Back to the lab"), or the browser's Back button.
    awaitingAlice: { meta: S.aliceVisits, on: { 'user.next': 'collect', 'callback.received': 'collect' } },
    ...requestSteps<ClickjackingContext>('clickjacking')({
      collect: {
        meta: S.collect,
        src: 'collect',
        input: ({ context }) => ({ realm: context.input.realm, lure: context.lure!, framing: context.framing ?? {} }),
        store: 'storeCaught',
        next: 'afterCollect',
      },
    }),
    afterCollect: { always: [{ guard: 'codeCaught', target: 'redeem' }, { target: 'outcome' }] },
    ...requestSteps<ClickjackingContext>('clickjacking')({
      redeem: {
        meta: S.redeem,
        src: 'redeem',
        input: ({ context }) => ({ metadata: context.metadata!, lure: context.lure!, code: context.stolen!.code }),
        store: 'storeRedeemed',
        next: 'afterRedeem',
      },
    }),
    afterRedeem: { always: [{ guard: 'codeRedeemed', target: 'replay' }, { target: 'outcome' }] },
    ...requestSteps<ClickjackingContext>('clickjacking')({
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({ realm: context.input.realm, token: context.tokens!.access_token }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
