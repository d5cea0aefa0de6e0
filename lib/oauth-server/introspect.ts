import { authenticateClient } from './client-auth';
import { OAuthError, invalidRequest } from './errors';
import { jsonResponse, requireMethod } from './http';
import { isGrantRevoked } from './issue/grant-state';
import { verifyOwnAccessToken } from './issue/verify-access-token';
import { readForm } from './read-form';
import { storeKeys, type RefreshTokenRecord } from './records';
import { RESOURCE_SERVER_CLIENT_ID } from '../realms/demo';
import type { ClientConfig, Realm } from '../realms/types';

/**
 * `POST {issuer}/introspect` (RFC 7662). The caller must be a confidential client (§2.1: the
 * endpoint MUST be protected, else it is a token-scanning oracle, §4). Anything not live, be it
 * unknown, expired, revoked or malformed, is just `{"active": false}` (§2.2). `token_type_hint` only
 * decides which lookup runs first (§2.1: the server MUST extend its search).
 *
 * §4: the server must decide whether the caller may see a token at all. A client learns only about
 * its own tokens; the resource server's own credentials (`rs`, lib/realms/demo.ts) about any token
 * of the realm. Anyone else hears `{"active": false}`, as for a token that does not exist, so the
 * endpoint is no oracle for another client's tokens.
 */
export async function introspectionEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['POST']);
  const form = await readForm(request);
  const { client, method } = await authenticateClient(request, form, realm);
  if (method === 'none')
    throw new OAuthError(
      'invalid_client',
      'Introspection must be authorized (RFC 7662 §2.1: by client authentication or a bearer token); this AS takes client authentication, which a public client cannot give.',
      401,
    );
  const token = form.get('token');
  if (!token) throw invalidRequest('The token parameter is missing (RFC 7662 §2.1).');

  const lookups =
    form.get('token_type_hint') === 'refresh_token' ? [refreshTokenInfo, accessTokenInfo] : [accessTokenInfo, refreshTokenInfo];
  for (const lookup of lookups) {
    const info = await lookup(realm, token, client);
    if (info) return jsonResponse({ active: true, ...info });
  }
  return jsonResponse({ active: false });
}

type Info = Record<string, unknown> | undefined;

const mayLearnAbout = (caller: ClientConfig, tokenClientId: string) =>
  caller.clientId === tokenClientId || caller.clientId === RESOURCE_SERVER_CLIENT_ID;

async function accessTokenInfo(realm: Realm, token: string, caller: ClientConfig): Promise<Info> {
  const verified = await verifyOwnAccessToken(realm, token);
  if (!verified.ok) return undefined;
  const c = verified.token;
  if (!mayLearnAbout(caller, c.clientId)) return undefined;
  return {
    scope: c.scope.join(' '),
    client_id: c.clientId,
    sub: c.sub,
    aud: c.aud,
    iss: c.iss,
    exp: c.exp,
    iat: c.iat,
    jti: c.jti,
    // RFC 9449 §6.2: a DPoP-bound token says so, with the key it is bound to.
    token_type: c.jkt !== undefined ? 'DPoP' : 'Bearer',
    ...(c.jkt !== undefined ? { cnf: { jkt: c.jkt } } : {}),
    ...(c.authTime !== undefined ? { auth_time: c.authTime } : {}),
  };
}

async function refreshTokenInfo(realm: Realm, token: string, caller: ClientConfig): Promise<Info> {
  if (token.length > 512) return undefined;
  const record = await realm.store.get<RefreshTokenRecord>(storeKeys.refreshToken(token));
  if (!record || !mayLearnAbout(caller, record.clientId) || (await isGrantRevoked(realm, record.grantId))) return undefined;
  return {
    scope: record.scope.join(' '),
    client_id: record.clientId,
    sub: record.sub,
    iss: realm.issuer,
    exp: record.familyExpiresAt,
    auth_time: record.authTime,
    ...(record.jkt !== undefined ? { cnf: { jkt: record.jkt } } : {}),
  };
}
