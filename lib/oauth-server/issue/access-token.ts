import { SignJWT } from 'jose';

import { signCompact } from '../../realms/node-signing';
import { CLOCK_TOLERANCE_SECONDS } from '../../resource-server/verify-access-token';
import { storeKeys, type OpaqueAccessTokenRecord } from '../records';
import { opaqueToken } from './random';
import type { Realm } from '../../realms/types';
import type { RealmSettings } from '../../realms/lab-registry';

export interface AccessTokenInput {
  sub: string;
  clientId: string;
  scope: string[];
  grantId: string;
  /** When a user authenticated (absent for client_credentials). */
  authTime?: number;
  /** RFC 9449 §6: the DPoP key (JWK SHA-256 thumbprint) the token is bound to. */
  jkt?: string;
  /** RFC 8707 §2: another API of this AS (settings.resources); default the realm's own RS. */
  audience?: string;
}

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
}

type Issuer = (realm: Realm, input: AccessTokenInput, jti: string, now: number, expiresIn: number) => Promise<string>;

/**
 * A JWT per RFC 9068: header `typ: at+jwt` (§2.1), claims `iss sub aud exp iat jti client_id scope`
 * (+ `auth_time`, §2.2; + `cnf.jkt` for a DPoP-bound token, RFC 9449 §6.1), `aud` = the realm's resource server, signed with the key the realm's
 * `as.access-token-key` point names (ES256; a weak HS256 secret in one lab realm).
 */
const issueJwt: Issuer = async (realm, input, jti, now, expiresIn) => {
  const key = realm.points['as.access-token-key'](realm.keys);
  const claims: Record<string, unknown> = { client_id: input.clientId, scope: input.scope.join(' ') };
  if (input.authTime !== undefined) claims.auth_time = input.authTime;
  if (input.jkt !== undefined) claims.cnf = { jkt: input.jkt };
  if (!('secret' in key)) {
    // The realm's own ES256/RS256 key: node:crypto, same JWS as jose's SignJWT would make (lib/realms/node-signing.ts).
    const payload = {
      ...claims,
      iss: realm.issuer,
      sub: input.sub,
      aud: input.audience ?? realm.resource,
      iat: now,
      exp: now + expiresIn,
      jti,
    };
    return signCompact({ alg: key.alg, kid: key.kid, typ: 'at+jwt' }, payload, key);
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(realm.issuer)
    .setSubject(input.sub)
    .setAudience(input.audience ?? realm.resource)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(jti)
    .sign(key.secret);
};

/** An opaque token: 256 random bits meaning nothing by themselves; the RS asks the AS's records (RFC 7662). */
const issueOpaque: Issuer = async (realm, input, jti, now, expiresIn) => {
  const token = opaqueToken(32);
  const record: OpaqueAccessTokenRecord = {
    jti,
    sub: input.sub,
    clientId: input.clientId,
    scope: input.scope,
    aud: input.audience ?? realm.resource,
    iat: now,
    exp: now + expiresIn,
    authTime: input.authTime,
    jkt: input.jkt,
  };
  await realm.store.set(storeKeys.opaqueAccessToken(token), record, expiresIn + CLOCK_TOLERANCE_SECONDS);
  return token;
};

const FORMATS: Record<RealmSettings['accessTokenFormat'], Issuer> = { jwt: issueJwt, opaque: issueOpaque };

/**
 * Issues an access token in the realm's format. Its `jti` is recorded with its grant for the token's
 * lifetime plus the RS's clock tolerance, so revocation reaches it for as long as any RS could still
 * accept it — and a token with no record is refused (fail closed).
 */
export async function issueAccessToken(realm: Realm, input: AccessTokenInput): Promise<IssuedAccessToken> {
  const now = realm.clock.nowSeconds();
  const expiresIn = realm.lifetimes.accessToken;
  const jti = opaqueToken(16);
  const token = await FORMATS[realm.settings.accessTokenFormat](realm, input, jti, now, expiresIn);
  await realm.store.set(storeKeys.accessToken(jti), input.grantId, expiresIn + CLOCK_TOLERANCE_SECONDS);
  return { token, jti, expiresIn };
}
