import { missingStateMachine } from '@/machines/attacks/missing-state.machine';
import type { AttackDefinition } from '../attack-definition';
import { MissingStateExtras } from '../missing-state-extras';

/** Without PKCE enforced too, since PKCE alone already stops login CSRF (RFC 9700 §4.7): the `pkce` variant shows it. */
const VARIANTS = {
  'no-pkce': { label: 'No state check, PKCE optional', weaknesses: ['client-skips-state-check', 'as-pkce-optional'] },
  pkce: { label: 'No state check, PKCE required', weaknesses: ['client-skips-state-check'] },
} as const;

export const missingState: AttackDefinition = {
  machine: missingStateMachine,
  actors: ['user', 'browser', 'client', 'attacker', 'as'],
  vulnerable: { weaknesses: [...VARIANTS['no-pkce'].weaknesses] },
  vulnerableFor: (variant) => ({ weaknesses: [...(variant === 'pkce' ? VARIANTS.pkce : VARIANTS['no-pkce']).weaknesses] }),
  variants: {
    label: 'Variant of the attack',
    choices: Object.entries(VARIANTS).map(([value, v]) => ({ value, label: v.label })),
    // The variant only picks the Vulnerable realm's weaknesses; the machine plays the same steps either way.
    only: 'vulnerable',
  },
  Extras: MissingStateExtras,
};
