import type { JSONWebKeySet } from 'jose';
import type { Check } from './checklist';
import { verifyWithJwks } from './verify-signature';

export interface AccessTokenExpectations {
  jwks: JSONWebKeySet;
  issuer: string;
  /** The resource server's identifier, the expected `aud` (RFC 9068 §3). */
  resource: string;
  requiredScope: string;
  now: number;
}

/**
 * What a resource server must check before it trusts a JWT access token (RFC 9068 §4), rerun in the
 * browser so the learner sees each rule the RS applied to this token.
 */
export async function accessTokenChecks(token: string, e: AccessTokenExpectations): Promise<Check[]> {
  const sig = await verifyWithJwks(token, e.jwks);
  const c = sig.payload ?? {};
  const typ = String(sig.header?.typ ?? '').toLowerCase();
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  const scopes = typeof c.scope === 'string' ? c.scope.split(' ') : [];
  const exp = typeof c.exp === 'number' ? c.exp : undefined;
  return [
    { name: 'typ is at+jwt (not an ID token passed off as an access token)', passed: typ === 'at+jwt' || typ === 'application/at+jwt', detail: `typ = ${String(sig.header?.typ ?? '(absent)')}`, spec: 'RFC 9068 §4 (1)' },
    { name: 'iss is the expected authorization server', passed: c.iss === e.issuer, detail: `iss = ${String(c.iss)}`, spec: 'RFC 9068 §4 (3)' },
    { name: 'aud names this resource server', passed: aud.includes(e.resource), detail: `aud = ${JSON.stringify(c.aud)}`, spec: 'RFC 9068 §4 (4)' },
    { name: 'signature verifies with the issuer\u2019s keys; alg is not none', passed: sig.verified, detail: sig.detail, spec: 'RFC 9068 §4 (5)' },
    { name: 'exp is in the future', passed: exp !== undefined && exp > e.now, detail: exp ? `expires in ${exp - e.now} s` : 'no exp', spec: 'RFC 9068 §4 (6)' },
    { name: `scope includes ${e.requiredScope}`, passed: scopes.includes(e.requiredScope), detail: `scope = ${String(c.scope ?? '(absent)')}`, spec: 'RFC 9068 §4 (7), RFC 6750 §3.1' },
  ];
}
