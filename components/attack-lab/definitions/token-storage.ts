import { tokenStorageMachine } from '@/machines/attacks/token-storage.machine';
import type { AttackDefinition } from '../attack-definition';
import { TokenStorageExtras } from '../token-storage-extras';

/**
 * The side is the client's architecture, not a weakness of the servers: both sides run against a
 * hardened lab realm (no weaknesses). Vulnerable: the SPA keeps its token in localStorage. Hardened: a
 * backend for frontend keeps it behind an HttpOnly cookie.
 */
export const tokenStorage: AttackDefinition = {
  machine: tokenStorageMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: [] },
  Extras: TokenStorageExtras,
  attackerConsole: true,
};
