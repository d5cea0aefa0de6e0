import { mixUpMachine } from '@/machines/attacks/mix-up.machine';
import type { AttackDefinition } from '../attack-definition';
import { MixUpExtras } from '../mix-up-extras';

export const mixUp: AttackDefinition = {
  machine: mixUpMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  // The honest AS of the Vulnerable side leaves `iss` out of its authorization responses (RFC 9207 §2).
  vulnerable: { weaknesses: ['as-no-iss-in-response'] },
  Extras: MixUpExtras,
  attackerConsole: true,
};
