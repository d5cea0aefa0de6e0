import { IMPLICIT_VARIANTS, implicitAttackMachine, isImplicitVariant } from '@/machines/attacks/implicit.machine';
import type { AttackDefinition } from '../attack-definition';
import { ImplicitAttackExtras } from '../implicit-extras';

/**
 * `leak`: the token leaks out of the URL (a realm that allows the implicit grant). `injection`: the
 * legacy app's backend also signs in with any token (`client-accepts-any-token`). The Hardened realm
 * refuses `response_type=token` and keeps the backend's ID-token check.
 */
export const implicit: AttackDefinition = {
  machine: implicitAttackMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: IMPLICIT_VARIANTS.leak.weaknesses },
  vulnerableFor: (variant) => ({ weaknesses: IMPLICIT_VARIANTS[isImplicitVariant(variant) ? variant : 'leak'].weaknesses }),
  variants: { label: 'Variant', choices: Object.entries(IMPLICIT_VARIANTS).map(([value, v]) => ({ value, label: v.label })) },
  Extras: ImplicitAttackExtras,
  attackerConsole: true,
};
