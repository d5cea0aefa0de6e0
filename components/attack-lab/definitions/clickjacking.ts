import { clickjackingMachine } from '@/machines/attacks/clickjacking.machine';
import type { AttackDefinition } from '../attack-definition';
import { ClickjackingExtras } from '../clickjacking-extras';

export const clickjacking: AttackDefinition = {
  machine: clickjackingMachine,
  actors: ['user', 'browser', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-consent-frameable'] },
  Extras: ClickjackingExtras,
  attackerConsole: true,
};
