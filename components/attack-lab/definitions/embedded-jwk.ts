import { embeddedJwkMachine } from '@/machines/attacks/embedded-jwk.machine';
import type { AttackDefinition } from '../attack-definition';

export const embeddedJwk: AttackDefinition = {
  machine: embeddedJwkMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-trusts-embedded-jwk'] },
};
