import { fromPromise } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { StepInput, StepOutput } from '../step-output';
import { replayAtRs, VICTIM, VICTIM_NAME } from './mallory';

/** Mallory presents a token she got for Alice (`sent` says how, for the Outcome); the RS's answer is the Outcome. */
export const replayAtRsActor = fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; token: string; sent?: string }>>(
  ({ input }) =>
    replayAtRs(input.step, input.realm, {
      token: input.token,
      victim: VICTIM,
      victimName: VICTIM_NAME,
      sent: input.sent ?? 'the access token issued for Alice’s harvested password',
    }),
);
