/**
 * What the authorization server keeps in its Store, and under which keys. The front
 * channel (authorize, login, consent, device page) writes these; the token endpoint
 * reads them. One file so both sides agree.
 */

/** `code:{code}`: an authorization code, one-time, TTL = lifetimes.authorizationCode (RFC 6749 §4.1.2). */
export interface AuthorizationCodeRecord {
  clientId: string;
  redirectUri: string;
  /** RFC 6749 §4.1.3: only when the authorization request included redirect_uri must the token request repeat it. */
  redirectUriOmitted?: boolean;
  scope: string[];
  sub: string;
  authTime: number;
  nonce?: string;
  /** RFC 7636 §4.4: bound to the code; absent only where a lab realm made PKCE optional. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** Groups every token issued from this code, so a replay can revoke them all (RFC 6749 §4.1.2). */
  grantId: string;
}

/**
 * `device:{device_code}`: RFC 8628 device authorization, TTL = lifetimes.deviceCode. The poll
 * rewrites it (lastPolledAt, interval); the user's decision lives apart, in DeviceDecisionRecord.
 */
export interface DeviceAuthorizationRecord {
  clientId: string;
  scope: string[];
  userCode: string; // normalised: 8 letters, no dash
  expiresAt: number;
  interval: number;
  lastPolledAt?: number;
  grantId: string;
}

/**
 * `device-decision:{device_code}`: the user's decision, written once with setIfAbsent. Kept out of
 * the authorization record, which a concurrent poll rewrites: there an approval could be lost.
 * Absent = the user has not decided yet.
 */
export type DeviceDecisionRecord = { status: 'approved'; sub: string; authTime: number } | { status: 'denied' };

/** `session:{sid}`: the AS browser session (HttpOnly cookie), TTL = lifetimes.session. */
export interface SessionRecord {
  sub: string;
  authTime: number;
}

/** `rt:{token}`: a live refresh token (RFC 6749 §6, rotated per RFC 9700 §4.14). */
export interface RefreshTokenRecord {
  clientId: string;
  sub: string;
  scope: string[];
  authTime: number;
  familyId: string;
  grantId: string;
  /** Absolute expiry of the family: rotation never extends it. */
  familyExpiresAt: number;
  /** RFC 9449 §5: a public client's refresh token is bound to the DPoP key (JWK SHA-256 thumbprint). */
  jkt?: string;
}

/** `opaque-at:{token}`: an opaque access token (realms with `accessTokenFormat: opaque`), TTL = its lifetime + tolerance. */
export interface OpaqueAccessTokenRecord {
  jti: string;
  sub: string;
  clientId: string;
  scope: string[];
  aud: string;
  iat: number;
  exp: number;
  authTime?: number;
  /** RFC 9449 §6.2: the DPoP key the token is bound to, for introspection and the RS. */
  jkt?: string;
}

export const storeKeys = {
  code: (code: string) => `code:${code}`,
  /** Set when a code was redeemed, so a replay is recognised (and the grant revoked). */
  codeSpent: (code: string) => `code-spent:${code}`,
  device: (deviceCode: string) => `device:${deviceCode}`,
  deviceDecision: (deviceCode: string) => `device-decision:${deviceCode}`,
  userCode: (userCode: string) => `user-code:${userCode}`,
  session: (sid: string) => `session:${sid}`,
  refreshToken: (token: string) => `rt:${token}`,
  refreshTokenSpent: (token: string) => `rt-spent:${token}`,
  /** Present = every token of that grant is revoked (code replay, refresh reuse, revocation). */
  grantRevoked: (grantId: string) => `grant-revoked:${grantId}`,
  /** `at:{jti}` → grantId, so introspection and the RS can tell a revoked access token. */
  accessToken: (jti: string) => `at:${jti}`,
  /** An opaque access token → what it stands for (RFC 7662 §2.2 answers from it). */
  opaqueAccessToken: (token: string) => `opaque-at:${token}`,
  rateLimit: (bucket: string, subject: string) => `rate:${bucket}:${subject}`,
} as const;
