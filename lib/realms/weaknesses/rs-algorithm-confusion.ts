import { isHmac } from '../../jwt/algorithms';
import { defineWeakness } from './define';

/**
 * The RS trusts the header's `alg`: for HS256 it takes "the key" — the realm's RSA public key, as the
 * PEM text it loads — as the HMAC secret. The public key is public, so anyone can sign.
 */
export const rsAlgorithmConfusion = defineWeakness({
  name: 'rs-algorithm-confusion',
  point: 'rs.hmac-with-public-key',
  attack:
    'Algorithm confusion — Mallory signs an HS256 token with the realm’s RS256 public key (from the public JWKS) as the HMAC secret; the RS verifies it with the same bytes.',
  specs: ['RFC 8725 §2.1', 'RFC 8725 §3.1'],
  server: 'rs',
  apply: (points) => ({
    'rs.algorithm': (alg, allowed) => (isHmac(alg) ? 'weakened' : points['rs.algorithm'](alg, allowed)),
    'rs.hmac-with-public-key': async (header, ctx) => {
      if (!isHmac(header.alg)) return undefined;
      const rsa = (typeof header.kid === 'string' ? ctx.keys.byKid(header.kid) : undefined) ?? ctx.keys.all.find((k) => k.alg === 'RS256');
      const pem = rsa && rsa.alg === 'RS256' ? await ctx.keys.publicPem(rsa.kid) : undefined;
      if (!pem) return undefined;
      return {
        alg: header.alg,
        key: new TextEncoder().encode(pem),
        outcome: 'weakened',
        source: `the RS256 public key ${rsa!.kid} (SPKI PEM) used as an HMAC secret`,
      };
    },
  }),
});
