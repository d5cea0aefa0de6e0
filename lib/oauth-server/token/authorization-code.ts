import { invalidGrant, invalidRequest } from '../errors';
import { revokeGrant } from '../issue/grant-state';
import { issueTokenResponse } from '../issue/token-response';
import { checkPkce } from '../pkce';
import { storeKeys, type AuthorizationCodeRecord } from '../records';
import type { GrantContext } from './types';

/**
 * RFC 6749 §4.1.3 access token request with an authorization code.
 * Checks, in order: the code exists and is unspent (a replay revokes everything the first
 * redemption issued, RFC 6749 §4.1.2 / RFC 9700 §4.2.4), it was issued to this client, the
 * redirect_uri matches exactly (RFC 6749 §4.1.3: required "if the redirect_uri parameter was
 * included in the authorization request", and then identical), and PKCE (RFC 7636 §4.6, see pkce.ts).
 * A code that fails a check is burnt anyway: it was consumed first, so it cannot be retried.
 */
export async function authorizationCodeGrant({ realm, client, form, dpop }: GrantContext): Promise<Response> {
  const code = form.get('code');
  if (!code) throw invalidRequest('The code parameter is missing (RFC 6749 §4.1.3).');
  const redirectUri = form.get('redirect_uri');

  const codeUse = realm.points['as.code-use'];
  const record = await codeUse.take<AuthorizationCodeRecord>(realm.store, storeKeys.code(code));
  if (!record) {
    const spentGrant = await realm.store.get<string>(storeKeys.codeSpent(code));
    if (spentGrant !== undefined) {
      await revokeGrant(realm, spentGrant, 'authorization code replayed');
      throw invalidGrant('This authorization code was already used; the tokens issued for it are now revoked (RFC 6749 §4.1.2).');
    }
    throw invalidGrant('The authorization code is unknown or expired.');
  }
  if (record.clientId !== client.clientId) throw invalidGrant('The authorization code was issued to another client (RFC 6749 §4.1.3).');
  if (redirectUri === undefined && !record.redirectUriOmitted) {
    throw invalidRequest('The redirect_uri parameter is missing: the authorization request included it (RFC 6749 §4.1.3).');
  }
  // Sent although the authorization request left it out: it must still name the URI that was used.
  if (redirectUri !== undefined && record.redirectUri !== redirectUri) {
    throw invalidGrant('The redirect_uri differs from the one in the authorization request (RFC 6749 §4.1.3).');
  }
  checkPkce(record, form.get('code_verifier'), realm.points);

  if (codeUse.oneTime) await realm.store.set(storeKeys.codeSpent(code), record.grantId, realm.lifetimes.refreshToken);
  return issueTokenResponse(realm, {
    client,
    sub: record.sub,
    scope: record.scope,
    grantId: record.grantId,
    authTime: record.authTime,
    nonce: record.nonce,
    jkt: dpop?.jkt,
  });
}
