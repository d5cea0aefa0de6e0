import { assign, fromPromise, setup } from 'xstate';
import type { StolenCode } from '@/lib/attack-lab/stolen-code';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import { browserTrip } from './browser-trip';
import type { AttackContextBase, AttackInput } from './attack-input';
import { collectCode, craftLink, isRedirectVariant, type Collected, type CraftedLink, type RedirectVariant } from './redirect-uri.mallory';
import { REDIRECT_URI_STEPS as S } from './redirect-uri.steps';
import { codeRedeemed, keepOutcome, keepRedeemed, redeemLinkActor, replayStolenTokenActor, stolenCodeTail } from './stolen-code-tail';

export interface RedirectUriContext extends AttackContextBase {
  metadata?: ServerMetadata;
  link?: CraftedLink;
  /** The URL Alice's browser opens (FlowRun's goToAuthorizationServer reads `authUrl`). */
  authUrl?: string;
  stolen?: StolenCode;
  tokens?: TokenSet;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const variantOf = (input: AttackInput): RedirectVariant => (isRedirectVariant(input.variant) ? input.variant : 'prefix');

/**
 * Redirect-URI manipulation (RFC 9700 §4.1): Mallory crafts an authorization link for the public
 * `spa` client whose redirect_uri the loose AS accepts but which lands on her site; Alice (the
 * learner's browser) signs in and consents on the real AS pages; Mallory reads the code from her
 * site's log and redeems it herself; then she calls the API with Alice's token. The Outcome comes
 * from what the servers answered: the code delivered or not, redeemed or not, the photos served or not.
 */
export const redirectUriMachine = setup({
  types: {
    context: {} as RedirectUriContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: fromPromise<StepOutput<ServerMetadata>, StepInput<{ issuer: string }>>(({ input }) =>
      discover(input.issuer, input.step, 'attacker'),
    ),
    craft: fromPromise<
      StepOutput<CraftedLink>,
      StepInput<{ origin: string; realm: RealmDescriptor; metadata: ServerMetadata; variant: RedirectVariant }>
    >(({ input }) => craftLink(input.step, input.origin, input.realm, input.metadata, input.variant)),
    collect: fromPromise<StepOutput<Collected>, StepInput<{ realm: RealmDescriptor; link: CraftedLink }>>(({ input }) =>
      collectCode(input.step, input.realm, input.link),
    ),
    redeem: redeemLinkActor,
    replay: replayStolenTokenActor('the access token she redeemed from Alice’s stolen code'),
  },
  actions: {
    ...sharedActions<RedirectUriContext, Event>(),
    storeLink: assign(({ event }) => {
      const link = resultValue<CraftedLink>(event);
      return { link, authUrl: link?.url };
    }),
    storeCollected: assign(({ event }) => {
      const got = resultValue<Collected>(event);
      return got && 'stolen' in got ? { stolen: got.stolen } : { outcome: got?.outcome };
    }),
    storeRedeemed: assign(keepRedeemed),
    storeOutcome: assign(keepOutcome),
  },
  guards: {
    ...sharedGuards,
    codeStolen: ({ context }) => context.stolen !== undefined,
    codeRedeemed,
  },
}).createMachine({
  id: 'redirectUri',
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<RedirectUriContext>('redirectUri')({
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
        input: ({ context }) => ({
          origin: context.input.origin,
          realm: context.input.realm,
          metadata: context.metadata!,
          variant: variantOf(context.input),
        }),
        store: 'storeLink',
        next: 'aliceOpensLink',
      },
    }),
    // Back by Mallory's site's "Back to the lab", or the browser's Back from the AS's error page.
    ...browserTrip('aliceOpensLink', { meta: S.aliceOpensLink, awaiting: 'awaitingAlice', next: 'collect', nextWithoutCallback: true }),
    ...requestSteps<RedirectUriContext>('redirectUri')({
      collect: {
        meta: S.collect,
        src: 'collect',
        input: ({ context }) => ({ realm: context.input.realm, link: context.link! }),
        store: 'storeCollected',
        next: 'afterCollect',
      },
    }),
    ...stolenCodeTail<RedirectUriContext>('redirectUri')({
      collected: 'codeStolen',
      redeem: {
        meta: S.redeem,
        input: ({ context }) => ({ metadata: context.metadata!, link: context.link!, code: context.stolen!.code }),
      },
      call: { meta: S.replay },
      outcome: S.outcome,
      failed: S.failed,
    }),
  },
});
