import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import {
  prologueActors,
  prologueAssigners as P,
  prologueContext,
  prologueGuards,
  prologueStates,
  type PrologueContext,
  type PrologueEvent,
  type CallbackParams,
  type PrologueOptions,
} from '../auth-code-prologue';
import { sharedActions } from '@/machines/shared';
import { endSteps, enterStep, requestSteps } from '../request-step';
import type { BUSY, StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { replayAtRs, VICTIM, VICTIM_NAME } from './mallory';
import {
  ALICE_CLIENT,
  ALICE_SCOPE,
  aliceRefresh,
  blockedOutcome,
  presentRefreshToken,
  type PresentInput,
  type Presented,
} from './refresh-replay.actors';
import { REFRESH_REPLAY_STEPS as S } from './refresh-replay.steps';

export interface RefreshReplayContext extends PrologueContext, Omit<AttackContextBase, 'input'> {
  input: PrologueContext['input'] & AttackInput;
  /** Mallory's copy of refresh token #1 (the lab hands it to her). */
  stolen?: string;
  /** What the AS answered to Mallory's copy, then to Alice's client's current refresh token. */
  mallory?: Presented;
  aliceAgain?: Presented;
}

type Event = PrologueEvent;

const ID = 'refreshReplay';
type Present = StepInput<Omit<PresentInput, 'step'>>;

/**
 * Refresh-token replay (RFC 9700 §4.14.2): Alice signs in for real (the authorization-code
 * prologue, as the public client `spa` with offline_access); a copy of her refresh token #1 is
 * handed to Mallory; Alice's client refreshes; Mallory presents her copy; Alice's client refreshes
 * again. The Outcome is what the AS answered Mallory and, when it gave her tokens, what the RS served her.
 */
export const refreshReplayMachine = setup({
  types: {
    context: {} as RefreshReplayContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    ...prologueActors,
    aliceRefresh: fromPromise<StepOutput<Presented>, Present>(({ input }) => aliceRefresh(input)),
    present: fromPromise<StepOutput<Presented>, Present>(({ input }) => presentRefreshToken(input)),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ context: RefreshReplayContext }>>(({ input }) =>
      replayAtRs(input.step, input.context.input.realm, {
        token: mallorysAccessToken(input.context)!,
        victim: VICTIM,
        victimName: VICTIM_NAME,
        sent: 'the access token she minted with her copy of Alice’s refresh token',
      }),
    ),
  },
  actions: {
    ...sharedActions<RefreshReplayContext, Event>(),
    storePkce: assign((a) => P.storePkce(a)),
    buildTheUrl: assign((a, params: PrologueOptions) => P.buildTheUrl(a, params)),
    // The prologue's assigners never touch `input`: their Partial<PrologueContext> fits this context.
    recordCallback: assign((a, params: CallbackParams) => P.recordCallback(a, params) as Partial<RefreshReplayContext>),
    recordAuthorizeHop: assign((a) => P.recordAuthorizeHop(a)),
    tamperWithState: assign((a) => P.tamperWithState(a)),
    checkCallback: assign((a) => P.checkCallback(a) as Partial<RefreshReplayContext>),
    handMalloryACopy: assign(({ context }) => ({
      stolen: context.tokens?.refresh_token,
      facts: { ...context.facts, leak: [{ label: 'Mallory’s copy of refresh token #1', value: context.tokens?.refresh_token ?? '' }] },
    })),
    noRefreshToken: assign({
      error: () => ({
        code: 'no_refresh_token',
        message: 'The token response carried no refresh token: was offline_access granted (OIDC Core §11)?',
        where: 'tokenRequest',
      }),
    }),
    storeAliceTokens: assign(({ event }) => {
      const p = resultValue<Presented>(event);
      return p?.accepted ? { tokens: p.tokens } : {};
    }),
    storeMallory: assign({ mallory: ({ event }) => resultValue<Presented>(event) }),
    storeAliceAgain: assign(({ event }) => {
      const p = resultValue<Presented>(event);
      return { aliceAgain: p, ...(p?.accepted ? { tokens: p.tokens } : {}) };
    }),
    decideBlocked: assign(({ context }) => ({ outcome: blockedOutcome(context.mallory!, context.aliceAgain) })),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: {
    ...prologueGuards,
    hasRefreshToken: ({ context }) => typeof context.tokens?.refresh_token === 'string' && context.tokens.refresh_token !== '',
    malloryGotTokens: ({ context }) => mallorysAccessToken(context) !== undefined,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({
    ...prologueContext({ ...input, client: ALICE_CLIENT, scope: ALICE_SCOPE }),
    input: { ...input, client: ALICE_CLIENT, scope: ALICE_SCOPE },
  }),
  initial: 'discover',
  states: {
    // discover → makeVerifier → buildUrl → redirectToAs → callbackReceived → callbackAccepted → tokenRequest
    ...prologueStates(ID, 'gotRefreshToken', S, { prompt: 'consent' }),
    gotRefreshToken: {
      always: [
        { guard: 'hasRefreshToken', target: 'leak' },
        { target: 'failed', actions: 'noRefreshToken' },
      ],
    },
    leak: { meta: S.leak, entry: [enterStep('leak'), 'handMalloryACopy'], on: { 'user.next': 'aliceRefreshes' } },
    ...requestSteps<RefreshReplayContext>(ID)({
      aliceRefreshes: {
        meta: S.aliceRefreshes,
        src: 'aliceRefresh',
        input: ({ context }) => presentInput(context, context.tokens!.refresh_token!, 'client'),
        store: 'storeAliceTokens',
        next: 'malloryReplays',
      },
      malloryReplays: {
        meta: S.malloryReplays,
        src: 'present',
        input: ({ context }) => presentInput(context, context.stolen!, 'attacker'),
        store: 'storeMallory',
        next: 'aliceRefreshesAgain',
      },
      aliceRefreshesAgain: {
        meta: S.aliceRefreshesAgain,
        src: 'present',
        input: ({ context }) => presentInput(context, context.tokens!.refresh_token ?? context.stolen!, 'client'),
        store: 'storeAliceAgain',
        next: 'afterAliceAgain',
      },
    }),
    afterAliceAgain: {
      always: [
        { guard: 'malloryGotTokens', target: 'malloryReadsPhotos' },
        { target: 'outcome', actions: 'decideBlocked' },
      ],
    },
    ...requestSteps<RefreshReplayContext>(ID)({
      malloryReadsPhotos: {
        meta: S.malloryReadsPhotos,
        src: 'replay',
        input: ({ context }) => ({ context }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});

function mallorysAccessToken(c: Pick<RefreshReplayContext, 'mallory'>): string | undefined {
  return c.mallory?.accepted ? c.mallory.tokens.access_token : undefined;
}

function presentInput(context: RefreshReplayContext, refreshToken: string, from: 'client' | 'attacker') {
  return { tokenEndpoint: context.metadata!.token_endpoint, refreshToken, from };
}
