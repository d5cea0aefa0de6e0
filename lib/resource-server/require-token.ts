import type { Realm } from '../realms/types';
import { readBearerToken } from './bearer-token';
import { CHECK_REPORT_HEADER, formatCheckReport, type CheckEntry } from './check-report';
import { bearerError, missingTokenResponse } from './rs-errors';
import { verifyAccessToken, type VerifiedAccessToken } from './verify-access-token';

/** Either the verified caller, or the response to send (a bare 401 when no token was sent). */
export type TokenCheck = { ok: true; token: VerifiedAccessToken } | { ok: false; response: Response };

/**
 * The guard in front of every protected endpoint: finds the bearer token (RFC 6750 §2.1),
 * validates it (RFC 9068 §4) and demands `scope` (RFC 6750 §3.1 `insufficient_scope`, 403,
 * with the scope needed in the challenge). Failures other than "no token" are thrown as OAuthError,
 * carrying the RS's check report; a success carries it in `token.report`.
 */
export async function requireToken(request: Request, realm: Realm, scope: string): Promise<TokenCheck> {
  const raw = readBearerToken(request, realm);
  if (raw === undefined) return { ok: false, response: missingTokenResponse(realm) };
  const token = await verifyAccessToken(raw, realm);
  if (!token.scope.includes(scope)) {
    const error = bearerError(realm, 'insufficient_scope', `This request needs the scope ${scope}; the token has: ${token.scope.join(' ') || '(none)'}.`, scope);
    error.headers[CHECK_REPORT_HEADER] = formatCheckReport([...token.report, { check: 'scope', outcome: 'fail' }]);
    throw error;
  }
  token.report.push({ check: 'scope', outcome: 'pass' });
  return { ok: true, token };
}

/**
 * RFC 6749 §5.1-style JSON: the RS's answers are per-user, so nothing may cache them. With the
 * caller's check report in `Flowlab-Checks` (a teaching aid, see check-report.ts).
 */
export function jsonResponse(body: unknown, status = 200, report?: readonly CheckEntry[]): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' };
  if (report) headers[CHECK_REPORT_HEADER] = formatCheckReport(report);
  return new Response(JSON.stringify(body), { status, headers });
}
