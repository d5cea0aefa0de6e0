import { assign, fromPromise, setup } from 'xstate';
import type { FramingHeaders } from '@/lib/attack-lab/framing';
import type { StolenCode } from '@/lib/attack-lab/stolen-code';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import { checkFraming, collectFramedCode, craftLure, framedWhat, type Caught, type Lure } from './clickjacking.mallory';
import { CLICKJACKING_STEPS as S } from './clickjacking.steps';
import { codeRedeemed, keepRedeemed, redeemLinkActor, replayStolenTokenActor, stolenCodeTail } from './stolen-code-tail';

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
    redeem: redeemLinkActor,
    replay: replayStolenTokenActor('the access token she redeemed from the code of Alice’s click'),
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
    storeRedeemed: assign(keepRedeemed),
    storeOutcome: assign(({ context, event }) => {
      const replay = resultValue<Outcome>(event);
      if (!replay) return {};
      return { outcome: { succeeded: replay.succeeded, what: `${framedWhat(context.framing ?? {})} ${replay.what}` } };
    }),
  },
  guards: {
    ...sharedGuards,
    codeCaught: ({ context }) => context.stolen !== undefined,
    codeRedeemed,
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
    // Back from her page ("Back to the lab"), or the browser's Back button.
    ...browserTrip('aliceVisits', { meta: S.aliceVisits, awaiting: 'awaitingAlice', next: 'collect', nextWithoutCallback: true }),
    ...requestSteps<ClickjackingContext>('clickjacking')({
      collect: {
        meta: S.collect,
        src: 'collect',
        input: ({ context }) => ({ realm: context.input.realm, lure: context.lure!, framing: context.framing ?? {} }),
        store: 'storeCaught',
        next: 'afterCollect',
      },
    }),
    ...stolenCodeTail<ClickjackingContext>('clickjacking')({
      collected: 'codeCaught',
      redeem: {
        meta: S.redeem,
        input: ({ context }) => ({ metadata: context.metadata!, link: context.lure!, code: context.stolen!.code }),
      },
      call: { meta: S.replay },
      outcome: S.outcome,
      failed: S.failed,
    }),
  },
});
