import { jsonResponse } from '../http';
import type { RefreshTokenRecord } from '../records';
import { issueAccessToken } from './access-token';
import { issueIdToken } from './id-token';
import { issueRefreshToken, newRefreshFamily } from './refresh-token';
import type { ClientConfig, Realm } from '../../realms/types';

export interface GrantOutcome {
  client: ClientConfig;
  sub: string;
  /** Scope of the access token. */
  scope: string[];
  grantId: string;
  /** Present when a user authenticated; absent for client_credentials. */
  authTime?: number;
  nonce?: string;
  /** Refresh grant: the record of the token being rotated (its family and scope carry over). */
  rotate?: RefreshTokenRecord;
  /** RFC 9449 §5: the key of the request's valid DPoP proof, when it sent one. */
  jkt?: string;
  /** RFC 8707 §2: the `aud` the client asked for with `resource`, when not the realm's own RS. */
  audience?: string;
}

/**
 * Issues what a successful grant yields and answers RFC 6749 §5.1 JSON with `no-store`:
 * - an access token, always;
 * - an ID token when `openid` was granted and a user authenticated (OIDC Core §3.1.3.3);
 * - a refresh token on rotation, or when `offline_access` was granted to a client that may use
 *   the refresh_token grant (OIDC Core §11).
 *
 * With a DPoP proof (RFC 9449 §5) the access token is bound to its key and `token_type` is `DPoP`;
 * a new refresh token family of a public client is bound to it too (a rotated one keeps its binding).
 */
export async function issueTokenResponse(realm: Realm, outcome: GrantOutcome): Promise<Response> {
  const { client, sub, scope, grantId, authTime, jkt, audience } = outcome;
  const access = await issueAccessToken(realm, { sub, clientId: client.clientId, scope, grantId, authTime, jkt, audience });
  const body: Record<string, unknown> = {
    access_token: access.token,
    token_type: jkt ? 'DPoP' : 'Bearer',
    expires_in: access.expiresIn,
    scope: scope.join(' '),
  };
  if (authTime !== undefined && scope.includes('openid')) {
    body.id_token = await issueIdToken(realm, {
      sub,
      clientId: client.clientId,
      authTime,
      nonce: outcome.nonce,
      accessToken: access.token,
    });
  }
  if (outcome.rotate) {
    body.refresh_token = await issueRefreshToken(realm, outcome.rotate);
  } else if (authTime !== undefined && scope.includes('offline_access') && client.grantTypes.includes('refresh_token')) {
    const binding = jkt !== undefined && client.type === 'public' ? { jkt } : {};
    const family = newRefreshFamily(realm, { clientId: client.clientId, sub, scope, authTime, grantId, ...binding });
    body.refresh_token = await issueRefreshToken(realm, family);
  }
  return jsonResponse(body);
}
