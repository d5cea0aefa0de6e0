import { importJWK } from 'jose';
import { defineWeakness } from './define';

/** The RS verifies with the public key the token carries in its own `jwk` header: whoever signs, verifies. */
export const rsTrustsEmbeddedJwk = defineWeakness({
  name: 'rs-trusts-embedded-jwk',
  point: 'rs.key-from-jwk',
  attack: 'Embedded jwk — Mallory signs with her own key and puts its public half in the token’s jwk header; the RS verifies with it.',
  specs: ['RFC 8725 §3.10', 'RFC 7515 §4.1.3'],
  server: 'rs',
  apply: () => ({
    'rs.key-from-jwk': async (header) => {
      const jwk = header.jwk;
      if (!jwk || typeof jwk !== 'object' || typeof header.alg !== 'string' || 'd' in jwk) return undefined;
      const key = await importJWK(jwk, header.alg).catch(() => undefined);
      if (!key || key instanceof Uint8Array) return undefined;
      return { alg: header.alg, key, outcome: 'weakened', source: 'the jwk header of the token itself' };
    },
  }),
});
