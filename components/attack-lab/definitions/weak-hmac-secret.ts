import { weakHmacSecretMachine } from '@/machines/attacks/weak-hmac-secret.machine';
import type { AttackDefinition } from '../attack-definition';
import { CrackPanel } from '../crack-panel';

export const weakHmacSecret: AttackDefinition = {
  machine: weakHmacSecretMachine,
  actors: ['attacker', 'as', 'rs'],
  vulnerable: { weaknesses: ['as-hs256-weak-secret'] },
  Extras: CrackPanel,
};
