import { DPoPProofError, readProofHeader, verifyProof } from '../dpop/verify-proof';
import { OAuthError } from '../oauth-server/errors';
import type { Realm } from '../realms/types';
import type { PresentedToken } from './bearer-token';
import { CHECK_REPORT_HEADER, formatCheckReport } from './check-report';
import { bearerError, dpopChallenge, dpopError, type BearerErrorCode } from './rs-errors';
import type { VerifiedAccessToken } from './verify-access-token';

/**
 * RFC 9449 §7: does the way the token was presented fit its binding? Run after the token itself
 * verified; adds the `dpop` check to its report (absent for a plain bearer token sent as Bearer).
 *
 * - no `cnf.jkt`, sent as Bearer: nothing to do (RFC 6750);
 * - no `cnf.jkt`, sent as DPoP: refused, the token is not bound to any key (§7.1);
 * - `cnf.jkt`, sent as Bearer (header or form body): refused — the downgrade of §7.2, which would
 *   make a stolen DPoP token a bearer token again;
 * - `cnf.jkt`, sent as DPoP: one valid proof (§4.3) with `htm` = this request's method, `htu` = the
 *   realm's origin + this request's path, `ath` = the token's hash and a key whose thumbprint is
 *   `cnf.jkt` (§4.3 point 12), else `invalid_dpop_proof`. (RFC 9449 Figure 15 shows `invalid_token`
 *   for a key mismatch; point 12 makes it a failed proof check, which is what this server answers.)
 *
 * `space` is the protection space of the challenges (the issuer at userinfo).
 */
export async function checkSenderConstraint(
  request: Request,
  realm: Realm,
  presented: PresentedToken,
  token: VerifiedAccessToken,
  space?: string,
): Promise<void> {
  const refuse = (error: OAuthError) => {
    error.headers[CHECK_REPORT_HEADER] = formatCheckReport([...token.report, { check: 'dpop', outcome: 'fail' }]);
    return error;
  };
  if (token.jkt === undefined) {
    if (presented.scheme === 'Bearer') return;
    throw refuse(
      dpopError(
        realm,
        'invalid_token',
        'This access token is not DPoP-bound: send it with Authorization: Bearer (RFC 9449 §7.1).',
        undefined,
        space,
      ),
    );
  }
  if (presented.scheme === 'Bearer') {
    const error = bearerError(
      realm,
      'invalid_token',
      'This access token is DPoP-bound: send it with Authorization: DPoP and a DPoP proof (RFC 9449 §7.1); as a bearer token it is refused (§7.2).',
      undefined,
      space,
    );
    error.headers['WWW-Authenticate'] += `, ${dpopChallenge()}`;
    throw refuse(error);
  }
  try {
    const proof = readProofHeader(request.headers);
    if (proof === undefined)
      throw new DPoPProofError('header', 'A DPoP-bound access token must come with a DPoP proof header (RFC 9449 §7.1).');
    const url = `${realm.origin}${new URL(request.url).pathname}`;
    await verifyProof(proof, realm, { method: request.method, url, accessToken: presented.token, jkt: token.jkt });
  } catch (err) {
    if (err instanceof DPoPProofError) throw refuse(dpopError(realm, 'invalid_dpop_proof', err.message, undefined, space));
    throw err;
  }
  token.report.push({ check: 'dpop', outcome: 'pass' });
}

/**
 * Runs `verify` and, for a request that used the DPoP scheme, re-issues its RFC 6750 error with the
 * DPoP challenge first (RFC 9449 §7.1), keeping the check report. Bearer requests keep theirs as is.
 */
export async function inScheme<T>(presented: PresentedToken, realm: Realm, verify: () => Promise<T>, space?: string): Promise<T> {
  try {
    return await verify();
  } catch (err) {
    if (presented.scheme !== 'DPoP' || !(err instanceof OAuthError) || !isBearerCode(err.code)) throw err;
    const error = dpopError(realm, err.code, err.message, undefined, space);
    const report = err.headers[CHECK_REPORT_HEADER];
    if (report !== undefined) error.headers[CHECK_REPORT_HEADER] = report;
    throw Object.assign(error, { reason: (err as { reason?: unknown }).reason, report: (err as { report?: unknown }).report });
  }
}

/** The error for a request in its own scheme: Bearer's challenge, or DPoP's first (RFC 9449 §7.1). */
export function schemeError(
  realm: Realm,
  presented: PresentedToken,
  code: BearerErrorCode,
  description: string,
  scope?: string,
  space?: string,
): OAuthError {
  return presented.scheme === 'DPoP'
    ? dpopError(realm, code, description, scope, space)
    : bearerError(realm, code, description, scope, space);
}

const isBearerCode = (code: string): code is BearerErrorCode =>
  code === 'invalid_token' || code === 'invalid_request' || code === 'insufficient_scope';
