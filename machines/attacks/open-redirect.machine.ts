import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { browserTrip } from './browser-trip';
import { collectToken, craftImplicitLink, type Caught, type ImplicitLink } from './open-redirect.mallory';
import { OPEN_REDIRECT_STEPS as S } from './open-redirect.steps';
import { replayAtRsActor } from './password-grant.replay';

export interface OpenRedirectContext extends AttackContextBase {
  metadata?: ServerMetadata;
  link?: ImplicitLink;
  /** The URL Alice's browser opens (FlowRun's goToAuthorizationServer reads `authUrl`). */
  authUrl?: string;
  stolen?: string;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'openRedirect';

/**
 * Open redirect on the client chained with a lax redirect check (RFC 9700 §4.1.2, §4.11.1): Mallory's
 * implicit link sends Alice's token through the client's own callback, whose redirector forwards the
 * browser — fragment and all — to Mallory's page; she reads the token from her log and calls the API.
 * The Outcome comes from what really arrived and what the RS answered.
 */
export const openRedirectMachine = setup({
  types: {
    context: {} as OpenRedirectContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: fromPromise<StepOutput<ServerMetadata>, StepInput<{ issuer: string }>>(({ input }) =>
      discover(input.issuer, input.step, 'attacker'),
    ),
    craft: fromPromise<StepOutput<ImplicitLink>, StepInput<{ origin: string; realm: RealmDescriptor; metadata: ServerMetadata }>>(
      async ({ input }) => craftImplicitLink(input.step, input.origin, input.realm, input.metadata),
    ),
    collect: fromPromise<StepOutput<Caught>, StepInput<{ realm: RealmDescriptor; link: ImplicitLink }>>(({ input }) =>
      collectToken(input.step, input.realm, input.link),
    ),
    replay: replayAtRsActor,
  },
  actions: {
    ...sharedActions<OpenRedirectContext, Event>(),
    storeLink: assign(({ event }) => {
      const link = resultValue<ImplicitLink>(event);
      return { link, authUrl: link?.url };
    }),
    storeCaught: assign(({ event }) => {
      const got = resultValue<Caught>(event);
      return got && 'token' in got ? { stolen: got.token } : { outcome: got?.outcome };
    }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: { ...sharedGuards, tokenCaught: ({ context }) => context.stolen !== undefined },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<OpenRedirectContext>(ID)({
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
        store: 'storeLink',
        next: 'aliceOpensLink',
      },
    }),
    // Back from the trip: Mallory's page's "Back to the lab", or the browser's Back from the AS's error page.
    ...browserTrip('aliceOpensLink', { meta: S.aliceOpensLink, awaiting: 'awaitingAlice', next: 'collect', nextWithoutCallback: true }),
    ...requestSteps<OpenRedirectContext>(ID)({
      collect: {
        meta: S.collect,
        src: 'collect',
        input: ({ context }) => ({ realm: context.input.realm, link: context.link! }),
        store: 'storeCaught',
        next: 'afterCollect',
      },
    }),
    afterCollect: { always: [{ guard: 'tokenCaught', target: 'replay' }, { target: 'outcome' }] },
    ...requestSteps<OpenRedirectContext>(ID)({
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({
          realm: context.input.realm,
          token: context.stolen!,
          sent: 'Alice’s access token, carried in the fragment across the client’s redirect to her page',
        }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
