import { algNoneMachine, NONE_SPELLINGS } from '@/machines/attacks/alg-none.machine';
import type { AttackDefinition } from '../attack-definition';

export const algNone: AttackDefinition = {
  machine: algNoneMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['rs-accepts-alg-none'] },
  variants: { label: 'Spelling of none', choices: NONE_SPELLINGS.map((s) => ({ value: s, label: `"${s}"` })) },
};
