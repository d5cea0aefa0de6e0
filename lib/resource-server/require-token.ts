import type { Realm } from '../realms/types';
import { readAccessToken, type PresentedToken } from './bearer-token';
import { CHECK_REPORT_HEADER, formatCheckReport, type CheckEntry } from './check-report';
import { textResponse } from '../http/response-text';
import { missingTokenResponse } from './rs-errors';
import { checkSenderConstraint, inScheme, schemeError } from './sender-constraint';
import { verifyAccessToken, type VerifiedAccessToken } from './verify-access-token';

/** Either the verified caller, or the response to send (a bare 401 when no token was sent). */
export type TokenCheck = { ok: true; token: VerifiedAccessToken } | { ok: false; response: Response };

/**
 * The guard in front of every protected endpoint: finds the access token (RFC 6750 §2.1, or
 * RFC 9449 §7.1 for the DPoP scheme), validates it (RFC 9068 §4), checks its DPoP binding against
 * the request's proof (RFC 9449 §7, sender-constraint.ts) and demands `scope` (RFC 6750 §3.1 `insufficient_scope`, 403,
 * with the scope needed in the challenge). Failures other than "no token" are thrown as OAuthError,
 * carrying the RS's check report; a success carries it in `token.report`.
 */
export async function requireToken(request: Request, realm: Realm, scope: string): Promise<TokenCheck> {
  const presented = readAccessToken(request, realm);
  // The bare challenge stays Bearer-only (the demo contract pins it); DPoP clients find
  // `dpop_signing_alg_values_supported` in the AS metadata (RFC 9449 §5.1).
  if (presented === undefined) return { ok: false, response: missingTokenResponse(realm) };
  const token = await inScheme(presented, realm, () => verifyAccessToken(presented.token, realm));
  await checkSenderConstraint(request, realm, presented, token);
  const report = demandScope(
    realm,
    presented,
    token,
    scope,
    `This request needs the scope ${scope}; the token has: ${token.scope.join(' ') || '(none)'}.`,
  );
  return { ok: true, token: { ...token, report } };
}

/**
 * RFC 6750 §3.1 `insufficient_scope` (403, the scope needed in the challenge) unless the token has
 * `scope`; the report, with the scope check added, either way. Shared by the RS and userinfo.
 */
export function demandScope(
  realm: Realm,
  presented: PresentedToken,
  token: VerifiedAccessToken,
  scope: string,
  description: string,
  space?: string,
): CheckEntry[] {
  if (!token.scope.includes(scope)) {
    const error = schemeError(realm, presented, 'insufficient_scope', description, scope, space);
    error.headers[CHECK_REPORT_HEADER] = formatCheckReport([...token.report, { check: 'scope', outcome: 'fail' }]);
    throw error;
  }
  return [...token.report, { check: 'scope', outcome: 'pass' }];
}

/**
 * RFC 6749 §5.1-style JSON: the RS's answers are per-user, so nothing may cache them. With the
 * caller's check report in `Flowlab-Checks` (a teaching aid, see check-report.ts).
 */
export function jsonResponse(body: unknown, status = 200, report?: readonly CheckEntry[]): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' };
  if (report) headers[CHECK_REPORT_HEADER] = formatCheckReport(report);
  return textResponse(JSON.stringify(body), { status, headers });
}
