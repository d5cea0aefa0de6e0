import { SignJWT } from 'jose';

import { storeKeys } from '../records';
import { opaqueToken } from './random';
import type { Realm } from '../../realms/types';

export interface AccessTokenInput {
  sub: string;
  clientId: string;
  scope: string[];
  grantId: string;
  /** When a user authenticated (absent for client_credentials). */
  authTime?: number;
}

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
}

/**
 * Issues a JWT access token per RFC 9068: header `typ: at+jwt` (§2.1), claims
 * `iss sub aud exp iat jti client_id scope` (+ `auth_time`, §2.2). `aud` is the realm's resource
 * server. The `jti` is recorded with its grant so revocation reaches the token (see grant-state.ts).
 */
export async function issueAccessToken(realm: Realm, input: AccessTokenInput): Promise<IssuedAccessToken> {
  const key = realm.keys.default;
  const now = realm.clock.nowSeconds();
  const expiresIn = realm.lifetimes.accessToken;
  const jti = opaqueToken(16);
  const claims: Record<string, unknown> = { client_id: input.clientId, scope: input.scope.join(' ') };
  if (input.authTime !== undefined) claims.auth_time = input.authTime;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(realm.issuer)
    .setSubject(input.sub)
    .setAudience(realm.resource)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(jti)
    .sign(key.privateKey);
  await realm.store.set(storeKeys.accessToken(jti), input.grantId, expiresIn);
  return { token, jti, expiresIn };
}
