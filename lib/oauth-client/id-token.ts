import type { JSONWebKeySet } from 'jose';
import type { Check } from './checklist';
import { base64url } from './pkce';
import { verifyWithJwks } from './verify-signature';

export interface IdTokenExpectations {
  jwks: JSONWebKeySet;
  issuer: string;
  clientId: string;
  /** The nonce sent in the authentication request; undefined when the flow sends none (e.g. RFC 8628 device flow). */
  nonce?: string;
  accessToken: string;
  /** Seconds since the epoch. */
  now: number;
}

/**
 * The hash `at_hash` uses: the one of the ID token's own `alg` (OIDC Core §3.1.3.6: "the hash
 * algorithm used in the alg Header Parameter"), SHA-512 for EdDSA with Ed25519 (as oauth4webapi).
 */
export function atHashAlgorithm(alg: string | undefined, crv?: string): 'SHA-256' | 'SHA-384' | 'SHA-512' | undefined {
  const m = /^(?:RS|PS|ES|HS)(256|384|512)$/.exec(alg ?? '');
  if (m) return `SHA-${m[1]}` as 'SHA-256' | 'SHA-384' | 'SHA-512';
  if (alg === 'EdDSA' && crv === 'Ed25519') return 'SHA-512';
  return undefined;
}

/** OIDC Core §3.1.3.6: base64url of the left half of the access token's hash, by the ID token's alg; undefined for an alg it cannot tell. */
export async function atHash(accessToken: string, alg: string | undefined, crv?: string): Promise<string | undefined> {
  const hash = atHashAlgorithm(alg, crv);
  if (!hash) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(accessToken)));
  return base64url(digest.slice(0, digest.length / 2));
}

/** OIDC Core §3.1.3.8: at_hash is optional in the code flow; when present the client may check it, and this one does. */
async function atHashCheck(
  c: Record<string, unknown>,
  accessToken: string,
  alg: string | undefined,
  crv: string | undefined,
): Promise<Check> {
  const name = 'at_hash, when present, matches the access token';
  const spec = 'OIDC Core §3.1.3.8';
  if (c.at_hash === undefined)
    return {
      name,
      passed: true,
      detail: 'at_hash absent: it is optional in the code flow (OIDC Core §3.1.3.6), so there is nothing to compare',
      spec,
    };
  const hash = atHashAlgorithm(alg, crv);
  const expected = await atHash(accessToken, alg, crv);
  if (!hash || expected === undefined)
    return { name, passed: false, detail: `at_hash present, but alg ${String(alg)} names no hash to compute it with`, spec };
  return {
    name,
    passed: c.at_hash === expected,
    detail: `at_hash = ${String(c.at_hash)}, computed ${expected} (${hash}, from alg ${alg})`,
    spec,
  };
}

/** The ID token validation of OIDC Core §3.1.3.7, one check per rule, all of them run so the learner sees every one. */
export async function validateIdToken(idToken: string, e: IdTokenExpectations): Promise<Check[]> {
  const sig = await verifyWithJwks(idToken, e.jwks);
  const c = sig.payload ?? {};
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  const alg = sig.header?.alg;
  const crv = e.jwks.keys.find((k) => k.kid !== undefined && k.kid === sig.header?.kid)?.crv;
  const exp = typeof c.exp === 'number' ? c.exp : undefined;
  return [
    { name: 'signature verifies with the issuer\u2019s JWKS', passed: sig.verified, detail: sig.detail, spec: 'OIDC Core §3.1.3.7 (6)' },
    {
      name: 'iss is the issuer from discovery',
      passed: c.iss === e.issuer,
      detail: `iss = ${String(c.iss)}`,
      spec: 'OIDC Core §3.1.3.7 (2)',
    },
    {
      name: 'aud contains this client',
      passed: aud.includes(e.clientId),
      detail: `aud = ${JSON.stringify(c.aud)}`,
      spec: 'OIDC Core §3.1.3.7 (3)',
    },
    {
      name: 'azp, when present, is this client',
      passed: c.azp === undefined || c.azp === e.clientId,
      detail: `azp = ${String(c.azp ?? '(absent)')}`,
      spec: 'OIDC Core §3.1.3.7 (5)',
    },
    {
      name: 'exp is in the future',
      passed: exp !== undefined && exp > e.now,
      detail: exp ? `expires in ${exp - e.now} s` : 'no exp',
      spec: 'OIDC Core §3.1.3.7 (9)',
    },
    // §3.1.3.7 (11) applies only "if a nonce value was sent in the Authentication Request".
    ...(e.nonce === undefined
      ? []
      : [
          {
            name: 'nonce is the one this client sent',
            passed: c.nonce === e.nonce,
            detail: `nonce = ${String(c.nonce ?? '(absent)')}`,
            spec: 'OIDC Core §3.1.3.7 (11)',
          },
        ]),
    await atHashCheck(c, e.accessToken, alg, crv),
  ];
}
