import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange } from '@/lib/http-trace/record';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, enterStep, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { browserTrip } from './browser-trip';
import { replayAtRs, VICTIM, VICTIM_NAME } from './mallory';
import {
  buildSession,
  checkCallback,
  collectLoot,
  discoverBoth,
  makeEvilAs,
  redeemAtEvilAs,
  type BothMetadata,
  type CallbackCheck,
  type Collected,
  type Loot,
  type MixUpSession,
} from './mix-up.client';
import { MIX_UP_STEPS as S } from './mix-up.steps';
import { redeemCode, type Redeemed } from './redirect-uri.mallory';

export interface MixUpContext extends AttackContextBase {
  /** Mallory's authorization server: a second lab realm. */
  evil?: RealmDescriptor;
  both?: BothMetadata;
  session?: MixUpSession;
  /** The URL Alice's browser opens (FlowRun's goToAuthorizationServer reads `authUrl`): the honest AS, after Mallory's redirect. */
  authUrl?: string;
  callbackUrl?: string;
  verdict?: CallbackCheck;
  loot?: Loot;
  tokens?: TokenSet;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'mixUp';

/**
 * Mix-up (RFC 9700 §4.4.1, authorization code grant): Alice chooses Mallory's AS at a client that talks to two
 * servers with one redirect URI; Mallory's authorization endpoint sends her on to the honest AS; the client, which
 * thinks the Evil AS answered, sends the honest AS's code and its PKCE verifier to the Evil AS's token endpoint;
 * Mallory redeems them at the honest AS. RFC 9207 `iss` lets the client notice first. The Outcome comes from what
 * the client did with the response and what reached Mallory's site, the honest AS and its RS.
 */
export const mixUpMachine = setup({
  types: {
    context: {} as MixUpContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    makeEvilAs: fromPromise<StepOutput<RealmDescriptor>, StepInput<{ origin: string }>>(({ input }) =>
      makeEvilAs(input.step, input.origin),
    ),
    discoverBoth: fromPromise<StepOutput<BothMetadata>, StepInput<{ honest: RealmDescriptor; evil: RealmDescriptor }>>(({ input }) =>
      discoverBoth(input.step, input.honest, input.evil),
    ),
    build: fromPromise<StepOutput<MixUpSession>, StepInput<{ origin: string; both: BothMetadata }>>(({ input }) =>
      buildSession(input.step, input.origin, input.both),
    ),
    clientRedeems: fromPromise<StepOutput<string>, StepInput<{ honest: RealmDescriptor; session: MixUpSession; code: string }>>(
      ({ input }) => redeemAtEvilAs(input.step, input.honest, input.session, input.code),
    ),
    collect: fromPromise<StepOutput<Collected>, StepInput<{ honest: RealmDescriptor; refused?: string }>>(({ input }) =>
      collectLoot(input.step, input.honest, input.refused),
    ),
    redeem: fromPromise<StepOutput<Redeemed>, StepInput<{ both: BothMetadata; loot: Loot }>>(({ input }) =>
      redeemCode(
        input.step,
        input.both.honest,
        { url: '', state: '', challenge: '', challengeBy: 'client', redirectUri: input.loot.redirectUri, verifier: input.loot.verifier },
        input.loot.code,
      ),
    ),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string }>>(({ input }) =>
      replayAtRs(input.step, input.realm, {
        token: input.token,
        victim: VICTIM,
        victimName: VICTIM_NAME,
        sent: 'the access token she redeemed from the code Alice’s client sent to the Evil AS',
      }),
    ),
  },
  actions: {
    ...sharedActions<MixUpContext, Event>(),
    storeEvil: assign({ evil: ({ event }) => resultValue<RealmDescriptor>(event) }),
    storeBoth: assign({ both: ({ event }) => resultValue<BothMetadata>(event) }),
    storeSession: assign(({ event }) => {
      const session = resultValue<MixUpSession>(event);
      return { session, authUrl: session?.authUrl };
    }),
    recordRedirects: assign(({ context }) => ({
      exchanges: [
        ...context.exchanges,
        frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'attacker' }, context.session!.built, context.session!.authUrl),
        frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.session!.authUrl),
      ],
    })),
    checkResponse: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, 16_384);
      const verdict = checkCallback(url, context.session!);
      const facts =
        'code' in verdict
          ? [{ label: 'the client believes this code is from', value: context.session!.issuer }]
          : [{ label: 'the client refused the response', value: verdict.refused }];
      return {
        callbackUrl: url,
        verdict,
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'callback', from: 'browser', to: 'client' }, url)],
        checks: { ...context.checks, callback: verdict.checks },
        facts: { ...context.facts, callback: facts },
      };
    }),
    storeCollected: assign(({ event }) => {
      const got = resultValue<Collected>(event);
      return got && 'loot' in got ? { loot: got.loot } : { outcome: got?.outcome };
    }),
    storeRedeemed: assign(({ event }) => {
      const got = resultValue<Redeemed>(event);
      return got && 'tokens' in got ? { tokens: got.tokens } : { outcome: got?.outcome };
    }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: {
    ...sharedGuards,
    clientAccepted: ({ context }) => context.verdict !== undefined && 'code' in context.verdict,
    codeCollected: ({ context }) => context.loot !== undefined,
    codeRedeemed: ({ context }) => context.tokens !== undefined,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'evilAs',
  states: {
    ...requestSteps<MixUpContext>(ID)({
      evilAs: {
        meta: S.evilAs,
        src: 'makeEvilAs',
        input: ({ context }) => ({ origin: context.input.origin }),
        store: 'storeEvil',
        next: 'discover',
      },
      discover: {
        meta: S.discover,
        src: 'discoverBoth',
        input: ({ context }) => ({ honest: context.input.realm, evil: context.evil! }),
        store: 'storeBoth',
        next: 'buildRequest',
      },
      buildRequest: {
        meta: S.buildRequest,
        src: 'build',
        input: ({ context }) => ({ origin: context.input.origin, both: context.both! }),
        store: 'storeSession',
        next: 'redirectToAs',
      },
    }),
    ...browserTrip('redirectToAs', {
      meta: S.redirectToAs,
      awaiting: 'awaitingCallback',
      next: 'callback',
      recordHop: 'recordRedirects',
      readCallback: 'checkResponse',
    }),
    callback: {
      meta: S.callback,
      entry: enterStep('callback'),
      on: { 'user.next': [{ guard: 'clientAccepted', target: 'clientRedeems' }, { target: 'collect' }] },
    },
    ...requestSteps<MixUpContext>(ID)({
      clientRedeems: {
        meta: S.clientRedeems,
        src: 'clientRedeems',
        input: ({ context }) => ({
          honest: context.input.realm,
          session: context.session!,
          code: (context.verdict as { code: string }).code,
        }),
        next: 'collect',
      },
      collect: {
        meta: S.collect,
        src: 'collect',
        input: ({ context }) => ({
          honest: context.input.realm,
          refused: context.verdict && 'refused' in context.verdict ? context.verdict.refused : undefined,
        }),
        store: 'storeCollected',
        next: 'afterCollect',
      },
    }),
    afterCollect: { always: [{ guard: 'codeCollected', target: 'redeem' }, { target: 'outcome' }] },
    ...requestSteps<MixUpContext>(ID)({
      redeem: {
        meta: S.redeem,
        src: 'redeem',
        input: ({ context }) => ({ both: context.both!, loot: context.loot! }),
        store: 'storeRedeemed',
        next: 'afterRedeem',
      },
    }),
    afterRedeem: { always: [{ guard: 'codeRedeemed', target: 'replay' }, { target: 'outcome' }] },
    ...requestSteps<MixUpContext>(ID)({
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
