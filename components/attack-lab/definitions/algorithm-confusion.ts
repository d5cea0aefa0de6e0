import { algorithmConfusionMachine } from '@/machines/attacks/algorithm-confusion.machine';
import type { AttackDefinition } from '../attack-definition';

export const algorithmConfusion: AttackDefinition = {
  machine: algorithmConfusionMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-algorithm-confusion'] },
};
