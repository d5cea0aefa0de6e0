import { errors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { OAuthError } from '../oauth-server/errors';
import { storeKeys } from '../oauth-server/records';
import type { Realm } from '../realms/types';
import { bearerError } from './rs-errors';
import { VerifiedTokenCache } from './verified-token-cache';

/** Seconds of clock skew tolerated on `exp`/`iat`/`nbf` (RFC 9068 §4 lets the RS choose). */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** What the resource server knows about a caller once its token checked out. */
export interface VerifiedAccessToken {
  sub: string;
  clientId: string;
  scope: string[];
  jti: string;
  exp: number;
  kid: string;
  alg: string;
}

/** Why a token was refused: a stable code for tests and the UI, beside the human text. */
export type InvalidTokenReason =
  | 'malformed'
  | 'algorithm'
  | 'typ'
  | 'unknown-key'
  | 'signature'
  | 'expired'
  | 'issuer'
  | 'audience'
  | 'claims'
  | 'revoked';

const REASONS: Record<InvalidTokenReason, string> = {
  malformed: 'The access token is not a well-formed signed JWT.',
  algorithm: 'The access token uses an algorithm this resource server does not accept (RFC 8725 §3.1).',
  typ: 'The access token header typ must be at+jwt (RFC 9068 §4, RFC 8725 §3.11).',
  'unknown-key': 'The access token was signed with a key this resource server does not know (kid).',
  signature: 'The access token signature does not verify.',
  expired: 'The access token has expired.',
  issuer: 'The access token was not issued by this realm (iss).',
  audience: 'The access token is not meant for this resource server (aud, RFC 9068 §4).',
  claims: 'The access token lacks a required claim or has an invalid one (RFC 9068 §2.2).',
  revoked: 'The access token has been revoked.',
};

/** The `invalid_token` error for a reason, with its RFC 6750 §3 challenge; `reason` is kept on the error. */
export function invalidAccessToken(realm: Realm, reason: InvalidTokenReason) {
  return Object.assign(bearerError(realm, 'invalid_token', REASONS[reason]), { reason });
}

/**
 * Validates a JWT access token the way RFC 9068 §4 asks, with RFC 8725's hardening:
 * an explicit algorithm allow-list (§3.1), the key chosen by `kid` among the realm's own keys and
 * required to match the header `alg` (§3.1, no key confusion), `typ` = `at+jwt` (§3.11),
 * `iss` = the realm, `aud` containing this resource (§3.9), `exp`/`iat` with a small tolerance,
 * and finally the grant not being revoked (`at:{jti}` → grant, `grant-revoked:{grant}`).
 *
 * Throws `OAuthError` `invalid_token` carrying a {@link InvalidTokenReason}. Does NOT check
 * scopes: that is per endpoint (RFC 6750 §3.1 `insufficient_scope`).
 */
export async function verifyAccessToken(token: string, realm: Realm): Promise<VerifiedAccessToken> {
  const verified = verdicts.get(realm, token, CLOCK_TOLERANCE_SECONDS) ?? (await verifyJwt(token, realm));
  // Revocation is checked on every request, cached verdict or not.
  if (await isRevoked(realm, verified.jti)) throw invalidAccessToken(realm, 'revoked');
  return verified;
}

/** Process-wide: the same verdict serves every request that presents the same token. */
const verdicts = new VerifiedTokenCache<VerifiedAccessToken>();

async function verifyJwt(token: string, realm: Realm): Promise<VerifiedAccessToken> {
  const allowed = realm.policies.rsAlgorithms;
  let payload: JWTPayload;
  let header: JWTHeaderParameters;
  try {
    ({ payload, protectedHeader: header } = await jwtVerify(
      token,
      (h) => {
        const key = typeof h.kid === 'string' ? realm.keys.byKid(h.kid) : undefined;
        if (!key || key.alg !== h.alg) throw invalidAccessToken(realm, 'unknown-key');
        return key.publicKey;
      },
      {
        algorithms: allowed,
        typ: 'at+jwt',
        issuer: realm.issuer,
        audience: realm.resource,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(realm.clock.nowSeconds() * 1000),
        requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
      },
    ));
  } catch (err) {
    if (err instanceof OAuthError) throw err;
    throw invalidAccessToken(realm, reasonOf(err));
  }
  const claims = readClaims(payload);
  if (!claims) throw invalidAccessToken(realm, 'claims');
  const result = { ...claims, kid: String(header.kid), alg: header.alg };
  verdicts.set(realm, token, result, claims.exp);
  return result;
}

function reasonOf(err: unknown): InvalidTokenReason {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'algorithm';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'typ') return 'typ';
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    return 'claims';
  }
  return 'malformed';
}

function readClaims(p: JWTPayload): Omit<VerifiedAccessToken, 'kid' | 'alg'> | undefined {
  const { sub, jti, exp } = p;
  const clientId = p.client_id;
  const scope = p.scope ?? '';
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') return undefined;
  if (typeof clientId !== 'string' || typeof scope !== 'string') return undefined;
  // RFC 9068 §2.2.3: scope is a space-separated string (RFC 8693 §4.2 form).
  return { sub, clientId, jti, exp, scope: scope.split(' ').filter(Boolean) };
}

async function isRevoked(realm: Realm, jti: string): Promise<boolean> {
  const grantId = await realm.store.get<string>(storeKeys.accessToken(jti));
  if (grantId === undefined) return false;
  return (await realm.store.get(storeKeys.grantRevoked(grantId))) !== undefined;
}
