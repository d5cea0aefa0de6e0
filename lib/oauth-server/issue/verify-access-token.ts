import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTHeaderParameters, type FlattenedJWSInput } from 'jose';

import { isAccessTokenLive } from './grant-state';
import type { Realm } from '../../realms/types';

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  jti: string;
  client_id: string;
  scope: string;
  exp: number;
  iat: number;
  auth_time?: number;
}

export type VerifyResult = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: string };

/**
 * Checks an access token this AS issued, as RFC 9068 §4 asks: `typ` is `at+jwt`, the signature
 * verifies with the realm key named by `kid` (algorithms pinned per key, RFC 8725 §3.1),
 * `iss` is this issuer, `aud` the realm's resource, `exp` not passed (clock: realm.clock), and
 * the token is known and its grant not revoked. Never throws; says why it refused.
 */
export async function verifyAccessToken(realm: Realm, token: string): Promise<VerifyResult> {
  if (token.length > 8192) return { ok: false, reason: 'The token is too long.' };
  let payload: JWTPayload;
  try {
    const keyFor = (header: JWTHeaderParameters, _input: FlattenedJWSInput) => {
      const key = header.kid === undefined ? undefined : realm.keys.byKid(header.kid);
      if (!key || key.alg !== header.alg) throw new joseErrors.JWKSNoMatchingKey();
      return key.publicKey;
    };
    ({ payload } = await jwtVerify(token, keyFor, {
      algorithms: realm.keys.all.map((k) => k.alg),
      typ: 'at+jwt',
      issuer: realm.issuer,
      audience: realm.resource,
      requiredClaims: ['sub', 'jti', 'exp', 'iat', 'client_id'],
      currentDate: new Date(realm.clock.nowSeconds() * 1000),
    }));
  } catch (err) {
    return { ok: false, reason: describe(err) };
  }
  const claims = payload as AccessTokenClaims;
  if (typeof claims.jti !== 'string' || !(await isAccessTokenLive(realm, claims.jti))) {
    return { ok: false, reason: 'The access token has been revoked.' };
  }
  return { ok: true, claims };
}

function describe(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `The access token's "${err.claim}" claim is not acceptable.`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature does not verify.';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'The access token uses an algorithm this server does not accept.';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'The access token was not signed by a key of this realm.';
  return 'The access token is malformed.';
}
