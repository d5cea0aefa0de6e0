import type { AttackDefinition } from './attack-definition';
import type { PlayableSlug } from './attack-registry';

/**
 * Each playable attack's definition (machine, panels) is its own chunk, loaded when its page opens.
 * Typed by the registry's playable slugs: an attack marked playable without a loader, or a loader for an
 * attack the registry does not mark playable, does not compile.
 */
export const ATTACK_LOADERS: Record<PlayableSlug, () => Promise<AttackDefinition>> = {
  'alg-none': async () => (await import('./definitions/alg-none')).algNone,
  'algorithm-confusion': async () => (await import('./definitions/algorithm-confusion')).algorithmConfusion,
  'weak-hmac-secret': async () => (await import('./definitions/weak-hmac-secret')).weakHmacSecret,
  'embedded-jwk': async () => (await import('./definitions/embedded-jwk')).embeddedJwk,
  jku: async () => (await import('./definitions/jku')).jku,
  'kid-traversal': async () => (await import('./definitions/kid-traversal')).kidTraversal,
  'unverified-signature': async () => (await import('./definitions/unverified-signature')).unverifiedSignature,
  revocation: async () => (await import('./definitions/revocation')).revocation,
  'stolen-token-dpop': async () => (await import('./definitions/stolen-token-dpop')).stolenTokenDpop,
  'redirect-uri': async () => (await import('./definitions/redirect-uri')).redirectUri,
  'open-redirect': async () => (await import('./definitions/open-redirect')).openRedirect,
  implicit: async () => (await import('./definitions/implicit')).implicit,
  'password-grant': async () => (await import('./definitions/password-grant')).passwordGrant,
  'missing-claim-checks': async () => (await import('./definitions/missing-claim-checks')).missingClaimChecks,
  'missing-state': async () => (await import('./definitions/missing-state')).missingState,
  'code-interception': async () => (await import('./definitions/code-interception')).codeInterception,
  'refresh-replay': async () => (await import('./definitions/refresh-replay')).refreshReplay,
  'token-storage': async () => (await import('./definitions/token-storage')).tokenStorage,
  clickjacking: async () => (await import('./definitions/clickjacking')).clickjacking,
  'mix-up': async () => (await import('./definitions/mix-up')).mixUp,
};

/** The definition of a playable attack; undefined for any other slug. */
export function loadAttack(slug: string): Promise<AttackDefinition> | undefined {
  return Object.hasOwn(ATTACK_LOADERS, slug) ? ATTACK_LOADERS[slug as PlayableSlug]() : undefined;
}
