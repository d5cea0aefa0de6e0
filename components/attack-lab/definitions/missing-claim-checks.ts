import { EXPIRY_SETTINGS, PRINT_API } from '@/machines/attacks/missing-claim-checks.actors';
import { CLAIM_VARIANTS, isClaimVariant, missingClaimChecksMachine } from '@/machines/attacks/missing-claim-checks.machine';
import type { AttackDefinition } from '../attack-definition';

/**
 * Each variant's Vulnerable realm skips one check: `expired` issues 2-second tokens with no leeway,
 * `audience` knows the print API as a second resource (RFC 8707) and keeps the demo's lifetimes, so
 * a slow learner's token cannot expire and muddle which check fired. The one Hardened realm has both
 * settings: it refuses the print API's token on `aud`, which it checks before `exp`.
 */
export const missingClaimChecks: AttackDefinition = {
  machine: missingClaimChecksMachine,
  actors: ['client', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: [CLAIM_VARIANTS.expired.weakness], settings: EXPIRY_SETTINGS },
  vulnerableFor: (variant) =>
    isClaimVariant(variant) && variant === 'audience'
      ? { weaknesses: [CLAIM_VARIANTS.audience.weakness], settings: { resources: [PRINT_API] } }
      : { weaknesses: [CLAIM_VARIANTS.expired.weakness], settings: EXPIRY_SETTINGS },
  hardened: { weaknesses: [], settings: { ...EXPIRY_SETTINGS, resources: [PRINT_API] } },
  variants: { label: 'Missing check', choices: Object.entries(CLAIM_VARIANTS).map(([value, v]) => ({ value, label: v.label })) },
};
