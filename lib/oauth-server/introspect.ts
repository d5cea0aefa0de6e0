import { authenticateClient } from './client-auth';
import { OAuthError, invalidRequest } from './errors';
import { jsonResponse, requireMethod } from './http';
import { isGrantRevoked } from './issue/grant-state';
import { verifyOwnAccessToken } from './issue/verify-access-token';
import { readForm } from './read-form';
import { storeKeys, type RefreshTokenRecord } from './records';
import type { Realm } from '../realms/types';

/**
 * `POST {issuer}/introspect` (RFC 7662). The caller must be a confidential client (§2.1: the
 * endpoint MUST be protected, else it is a token-scanning oracle, §4). Anything not live, be it
 * unknown, expired, revoked or malformed, is just `{"active": false}` (§2.2). `token_type_hint` only
 * decides which lookup runs first (§2.1: the server MUST extend its search).
 */
export async function introspectionEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['POST']);
  const form = await readForm(request);
  const { method } = await authenticateClient(request, form, realm);
  if (method === 'none') throw new OAuthError('invalid_client', 'Introspection needs a confidential client (RFC 7662 §2.1).', 401);
  const token = form.get('token');
  if (!token) throw invalidRequest('The token parameter is missing (RFC 7662 §2.1).');

  const lookups = form.get('token_type_hint') === 'refresh_token' ? [refreshTokenInfo, accessTokenInfo] : [accessTokenInfo, refreshTokenInfo];
  for (const lookup of lookups) {
    const info = await lookup(realm, token);
    if (info) return jsonResponse({ active: true, ...info });
  }
  return jsonResponse({ active: false });
}

type Info = Record<string, unknown> | undefined;

async function accessTokenInfo(realm: Realm, token: string): Promise<Info> {
  const verified = await verifyOwnAccessToken(realm, token);
  if (!verified.ok) return undefined;
  const c = verified.token;
  return {
    scope: c.scope.join(' '),
    client_id: c.clientId,
    sub: c.sub,
    aud: c.aud,
    iss: c.iss,
    exp: c.exp,
    iat: c.iat,
    jti: c.jti,
    token_type: 'Bearer',
    ...(c.authTime !== undefined ? { auth_time: c.authTime } : {}),
  };
}

async function refreshTokenInfo(realm: Realm, token: string): Promise<Info> {
  if (token.length > 512) return undefined;
  const record = await realm.store.get<RefreshTokenRecord>(storeKeys.refreshToken(token));
  if (!record || (await isGrantRevoked(realm, record.grantId))) return undefined;
  return {
    scope: record.scope.join(' '),
    client_id: record.clientId,
    sub: record.sub,
    iss: realm.issuer,
    exp: record.familyExpiresAt,
    auth_time: record.authTime,
  };
}
