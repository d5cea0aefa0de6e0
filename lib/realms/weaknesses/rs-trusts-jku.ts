import { importJWK, type JWK } from 'jose';
import { OAuthError } from '../../oauth-server/errors';
import { ATTACKER_JWKS_KEY, attackerJwksUrl } from '../attacker-jwks';
import { defineWeakness } from './define';

/**
 * The RS fetches the key set the token's `jku` names. In Flowlab it is honoured only when it names
 * the realm's own same-origin attacker route, and even then it is read in-process: no server ever
 * fetches a URL a token or a user supplied. Any other `jku` is refused without a request.
 */
export const rsTrustsJku = defineWeakness({
  name: 'rs-trusts-jku',
  point: 'rs.key-from-jku',
  attack:
    'jku injection — Mallory points the token’s jku at a key set she hosts (the lab’s attacker site) and signs with her key; the RS loads her keys.',
  specs: ['RFC 8725 §3.10', 'RFC 7515 §4.1.2'],
  server: 'rs',
  apply: () => ({
    'rs.key-from-jku': async (header, ctx) => {
      if (header.jku === undefined) return undefined;
      if (header.jku !== attackerJwksUrl(ctx.origin, ctx.realmId)) {
        throw new OAuthError(
          'invalid_token',
          'The jku names a URL outside this lab realm’s attacker site; Flowlab never fetches such a URL (nothing was requested).',
          401,
        );
      }
      const set = await ctx.store.get<{ keys: JWK[] }>(ATTACKER_JWKS_KEY);
      const jwk = set?.keys.find((k) => k.kid === header.kid) ?? set?.keys[0];
      if (!jwk || typeof header.alg !== 'string') return undefined;
      const key = await importJWK(jwk, header.alg).catch(() => undefined);
      if (!key || key instanceof Uint8Array) return undefined;
      return { alg: header.alg, key, outcome: 'weakened', source: `the key set at ${header.jku}` };
    },
  }),
});
