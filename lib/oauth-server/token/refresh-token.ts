import { invalidGrant, invalidRequest } from '../errors';
import { isGrantRevoked, revokeGrant } from '../issue/grant-state';
import { issueTokenResponse } from '../issue/token-response';
import { checkRefreshTokenBinding } from './dpop-binding';
import { storeKeys, type RefreshTokenRecord } from '../records';
import { narrowScope, parseScope } from './scope';
import type { GrantContext } from './types';

interface SpentMark {
  familyId: string;
  grantId: string;
}

/**
 * RFC 6749 §6 refreshing an access token, with RFC 9700 §4.14.2 rotation: every use consumes
 * the token and issues a new one of the same family; presenting a spent token means two parties
 * hold it, so the whole family (its grant) is revoked and the request fails with invalid_grant.
 * The requested scope may narrow but never widen the original (RFC 6749 §6); the new refresh
 * token keeps the original scope. A refresh token bound to a DPoP key (RFC 9449 §5) needs a proof
 * made with that key; the new access token is bound to the proof's key.
 */
export async function refreshTokenGrant({ realm, client, form, dpop }: GrantContext): Promise<Response> {
  const token = form.get('refresh_token');
  if (!token) throw invalidRequest('The refresh_token parameter is missing (RFC 6749 §6).');
  const requested = parseScope(form.get('scope'));
  const key = storeKeys.refreshToken(token);

  const seen = await realm.store.get<RefreshTokenRecord>(key);
  if (!seen) return refuseUnknown(token, realm);
  // Checked before consuming, so another client cannot burn a token it stole.
  if (seen.clientId !== client.clientId) throw invalidGrant('The refresh token was issued to another client (RFC 6749 §6).');
  if (await isGrantRevoked(realm, seen.grantId)) throw invalidGrant('The refresh token has been revoked.');
  checkRefreshTokenBinding(seen.jkt, dpop);
  // Also before consuming: a refused scope must not burn the client's token.
  const scope = narrowScope(seen.scope, requested);

  const rotate = realm.points['as.refresh-token-use'].rotates;
  let record = seen;
  if (rotate) {
    const consumed = await realm.store.consume<RefreshTokenRecord>(key);
    if (!consumed) return refuseUnknown(token, realm); // a concurrent request won the race
    record = consumed;
    const ttl = Math.max(record.familyExpiresAt - realm.clock.nowSeconds(), 1);
    await realm.store.set<SpentMark>(storeKeys.refreshTokenSpent(token), { familyId: record.familyId, grantId: record.grantId }, ttl);
  }
  const response = await issueTokenResponse(realm, {
    client,
    sub: record.sub,
    scope,
    grantId: record.grantId,
    authTime: record.authTime,
    rotate: rotate ? record : undefined,
    jkt: dpop?.jkt,
  });
  if (rotate) return response;
  // Lab realms that allow reuse hand the same refresh token back (the weakness RFC 9700 §4.14 warns of).
  const body = (await response.json()) as Record<string, unknown>;
  return new Response(JSON.stringify({ ...body, refresh_token: token }), { status: 200, headers: response.headers });
}

async function refuseUnknown(token: string, realm: GrantContext['realm']): Promise<never> {
  const spent = await realm.store.get<SpentMark>(storeKeys.refreshTokenSpent(token));
  if (spent) {
    await revokeGrant(realm, spent.grantId, `refresh token reused (family ${spent.familyId})`);
    throw invalidGrant('This refresh token was already used; its whole family is now revoked (RFC 9700 §4.14.2).');
  }
  throw invalidGrant('The refresh token is unknown, expired or revoked.');
}
