import { invalidGrant, invalidRequest } from '../errors';
import { secretsMatch } from '../client-auth';
import { opaqueToken } from '../issue/random';
import { issueTokenResponse } from '../issue/token-response';
import { checkClientScope, parseScope } from './scope';
import type { GrantContext } from './types';

/**
 * RFC 6749 §4.3 resource owner password credentials. Reachable only in lab realms whose
 * `passwordGrant` policy is `allow`: RFC 9700 §2.4 says it "MUST NOT be used", and `demo`
 * answers `unsupported_grant_type` before this runs (see grants.ts).
 */
export async function passwordGrant({ realm, client, form, dpop }: GrantContext): Promise<Response> {
  const username = form.get('username');
  const password = form.get('password');
  if (username === undefined || password === undefined)
    throw invalidRequest('The username and password parameters are required (RFC 6749 §4.3.2).');
  const scope = parseScope(form.get('scope')) ?? client.scopes;
  checkClientScope(realm, client, scope);
  const user = realm.users.get(username);
  if (!user || !secretsMatch(password, user.password)) throw invalidGrant('The username or password is wrong.');
  return issueTokenResponse(realm, {
    client,
    sub: user.username,
    scope,
    grantId: opaqueToken(16),
    authTime: realm.clock.nowSeconds(),
    jkt: dpop?.jkt,
  });
}
