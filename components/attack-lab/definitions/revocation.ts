import { revocationMachine } from '@/machines/attacks/revocation.machine';
import type { AttackDefinition } from '../attack-definition';

export const revocation: AttackDefinition = {
  machine: revocationMachine,
  actors: ['client', 'attacker', 'as', 'rs'],
  // JWT access tokens verified locally vs opaque tokens looked up at the AS (DESIGN.md: accessTokenFormat).
  vulnerable: { weaknesses: ['rs-skips-revocation-check'], settings: { accessTokenFormat: 'jwt' } },
  hardened: { weaknesses: [], settings: { accessTokenFormat: 'opaque' } },
};
