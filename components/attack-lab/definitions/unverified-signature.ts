import { unverifiedSignatureMachine } from '@/machines/attacks/unverified-signature.machine';
import type { AttackDefinition } from '../attack-definition';

export const unverifiedSignature: AttackDefinition = {
  machine: unverifiedSignatureMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-skips-signature'] },
};
