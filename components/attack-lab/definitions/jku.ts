import { jkuMachine } from '@/machines/attacks/jku.machine';
import type { AttackDefinition } from '../attack-definition';

export const jku: AttackDefinition = {
  machine: jkuMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-trusts-jku'] },
  variants: {
    label: 'Where jku points',
    choices: [
      { value: 'attacker-site', label: 'Her key set on the lab’s attacker site' },
      { value: 'elsewhere', label: 'A URL outside the lab (mallory.example)' },
    ],
  },
};
