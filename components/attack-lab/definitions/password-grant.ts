import { passwordGrantMachine } from '@/machines/attacks/password-grant.machine';
import type { AttackDefinition } from '../attack-definition';
import { PasswordGrantExtras } from '../password-grant-extras';

export const passwordGrant: AttackDefinition = {
  machine: passwordGrantMachine,
  actors: ['user', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-password-grant-allowed'] },
  Extras: PasswordGrantExtras,
  attackerConsole: true,
};
