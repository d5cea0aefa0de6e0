import type { DecodedToken } from '../decode';
import { claimFindings } from './claim-findings';
import { dpopFindings, isDpopProof } from './dpop-findings';
import { headerFindings } from './header-findings';
import { sensitiveClaimFindings } from './sensitive-claims';
import type { Finding, Severity } from './types';

export type { Finding, Severity } from './types';
export { findCommonSecret, commonSecretFinding, shortSecretFinding } from './weak-secret';

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Every finding that can be made from the decoded token alone, most severe first. Never throws. */
export function collectFindings(d: DecodedToken, nowSeconds: number): Finding[] {
  const header = d.header.json;
  if (!header) return [];
  const payload = d.kind === 'jws' ? d.payload.json : undefined;
  // RFC 9449 §4.2: a DPoP proof has no exp, iss or aud and carries its key in "jwk" by design; it gets its own checks.
  const dpop = isDpopProof(header);
  const out = [...headerFindings(header, payload, { keyInHeaderExpected: dpop })];
  if (dpop) out.push(...dpopFindings(header, payload));
  if (payload) out.push(...claimFindings(header, payload, nowSeconds, { dpopProof: dpop }), ...sensitiveClaimFindings(payload));
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
