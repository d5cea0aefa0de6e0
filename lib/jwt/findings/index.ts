import type { DecodedToken } from '../decode';
import { claimFindings } from './claim-findings';
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
  const out = [...headerFindings(header, payload)];
  if (payload) out.push(...claimFindings(header, payload, nowSeconds), ...sensitiveClaimFindings(payload));
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
