import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';

import type { Realm } from '../../realms/types';

export interface IdTokenInput {
  sub: string;
  clientId: string;
  authTime: number;
  nonce?: string;
  /** The access token issued alongside, for `at_hash`. */
  accessToken: string;
}

/**
 * OIDC Core §3.1.3.6 `at_hash`: base64url of the left half of the hash of the access token's
 * ASCII octets, with the hash of the ID token's `alg` (SHA-256 for ES256 and RS256).
 */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/**
 * Issues an ID token (OIDC Core §2): `iss sub aud exp iat auth_time nonce azp at_hash`, with
 * `aud` = the client and `azp` naming it too (§2: the party the token was issued to).
 * Only called when the `openid` scope was granted.
 */
export async function issueIdToken(realm: Realm, input: IdTokenInput): Promise<string> {
  const key = realm.keys.default;
  const now = realm.clock.nowSeconds();
  const claims: Record<string, unknown> = {
    auth_time: input.authTime,
    azp: input.clientId,
    at_hash: atHash(input.accessToken),
  };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(realm.issuer)
    .setSubject(input.sub)
    .setAudience(input.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + realm.lifetimes.idToken)
    .sign(key.privateKey);
}
