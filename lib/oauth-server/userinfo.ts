import { OAuthError, invalidRequest } from './errors';
import { jsonResponse, requireMethod } from './http';
import { verifyAccessToken } from './issue/verify-access-token';
import { readForm } from './read-form';
import type { Realm } from '../realms/types';

/**
 * `GET|POST {issuer}/userinfo` (OIDC Core §5.3): returns the user's claims for the scopes the
 * access token carries (§5.4: `profile` → name, `email` → email and email_verified). The token
 * comes as a Bearer credential (RFC 6750 §2.1 header, or §2.2 form body on POST, never both),
 * and must include `openid`. Errors carry RFC 6750 §3 `WWW-Authenticate` challenges.
 */
export async function userinfoEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const challenge = (code?: string, description?: string, scope?: string) => {
    const parts = [`realm="${realm.issuer}"`];
    if (code) parts.push(`error="${code}"`);
    if (description) parts.push(`error_description="${description.replace(/["\\]/g, '')}"`);
    if (scope) parts.push(`scope="${scope}"`);
    return { 'WWW-Authenticate': `Bearer ${parts.join(', ')}` };
  };

  const token = await bearerToken(request, challenge);
  const verified = await verifyAccessToken(realm, token);
  if (!verified.ok) throw new OAuthError('invalid_token', verified.reason, 401, challenge('invalid_token', verified.reason));
  const { claims } = verified;
  const scopes = claims.scope.split(' ');
  if (!scopes.includes('openid')) {
    const why = 'The access token lacks the openid scope (OIDC Core §5.3).';
    throw new OAuthError('insufficient_scope', why, 403, challenge('insufficient_scope', why, 'openid'));
  }
  const user = realm.users.get(claims.sub);
  if (!user) {
    const why = 'The access token does not name a user.';
    throw new OAuthError('invalid_token', why, 401, challenge('invalid_token', why));
  }
  const body: Record<string, unknown> = { sub: user.username };
  if (scopes.includes('profile')) body.name = user.name;
  if (scopes.includes('email')) {
    body.email = user.email;
    body.email_verified = user.emailVerified;
  }
  return jsonResponse(body);
}

type Challenge = (code?: string, description?: string) => Record<string, string>;

async function bearerToken(request: Request, challenge: Challenge): Promise<string> {
  const header = request.headers.get('authorization');
  const isForm = request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const form = isForm ? await readForm(request) : undefined;
  const bodyToken = form?.get('access_token');
  if (header !== null && bodyToken !== undefined) {
    throw invalidRequest('Send the access token one way only (RFC 6750 §2).', challenge('invalid_request'));
  }
  if (bodyToken !== undefined) return bodyToken;
  if (header === null) {
    // RFC 6750 §3.1: no credentials at all → a bare challenge without an error code.
    throw new OAuthError('invalid_token', 'An access token is required (RFC 6750 §2.1).', 401, challenge());
  }
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) {
    const why = 'The Authorization header must be "Bearer <token>" (RFC 6750 §2.1).';
    throw new OAuthError('invalid_request', why, 400, challenge('invalid_request', why));
  }
  return match[1];
}
