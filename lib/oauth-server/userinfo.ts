import { readAccessToken } from '../resource-server/bearer-token';
import { CHECK_REPORT_HEADER } from '../resource-server/check-report';
import { demandScope, jsonResponse as rsJson } from '../resource-server/require-token';
import { bearerChallenge } from '../resource-server/rs-errors';
import { checkSenderConstraint, schemeError } from '../resource-server/sender-constraint';
import { OAuthError } from './errors';
import { requireMethod } from './http';
import { verifyOwnAccessToken } from './issue/verify-access-token';
import { readForm } from './read-form';
import type { Realm } from '../realms/types';

/**
 * `GET|POST {issuer}/userinfo` (OIDC Core §5.3): returns the user's claims for the scopes the
 * access token carries (§5.4: `profile` → name, `email` → email and email_verified). The token
 * comes as a Bearer credential — the header (RFC 6750 §2.1) or, on a form POST, the body
 * (§2.2), never both — or, for a DPoP-bound token, with the DPoP scheme and a proof (RFC 9449 §7),
 * read and verified by the same reader, verifier and binding check as the RS's. Errors carry
 * RFC 6750 §3 (or RFC 9449 §7.1) `WWW-Authenticate` challenges whose protection space is the issuer.
 */
export async function userinfoEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const space = realm.issuer;
  const isForm =
    request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const form = isForm ? await readForm(request) : undefined;
  const presented = readAccessToken(request, realm, { form, space });
  // RFC 6750 §3.1: no credentials at all → a bare challenge without an error code.
  if (presented === undefined) {
    throw new OAuthError('invalid_token', 'An access token is required (RFC 6750 §2.1).', 401, {
      'WWW-Authenticate': bearerChallenge(realm, undefined, undefined, undefined, space),
    });
  }

  const verified = await verifyOwnAccessToken(realm, presented.token);
  if (!verified.ok) {
    const error = schemeError(realm, presented, 'invalid_token', verified.reason, undefined, space);
    error.headers[CHECK_REPORT_HEADER] = verified.error.headers[CHECK_REPORT_HEADER] ?? '';
    throw error;
  }
  const { token } = verified;
  await checkSenderConstraint(request, realm, presented, token, space);
  const report = demandScope(realm, presented, token, 'openid', 'The access token lacks the openid scope (OIDC Core §5.3).', space);
  const user = realm.users.get(token.sub);
  if (!user) throw schemeError(realm, presented, 'invalid_token', 'The access token does not name a user.', undefined, space);
  // A configured user's own claims (flowlab-mock); the schema keeps sub, name and email out of them.
  const body: Record<string, unknown> = { ...user.claims, sub: user.username };
  if (token.scope.includes('profile')) body.name = user.name;
  if (token.scope.includes('email')) {
    body.email = user.email;
    body.email_verified = user.emailVerified;
  }
  return rsJson(body, 200, report);
}
