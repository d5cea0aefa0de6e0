import { fromPromise } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { endSteps, requestStep } from '../request-step';
import type { StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import { replayAtRs, VICTIM, VICTIM_NAME } from './mallory';
import { redeemCode, type CraftedLink, type Redeemed } from './redirect-uri.mallory';

/**
 * The tail every attack shares once an authorization code is in someone's hands: (a fork on whether
 * one was collected,) its redemption, a fork on whether that gave tokens, the one call those tokens
 * make, and the end. A collect step that caught nothing, or a refused redemption, has already set the
 * Outcome from the servers' answers, so both forks then go straight to `outcome`.
 *
 * The machine's `setup()` needs the actors named by `redeem.src` and `call.src` (default `redeem`,
 * `replay`), the actions `storeRedeemed` (wrap {@link keepRedeemed}) and `storeOutcome`, and the guards
 * `codeRedeemed` ({@link codeRedeemed}) and, with `collected`, the guard it names.
 */
export interface StolenCodeTailSpec<
  Ctx,
  R extends string,
  RS extends string,
  C extends string,
  CS extends string,
  G extends string,
  RI extends object,
  CI extends object,
> {
  /** The guard of the `afterCollect` fork (Mallory holds a code); none when the step before forks itself. */
  collected?: G;
  redeem: { step?: R; src?: RS; meta: StepMeta; input: (args: { context: Ctx }) => RI };
  /** The call made with the tokens: Mallory's replay at the RS, or the client's own UserInfo call. */
  call: { step?: C; src?: CS; meta: StepMeta; input?: (args: { context: Ctx }) => CI };
  outcome: StepMeta;
  failed: StepMeta;
}

type TailContext = { input: { realm: RealmDescriptor }; tokens?: TokenSet };
type ReplayInput = { realm: RealmDescriptor; token: string };

export const stolenCodeTail =
  <Ctx extends TailContext>(id: string) =>
  <
    const R extends string = 'redeem',
    const RS extends string = 'redeem',
    const C extends string = 'replay',
    const CS extends string = 'replay',
    const G extends string = never,
    RI extends object = object,
    CI extends object = ReplayInput,
  >(
    spec: StolenCodeTailSpec<Ctx, R, RS, C, CS, G, RI, CI>,
  ) => {
    const redeem = (spec.redeem.step ?? 'redeem') as R;
    const call = (spec.call.step ?? 'replay') as C;
    const redeemStep = requestStep<RS, Ctx, RI, 'storeRedeemed'>({
      machine: id,
      step: redeem,
      meta: spec.redeem.meta,
      src: (spec.redeem.src ?? 'redeem') as RS,
      input: spec.redeem.input,
      store: 'storeRedeemed' as const,
      next: 'afterRedeem',
    });
    const callStep = requestStep<CS, Ctx, CI, 'storeOutcome'>({
      machine: id,
      step: call,
      meta: spec.call.meta,
      src: (spec.call.src ?? 'replay') as CS,
      input: spec.call.input ?? (stolenAccessToken as unknown as (args: { context: Ctx }) => CI),
      store: 'storeOutcome' as const,
      next: 'outcome',
    });
    const collect = spec.collected ? { afterCollect: { always: [{ guard: spec.collected, target: redeem }, { target: 'outcome' }] } } : {};
    return {
      ...collect,
      [redeem]: redeemStep,
      afterRedeem: { always: [{ guard: 'codeRedeemed', target: call }, { target: 'outcome' }] },
      [call]: callStep,
      ...endSteps({ outcome: spec.outcome, failed: spec.failed }),
    } as ([G] extends [never] ? object : { afterCollect: { always: readonly [{ guard: G; target: R }, { target: 'outcome' }] } }) & {
      [K in R]: typeof redeemStep;
    } & {
      afterRedeem: { always: readonly [{ guard: 'codeRedeemed'; target: C }, { target: 'outcome' }] };
    } & { [K in C]: typeof callStep } & ReturnType<typeof endSteps<{ outcome: StepMeta; failed: StepMeta }>>;
  };

/** Mallory's replay input: the realm, and the access token the redemption gave. */
const stolenAccessToken = ({ context }: { context: TailContext }): ReplayInput => ({
  realm: context.input.realm,
  token: context.tokens!.access_token,
});

/** The `storeRedeemed` assigner: the tokens, or the Outcome of a refused redemption. */
export const keepRedeemed = ({ event }: { event: unknown }): { tokens?: TokenSet; outcome?: Outcome } => {
  const got = resultValue<Redeemed>(event);
  return got && 'tokens' in got ? { tokens: got.tokens } : { outcome: got?.outcome };
};

/** The `storeOutcome` assigner of an attack whose last call's answer is the Outcome as it stands. */
export const keepOutcome = ({ event }: { event: unknown }) => ({ outcome: resultValue<Outcome>(event) });

export const codeRedeemed = ({ context }: { context: { tokens?: TokenSet } }) => context.tokens !== undefined;

/** Mallory redeems the code as the public client, with her link's redirect_uri and verifier (redirect-uri.mallory.ts). */
export const redeemLinkActor = fromPromise<StepOutput<Redeemed>, StepInput<{ metadata: ServerMetadata; link: CraftedLink; code: string }>>(
  ({ input }) => redeemCode(input.step, input.metadata, input.link, input.code),
);

/** Mallory calls GET /photos with the access token she redeemed; `sent` names it in the Outcome. */
export const replayStolenTokenActor = (sent: string) =>
  fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string }>>(({ input }) =>
    replayAtRs(input.step, input.realm, { token: input.token, victim: VICTIM, victimName: VICTIM_NAME, sent }),
  );
