import { implicitAttackMachine } from '@/machines/attacks/implicit.machine';
import type { AttackDefinition } from '../attack-definition';
import { ImplicitAttackExtras } from '../implicit-extras';

export const implicit: AttackDefinition = {
  machine: implicitAttackMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-implicit-grant-allowed'] },
  Extras: ImplicitAttackExtras,
  attackerConsole: true,
};
