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

/** OIDC Core §3.1.3.6: at_hash is the base64url of the left half of the access token's hash (SHA-256 for ES256/RS256/PS256). */
export async function atHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)));
  return base64url(digest.slice(0, digest.length / 2));
}

/** The ID token validation of OIDC Core §3.1.3.7, one check per rule, all of them run so the learner sees every one. */
export async function validateIdToken(idToken: string, e: IdTokenExpectations): Promise<Check[]> {
  const sig = await verifyWithJwks(idToken, e.jwks);
  const c = sig.payload ?? {};
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  const expected = await atHash(e.accessToken);
  const exp = typeof c.exp === 'number' ? c.exp : undefined;
  return [
    { name: 'signature verifies with the issuer\u2019s JWKS', passed: sig.verified, detail: sig.detail, spec: 'OIDC Core §3.1.3.7 (6)' },
    { name: 'iss is the issuer from discovery', passed: c.iss === e.issuer, detail: `iss = ${String(c.iss)}`, spec: 'OIDC Core §3.1.3.7 (2)' },
    { name: 'aud contains this client', passed: aud.includes(e.clientId), detail: `aud = ${JSON.stringify(c.aud)}`, spec: 'OIDC Core §3.1.3.7 (3)' },
    { name: 'azp, when present, is this client', passed: c.azp === undefined || c.azp === e.clientId, detail: `azp = ${String(c.azp ?? '(absent)')}`, spec: 'OIDC Core §3.1.3.7 (5)' },
    { name: 'exp is in the future', passed: exp !== undefined && exp > e.now, detail: exp ? `expires in ${exp - e.now} s` : 'no exp', spec: 'OIDC Core §3.1.3.7 (9)' },
    // §3.1.3.7 (11) applies only "if a nonce value was sent in the Authentication Request".
    ...(e.nonce === undefined ? [] : [{ name: 'nonce is the one this client sent', passed: c.nonce === e.nonce, detail: `nonce = ${String(c.nonce ?? '(absent)')}`, spec: 'OIDC Core §3.1.3.7 (11)' }]),
    { name: 'at_hash matches the access token', passed: c.at_hash === expected, detail: `at_hash = ${String(c.at_hash ?? '(absent)')}, computed ${expected}`, spec: 'OIDC Core §3.2.2.9' },
  ];
}
