import { openRedirectMachine } from '@/machines/attacks/open-redirect.machine';
import { OPEN_REDIRECT_VARIANTS, openRedirectWeaknesses } from '@/machines/attacks/open-redirect.mallory';
import type { AttackDefinition } from '../attack-definition';
import { OpenRedirectExtras } from '../open-redirect-extras';

/** Hardened side: an empty lab realm — exact redirect matching at the AS, and no redirector on the client. */
export const openRedirect: AttackDefinition = {
  machine: openRedirectMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: openRedirectWeaknesses('extra-query') },
  vulnerableFor: (variant) => ({ weaknesses: openRedirectWeaknesses(variant) }),
  variants: {
    label: 'Lax redirect check',
    choices: Object.entries(OPEN_REDIRECT_VARIANTS).map(([value, v]) => ({ value, label: v.label })),
  },
  Extras: OpenRedirectExtras,
  attackerConsole: true,
};
