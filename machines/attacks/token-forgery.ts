import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { mallorysOwnToken, replayAtRs, type OwnToken, type Replay } from './mallory';

/** The steps of a token-forgery attack, one meta each (`*.steps.ts` of the attack). */
export interface TokenForgerySteps {
  ownToken: StepMeta;
  forge: StepMeta;
  replay: StepMeta;
  outcome: StepMeta;
  failed: StepMeta;
}

export interface ForgeInput {
  step: string;
  own: OwnToken;
  realm: RealmDescriptor;
  variant?: string;
}

/** How one attack makes its token from Mallory's real one (it may fetch public things, recorded, from the attacker). */
export type Forger = (input: ForgeInput) => Promise<StepOutput<Replay>>;

export interface TokenForgeryContext extends AttackContextBase {
  own?: OwnToken;
  metadata?: OwnToken['metadata'];
  replay?: Replay;
}

type Event = { type: 'user.next' };

/**
 * Every token attack of the lab has one shape: Mallory gets a real token of her own, forges one
 * from it (the attack's own step), and presents it to the resource server; the RS's answer is the
 * Outcome. The same steps run against the Vulnerable and the Hardened realm.
 */
export function tokenForgeryMachine(id: string, S: TokenForgerySteps, forge: Forger) {
  return setup({
    types: {
      context: {} as TokenForgeryContext,
      events: {} as Event,
      input: {} as AttackInput,
      meta: {} as StepMeta,
      tags: {} as typeof BUSY,
    },
    actors: {
      ownToken: fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(({ input }) =>
        mallorysOwnToken(input.step, input.realm),
      ),
      forge: fromPromise<StepOutput<Replay>, ForgeInput>(({ input }) => forge(input)),
      replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; replay: Replay }>>(({ input }) =>
        replayAtRs(input.step, input.realm, input.replay),
      ),
    },
    actions: {
      ...sharedActions<TokenForgeryContext, Event>(),
      // The realm's metadata at the top level too: the inspector verifies tokens with its jwks_uri.
      storeOwn: assign(({ event }) => {
        const own = resultValue<OwnToken>(event);
        return { own, metadata: own?.metadata };
      }),
      storeReplay: assign({ replay: ({ event }) => resultValue<Replay>(event) }),
      storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
    },
    guards: sharedGuards,
  }).createMachine({
    id,
    context: ({ input }) => ({ ...emptyFlowContext(), input }),
    initial: 'ownToken',
    states: {
      ...requestSteps<TokenForgeryContext>(id)({
        ownToken: {
          meta: S.ownToken,
          src: 'ownToken',
          input: ({ context }) => ({ realm: context.input.realm }),
          store: 'storeOwn',
          next: 'forge',
        },
        forge: {
          meta: S.forge,
          src: 'forge',
          input: ({ context }) => ({ own: context.own!, realm: context.input.realm, variant: context.input.variant }),
          store: 'storeReplay',
          next: 'replay',
        },
        replay: {
          meta: S.replay,
          src: 'replay',
          input: ({ context }) => ({ realm: context.input.realm, replay: context.replay! }),
          store: 'storeOutcome',
          next: 'outcome',
        },
      }),
      ...endSteps({ outcome: S.outcome, failed: S.failed }),
    },
  });
}
