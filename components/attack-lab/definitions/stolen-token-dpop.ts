import { stolenTokenDpopMachine } from '@/machines/attacks/stolen-token-dpop.machine';
import type { AttackDefinition } from '../attack-definition';

/** Both sides are hardened realms: what differs is the client (bearer vs DPoP), picked by the Server switch. */
export const stolenTokenDpop: AttackDefinition = {
  machine: stolenTokenDpopMachine,
  actors: ['client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: [] },
};
