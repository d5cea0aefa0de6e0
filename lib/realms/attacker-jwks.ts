/**
 * The attacker site of a lab realm is same-origin, under `/attacker/{realm}/…` (DESIGN.md). Its key
 * set — the public keys Mallory publishes for `jku` attacks — lives in the realm's own store, so a
 * weakened RS reads it in-process and no server ever fetches a URL.
 */
export const ATTACKER_JWKS_KEY = 'attacker-jwks:current';

export function attackerJwksUrl(origin: string, realmId: string): string {
  return `${origin}/attacker/${encodeURIComponent(realmId)}/jwks`;
}
