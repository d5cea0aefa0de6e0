import { authenticateClient } from './client-auth';
import { invalidRequest } from './errors';
import { NO_STORE, requireMethod } from './http';
import { revokeGrant } from './issue/grant-state';
import { verifyOwnAccessToken } from './issue/verify-access-token';
import { readForm } from './read-form';
import { storeKeys, type RefreshTokenRecord } from './records';
import type { ClientConfig, Realm } from '../realms/types';

/**
 * `POST {issuer}/revoke` (RFC 7009). Public clients identify with client_id (§2.1). The answer
 * is 200 whether or not the token was known (§2.2), so the endpoint reveals nothing. Revoking
 * either kind of token revokes its grant: the refresh token family and the access tokens issued
 * with it (§2.1 allows, and for refresh tokens recommends, this). A token of another client is
 * left alone. `token_type_hint` only orders the lookups.
 */
export async function revocationEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['POST']);
  const form = await readForm(request);
  const { client } = await authenticateClient(request, form, realm);
  const token = form.get('token');
  if (!token) throw invalidRequest('The token parameter is missing (RFC 7009 §2.1).');

  const lookups =
    form.get('token_type_hint') === 'access_token' ? [grantOfAccessToken, grantOfRefreshToken] : [grantOfRefreshToken, grantOfAccessToken];
  for (const lookup of lookups) {
    const grantId = await lookup(realm, client, token);
    if (grantId !== undefined) {
      await revokeGrant(realm, grantId, 'revoked by the client (RFC 7009)');
      break;
    }
  }
  return new Response(null, { status: 200, headers: NO_STORE });
}

async function grantOfRefreshToken(realm: Realm, client: ClientConfig, token: string): Promise<string | undefined> {
  if (token.length > 512) return undefined;
  const key = storeKeys.refreshToken(token);
  const record = await realm.store.get<RefreshTokenRecord>(key);
  if (!record || record.clientId !== client.clientId) return undefined;
  await realm.store.delete(key);
  return record.grantId;
}

async function grantOfAccessToken(realm: Realm, client: ClientConfig, token: string): Promise<string | undefined> {
  const verified = await verifyOwnAccessToken(realm, token);
  if (!verified.ok || verified.token.clientId !== client.clientId) return undefined;
  return realm.store.get<string>(storeKeys.accessToken(verified.token.jti));
}
