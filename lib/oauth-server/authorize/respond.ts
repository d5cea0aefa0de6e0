import type { Realm } from '../../realms/types';
import { storeKeys, type AuthorizationCodeRecord } from '../records';
import { seeOther } from '../pages/html';
import { randomId } from '../session';
import type { ValidatedRequest } from './types';

/**
 * Builds an authorization response URL (RFC 6749 §4.1.2 / §4.1.2.1) with the RFC 9207 `iss`
 * parameter, which lets the client detect mix-up attacks, on success and error alike.
 */
export function responseUrl(realm: Realm, redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  if (realm.points['as.authorization-response-iss'].send) url.searchParams.set('iss', realm.issuer);
  return url.toString();
}

export function errorRedirect(realm: Realm, target: { redirectUri: string; state?: string }, code: string, description: string, headers: Record<string, string | string[]> = {}): Response {
  return seeOther(responseUrl(realm, target.redirectUri, { error: code, error_description: description, state: target.state }), headers);
}

/** Issues a one-time code bound to everything the token endpoint must check (RFC 6749 §4.1.3, RFC 7636 §4.4). */
export async function issueCode(realm: Realm, request: ValidatedRequest, sub: string, authTime: number): Promise<Response> {
  const code = randomId();
  const record: AuthorizationCodeRecord = {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
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
