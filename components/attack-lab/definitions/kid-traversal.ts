import { kidTraversalMachine } from '@/machines/attacks/kid-traversal.machine';
import type { AttackDefinition } from '../attack-definition';

export const kidTraversal: AttackDefinition = {
  machine: kidTraversalMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-kid-path-traversal'] },
};
