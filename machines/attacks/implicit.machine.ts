import { assign, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange } from '@/lib/http-trace/record';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeRandomValue } from '@/lib/oauth-client/pkce';
import { buildImplicitUrl, validateImplicitCallback, type FragmentToken } from '../implicit.response';
import { endSteps, enterStep as enter, requestSteps } from '../request-step';
import { discoverActor, sharedActions, sharedGuards } from '@/machines/shared';
import { emptyFlowContext, type BUSY, type StepMeta } from '../step-meta';
import { resultValue } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import { readLootActor, thirdPartyScriptActor } from './implicit.actors';
import { IMPLICIT_ATTACK_STEPS as S } from './implicit.steps';
import { replayAtRsActor } from './password-grant.replay';

export interface ImplicitAttackContext extends AttackContextBase {
  metadata?: ServerMetadata;
  state?: string;
  authUrl?: string;
  callbackUrl?: string;
  token?: FragmentToken;
  stolen?: string;
}

export type ImplicitAttackEvent = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'implicitAttack';
const CLIENT = 'legacy-spa';

/** The implicit grant's token leaks from the URL fragment (RFC 9700 §2.1.2, §4.3): a third-party script sends it to Mallory. */
export const implicitAttackMachine = setup({
  types: {
    context: {} as ImplicitAttackContext,
    events: {} as ImplicitAttackEvent,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: { discover: discoverActor, thirdPartyScript: thirdPartyScriptActor, loot: readLootActor, replay: replayAtRsActor },
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
  },
  guards: { ...sharedGuards, decided: ({ context }) => context.outcome !== undefined },
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
        next: 'buildUrl',
      },
    }),
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
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
