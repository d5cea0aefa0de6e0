import type { Realm } from '../../realms/types';
import { storeKeys, type AuthorizationCodeRecord } from '../records';
import { seeOther } from '../pages/html';
import { randomId } from '../session';
import { issueAccessToken } from '../issue/access-token';
import type { ValidatedRequest } from './types';

/**
 * Builds an authorization response URL (RFC 6749 §4.1.2 / §4.1.2.1) with the RFC 9207 `iss`
 * parameter, which lets the client detect mix-up attacks, on success and error alike (unless a lab
 * realm's `as.authorization-response-iss` point drops it). The implicit grant answers in the
 * fragment instead of the query (RFC 6749 §4.2.2, §4.2.2.1).
 */
export function responseUrl(
  realm: Realm,
  redirectUri: string,
  params: Record<string, string | undefined>,
  mode: 'query' | 'fragment' = 'query',
): string {
  const url = new URL(redirectUri);
  const out = mode === 'query' ? url.searchParams : new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) out.set(name, value);
  if (realm.points['as.authorization-response-iss'].send) out.set('iss', realm.issuer);
  if (mode === 'fragment') url.hash = out.toString();
  return url.toString();
}

export function errorRedirect(
  realm: Realm,
  target: { redirectUri: string; state?: string; responseType?: 'code' | 'token' },
  code: string,
  description: string,
  headers: Record<string, string | string[]> = {},
): Response {
  const mode = target.responseType === 'token' ? 'fragment' : 'query';
  return seeOther(
    responseUrl(realm, target.redirectUri, { error: code, error_description: description, state: target.state }, mode),
    headers,
  );
}

/**
 * The implicit grant (RFC 6749 §4.2.2), only in lab realms whose `as.response-types` point lists
 * `token`: the access token itself goes into the fragment of the redirect — into browser history,
 * within reach of every script on the callback page, and along any redirect (RFC 9700 §2.1.2, §4.3).
 * No refresh token (§4.2.2: MUST NOT be issued).
 */
async function issueImplicit(realm: Realm, request: ValidatedRequest, sub: string, authTime: number): Promise<Response> {
  const access = await issueAccessToken(realm, { sub, clientId: request.clientId, scope: request.scope, grantId: randomId(16), authTime });
  const params = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: String(access.expiresIn),
    scope: request.scope.join(' '),
    state: request.state,
  };
  return seeOther(responseUrl(realm, request.redirectUri, params, 'fragment'));
}

/** Issues a one-time code (or, for the implicit grant, the token itself) bound to everything the token endpoint must check (RFC 6749 §4.1.3, RFC 7636 §4.4). */
export async function issueCode(realm: Realm, request: ValidatedRequest, sub: string, authTime: number): Promise<Response> {
  if (request.responseType === 'token') return issueImplicit(realm, request, sub, authTime);
  const code = randomId();
  const record: AuthorizationCodeRecord = {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    ...(request.redirectUriOmitted ? { redirectUriOmitted: true } : {}),
    scope: request.scope,
    sub,
    authTime,
    nonce: request.nonce,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    grantId: randomId(16),
  };
  await realm.store.set(storeKeys.code(code), record, realm.lifetimes.authorizationCode);
  return seeOther(responseUrl(realm, request.redirectUri, { code, state: request.state }));
}
