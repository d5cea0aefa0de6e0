/**
 * The resource server's own account of what it checked, sent on every answer to a request that
 * carried a token (success or error) as the `Flowlab-Checks` response header. It is a teaching
 * aid, not a standard header: the flow player shows it instead of re-checking the token in the
 * browser, so against a weakened lab realm the learner sees the check that was skipped.
 *
 * Format (an RFC 8941 §3.2 dictionary of tokens), in the order the checks ran:
 *
 *     Flowlab-Checks: alg=pass, key=pass, signature=pass, typ=pass, iss=pass, aud=skipped, exp=pass, claims=pass, active=pass, scope=pass
 *
 * Outcomes: `pass`, `fail` (the check refused the token; nothing after it ran), `skipped` (a
 * weakness of this realm switched the check off) and `weakened` (it ran with a weakened rule, e.g.
 * `alg: none` allowed, and passed). Browser-safe: the client parses it with {@link parseCheckReport}.
 */
export const CHECK_REPORT_HEADER = 'Flowlab-Checks';

export type CheckName =
  'format' | 'alg' | 'key' | 'signature' | 'typ' | 'iss' | 'aud' | 'exp' | 'nbf' | 'claims' | 'active' | 'dpop' | 'scope';

export type CheckOutcome = 'pass' | 'fail' | 'skipped' | 'weakened';

export interface CheckEntry {
  check: CheckName;
  outcome: CheckOutcome;
}

/** What each check is, in the words the player shows, with the section that demands it. */
export const CHECK_TITLES: Readonly<Record<CheckName, { title: string; spec: string }>> = {
  format: { title: 'A well-formed signed JWT', spec: 'RFC 7519 §7.2' },
  alg: { title: 'Algorithm on the allow-list (never none)', spec: 'RFC 8725 §3.1' },
  key: { title: 'Key is one of the issuer’s own, chosen by kid', spec: 'RFC 8725 §3.10' },
  signature: { title: 'Signature verifies', spec: 'RFC 7515 §5.2' },
  typ: { title: 'typ is at+jwt', spec: 'RFC 9068 §4' },
  iss: { title: 'iss is this realm’s issuer', spec: 'RFC 9068 §4' },
  aud: { title: 'aud names this resource server', spec: 'RFC 9068 §4' },
  exp: { title: 'Not expired (exp)', spec: 'RFC 7519 §4.1.4' },
  nbf: { title: 'Already valid (nbf)', spec: 'RFC 7519 §4.1.5' },
  claims: { title: 'Required claims present', spec: 'RFC 9068 §2.2' },
  active: { title: 'Not revoked (the AS still knows the token)', spec: 'RFC 7009 §2' },
  dpop: { title: 'DPoP proof matches the token’s key', spec: 'RFC 9449 §7.1' },
  scope: { title: 'Token has the scope this endpoint needs', spec: 'RFC 6750 §3.1' },
};

const OUTCOMES = new Set<CheckOutcome>(['pass', 'fail', 'skipped', 'weakened']);

export function formatCheckReport(entries: readonly CheckEntry[]): string {
  return entries.map((e) => `${e.check}=${e.outcome}`).join(', ');
}

/** Reads the header; unknown names or outcomes are dropped, so a hostile value shows nothing false. */
export function parseCheckReport(value: string | null | undefined): CheckEntry[] {
  if (!value || value.length > 2048) return [];
  const out: CheckEntry[] = [];
  for (const item of value.split(',')) {
    const [name, outcome] = item.trim().split('=');
    if (Object.hasOwn(CHECK_TITLES, name) && OUTCOMES.has(outcome as CheckOutcome)) {
      out.push({ check: name as CheckName, outcome: outcome as CheckOutcome });
    }
  }
  return out;
}
