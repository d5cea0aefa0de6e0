import { INTERCEPTION_VARIANTS } from '@/machines/attacks/code-interception.client';
import { codeInterceptionMachine } from '@/machines/attacks/code-interception.machine';
import type { AttackDefinition } from '../attack-definition';
import { CodeInterceptionExtras } from '../code-interception-extras';

export const codeInterception: AttackDefinition = {
  machine: codeInterceptionMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-pkce-optional'] },
  variants: {
    label: 'Variant of the attack',
    choices: Object.entries(INTERCEPTION_VARIANTS).map(([value, v]) => ({ value, label: v.label })),
  },
  Extras: CodeInterceptionExtras,
};
