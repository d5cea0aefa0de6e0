import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import type { OwnToken } from './mallory';
import { PRINT_API, printerToken, replayToken, SENT, waitForExpiry } from './missing-claim-checks.actors';
import { MISSING_CLAIM_STEPS as S } from './missing-claim-checks.steps';
import { inputGuard } from '@/machines/input-guard';

/** The two checks the attack shows missing, one per variant: each isolates one claim, so the RS's report names exactly one. */
export const CLAIM_VARIANTS = {
  expired: { label: 'exp not checked: an expired token', weakness: 'rs-skips-exp' },
  audience: { label: 'aud not checked: a token for another API', weakness: 'rs-skips-aud' },
} as const;
export type ClaimVariant = keyof typeof CLAIM_VARIANTS;
export const isClaimVariant = (v: unknown): v is ClaimVariant => typeof v === 'string' && Object.hasOwn(CLAIM_VARIANTS, v);
const variantOf = (input: AttackInput): ClaimVariant => (isClaimVariant(input.variant) ? input.variant : 'expired');

export interface MissingClaimContext extends AttackContextBase {
  own?: OwnToken;
  metadata?: OwnToken['metadata'];
}

type Event = { type: 'user.next' };
type RealmIn = StepInput<{ realm: RealmDescriptor }>;

const ID = 'missingClaimChecks';

/**
 * Missing claim checks (RFC 9068 §4, RFC 8725 §3.9): a genuine token that this resource server must
 * still refuse. Variant `expired`: the printing service's token for the photos API, replayed after
 * its `exp`. Variant `audience`: its token for another API of the same AS (RFC 8707 `resource`),
 * replayed at the photos API. Only the RS's answer decides the Outcome.
 */
export const missingClaimChecksMachine = setup({
  types: { context: {} as MissingClaimContext, events: {} as Event, input: {} as AttackInput, tags: {} as typeof BUSY },
  actors: {
    tokenForPhotos: fromPromise<StepOutput<OwnToken>, RealmIn>(({ input }) => printerToken(input.step, input.realm)),
    tokenForPrintApi: fromPromise<StepOutput<OwnToken>, RealmIn>(({ input }) => printerToken(input.step, input.realm, PRINT_API)),
    waitForExpiry: fromPromise<StepOutput<{ waited: number }>, StepInput<{ expiresIn?: number }>>(({ input, signal }) =>
      waitForExpiry(input.step, input.expiresIn, signal),
    ),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string; sent: string }>>(({ input }) =>
      replayToken(input.step, input.realm, input.token, input.sent),
    ),
  },
  actions: {
    ...sharedActions<MissingClaimContext, Event>(),
    // The realm's metadata at the top level too: the inspector verifies tokens with its jwks_uri.
    storeOwn: assign(({ event }) => {
      const own = resultValue<OwnToken>(event);
      return { own, metadata: own?.metadata };
    }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: { ...sharedGuards, audienceVariant: inputGuard((input: AttackInput) => variantOf(input) === 'audience') },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'start',
  states: {
    // Not a step (no meta, not on the trail): picks the variant's first step.
    start: { always: [{ guard: 'audienceVariant', target: 'tokenForPrintApi' }, { target: 'tokenForPhotos' }] },
    ...requestSteps<MissingClaimContext>(ID)({
      tokenForPhotos: {
        meta: S.tokenForPhotos,
        src: 'tokenForPhotos',
        input: ({ context }) => ({ realm: context.input.realm }),
        store: 'storeOwn',
        next: 'waitForExpiry',
      },
      waitForExpiry: {
        meta: S.waitForExpiry,
        src: 'waitForExpiry',
        input: ({ context }) => ({ expiresIn: context.own?.tokens.expires_in }),
        next: 'replay',
      },
      tokenForPrintApi: {
        meta: S.tokenForPrintApi,
        src: 'tokenForPrintApi',
        input: ({ context }) => ({ realm: context.input.realm }),
        store: 'storeOwn',
        next: 'replay',
      },
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({
          realm: context.input.realm,
          token: context.own!.tokens.access_token,
          sent: SENT[variantOf(context.input)],
        }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
