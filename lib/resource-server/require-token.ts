import type { Realm } from '../realms/types';
import { readBearerToken } from './bearer-token';
import { bearerError, missingTokenResponse } from './rs-errors';
import { verifyAccessToken, type VerifiedAccessToken } from './verify-access-token';

/** Either the verified caller, or the response to send (a bare 401 when no token was sent). */
export type TokenCheck = { ok: true; token: VerifiedAccessToken } | { ok: false; response: Response };

/**
 * The guard in front of every protected endpoint: finds the bearer token (RFC 6750 §2.1),
 * validates it (RFC 9068 §4) and demands `scope` (RFC 6750 §3.1 `insufficient_scope`, 403,
 * with the scope needed in the challenge). Failures other than "no token" are thrown as OAuthError.
 */
export async function requireToken(request: Request, realm: Realm, scope: string): Promise<TokenCheck> {
  const raw = readBearerToken(request, realm);
  if (raw === undefined) return { ok: false, response: missingTokenResponse(realm) };
  const token = await verifyAccessToken(raw, realm);
  if (!token.scope.includes(scope)) {
    throw bearerError(realm, 'insufficient_scope', `This request needs the scope ${scope}; the token has: ${token.scope.join(' ') || '(none)'}.`, scope);
  }
  return { ok: true, token };
}

/** RFC 6749 §5.1-style JSON: the RS's answers are per-user, so nothing may cache them. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' },
  });
}
