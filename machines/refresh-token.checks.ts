import type { JSONWebKeySet } from 'jose';
import type { Check } from '@/lib/oauth-client/checklist';
import { validateIdToken } from '@/lib/oauth-client/id-token';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';

export interface RefreshExpectations {
  jwks: JSONWebKeySet;
  issuer: string;
  clientId: string;
  /** The ID token of the original authentication, which a refreshed one must match (OIDC Core §12.2). */
  originalIdToken?: string;
  now: number;
}

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the client checks in a refresh response: the AS rotated (RFC 9700 §4.14.2) and issued a
 * new access token (RFC 6749 §6); a refreshed ID token passes OIDC Core §3.1.3.7 (there was no
 * new authentication request, so no nonce is expected) and matches the original one as OIDC
 * Core §12.2 requires: same iss, sub, aud, auth_time, azp; a nonce SHOULD be absent and, if
 * present, MUST be the original's.
 * Does NOT verify the access token: it is meant for the resource server.
 */
export async function refreshResponseChecks(previous: TokenSet, next: TokenSet, e: RefreshExpectations): Promise<Check[]> {
  const checks: Check[] = [
    {
      name: 'a new refresh token came back (rotation)',
      passed: next.refresh_token !== undefined && next.refresh_token !== previous.refresh_token,
      detail:
        next.refresh_token === undefined
          ? 'no refresh_token in the response'
          : next.refresh_token === previous.refresh_token
            ? 'the same refresh token came back'
            : 'different from the one just sent; the client replaces the old one',
      spec: 'RFC 9700 §4.14.2, RFC 6749 §6',
    },
    {
      name: 'a new access token came back',
      passed: next.access_token !== previous.access_token,
      detail: `jti ${show(unverifiedClaims(previous.access_token)?.jti)} → ${show(unverifiedClaims(next.access_token)?.jti)}`,
      spec: 'RFC 6749 §6',
    },
  ];
  if (!next.id_token) return checks;
  // No nonce is passed: §3.1.3.7 (11) compares one only against an authentication request, and a refresh sends none.
  const basic = await validateIdToken(next.id_token, {
    jwks: e.jwks,
    issuer: e.issuer,
    clientId: e.clientId,
    accessToken: next.access_token,
    now: e.now,
  });
  const original = unverifiedClaims(e.originalIdToken) ?? {};
  const now = unverifiedClaims(next.id_token) ?? {};
  const rule = (name: string, passed: boolean, detail: string): Check => ({ name, passed, detail, spec: 'OIDC Core §12.2' });
  return [
    ...checks,
    ...basic,
    rule('iss is the same as in the original ID token', same(now.iss, original.iss), `iss = ${show(now.iss)}`),
    rule('sub is the same: still the same user', same(now.sub, original.sub), `sub = ${show(now.sub)}, originally ${show(original.sub)}`),
    rule('aud is the same', same(now.aud, original.aud), `aud = ${show(now.aud)}`),
    rule(
      'auth_time is the original sign-in, not now',
      same(now.auth_time, original.auth_time),
      `auth_time = ${show(now.auth_time)}, originally ${show(original.auth_time)}`,
    ),
    rule('azp is the same', same(now.azp, original.azp), `azp = ${show(now.azp)}`),
    rule(
      'iat is the time of this new ID token',
      typeof now.iat === 'number' && typeof original.iat === 'number' && now.iat >= original.iat,
      `iat = ${show(now.iat)}, original ${show(original.iat)}`,
    ),
    rule(
      'nonce absent, or the original one',
      now.nonce === undefined || same(now.nonce, original.nonce),
      now.nonce === undefined
        ? 'nonce absent, as it SHOULD be'
        : same(now.nonce, original.nonce)
          ? `nonce = ${show(now.nonce)}: the original's (allowed; it SHOULD be absent)`
          : `nonce = ${show(now.nonce)}, originally ${show(original.nonce)}`,
    ),
  ];
}
