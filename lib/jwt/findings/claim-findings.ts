import type { JsonObject } from '../decode';
import { CITE, type Finding } from './types';

const HOUR = 3600;
const CLOCK_SKEW = 60;
/** Ten years of seconds: a token that lives longer has, in effect, no expiry. */
const DISTANT = 10 * 365.25 * 24 * HOUR;

/**
 * Checks on the claims (RFC 8725 §3.8–3.9, RFC 9068 §2.2, OWASP). `dpopProof`: a DPoP proof has no "exp", "iss"
 * or "aud" by design (RFC 9449 §4.2), so only the "iat" check applies to it.
 */
export function claimFindings(header: JsonObject, payload: JsonObject, nowSeconds: number, opts: { dpopProof?: boolean } = {}): Finding[] {
  const out: Finding[] = [];
  const { iat } = payload;
  if (!opts.dpopProof) out.push(...bearerClaimFindings(header, payload, nowSeconds));
  if (typeof iat === 'number' && iat < 0) {
    out.push({
      id: 'iat-before-1970',
      severity: 'medium',
      title: 'Issued before 1970 ("iat" is negative)',
      detail: 'No real issuer stamps a time before the NumericDate epoch (RFC 7519 §2): the token was crafted, or its issuer is broken.',
      cite: [{ label: 'RFC 7519 §4.1.6', href: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.6' }, CITE.owasp],
    });
  }
  if (typeof iat === 'number' && iat > nowSeconds + CLOCK_SKEW) {
    out.push({
      id: 'iat-future',
      severity: 'medium',
      title: 'Issued in the future ("iat")',
      detail: 'The issuer\'s clock is wrong, or the token was crafted. Verifiers should reject "iat" beyond a small clock skew.',
      cite: [CITE.owasp],
    });
  }
  return out;
}

/** "exp", lifetime, "iss" and "aud": what a token that is presented as itself (access, ID token) must carry. */
function bearerClaimFindings(header: JsonObject, payload: JsonObject, nowSeconds: number): Finding[] {
  const out: Finding[] = [];
  const { exp, iat, iss, aud } = payload;
  if (exp === undefined) {
    out.push({
      id: 'missing-exp',
      severity: 'medium',
      title: 'No expiry ("exp")',
      detail: 'A stolen token stays usable forever. Access tokens must carry "exp" (RFC 9068 §2.2).',
      cite: [CITE.rfc9068('2.2'), CITE.owasp],
    });
  }
  if (typeof exp === 'number' && Number.isFinite(exp) && exp - nowSeconds > DISTANT) {
    const years = Math.round((exp - nowSeconds) / (365.25 * 24 * HOUR));
    out.push({
      id: 'exp-distant',
      severity: 'medium',
      title: `Expires in ${years > 1e6 ? 'over a million' : years.toLocaleString('en-US')} years ("exp")`,
      detail:
        'In effect a token that never expires: a stolen copy stays usable for its whole life. Access and ID tokens live minutes to hours.',
      cite: [CITE.rfc9068('2.2'), CITE.owasp],
    });
  }
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
  const isAccess = typ === 'at+jwt' || typ === 'application/at+jwt' || payload.scope !== undefined || payload.client_id !== undefined;
  if (isAccess && typeof exp === 'number' && typeof iat === 'number' && exp - iat > HOUR) {
    const hours = Math.round(((exp - iat) / HOUR) * 10) / 10;
    out.push({
      id: 'long-lifetime',
      severity: 'low',
      title: `Access token lives ${hours} hours`,
      detail: 'Keep access tokens short-lived (minutes) and use refresh tokens; a long lifetime widens the window for a stolen token.',
      cite: [CITE.owasp, { label: 'RFC 9700 §4.14', href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14' }],
    });
  }
  if (iss === undefined) {
    out.push({
      id: 'missing-iss',
      severity: 'medium',
      title: 'No issuer ("iss")',
      detail: 'Without "iss" a verifier cannot tell which issuer\'s keys and rules apply (issuer confusion).',
      cite: [CITE.bcp225('3.8'), CITE.rfc9068('2.2')],
    });
  }
  if (aud === undefined) {
    out.push({
      id: 'missing-aud',
      severity: 'medium',
      title: 'No audience ("aud")',
      detail: 'A token without "aud" can be replayed to any service that trusts the issuer.',
      cite: [CITE.bcp225('3.9'), CITE.rfc9068('2.2')],
    });
  }
  return out;
}
