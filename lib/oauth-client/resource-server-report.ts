import { CHECK_REPORT_HEADER, CHECK_TITLES, parseCheckReport, type CheckOutcome } from '@/lib/resource-server/check-report';
import type { Check } from './checklist';

const DETAIL: Record<CheckOutcome, string> = {
  pass: 'passed',
  fail: 'the resource server refused the token here; nothing after this check ran',
  skipped: 'skipped by this lab realm: a weakness switched the check off, so a token failing it would get through',
  weakened: 'weakened by this lab realm: it ran with a looser rule than the hardened one, and passed that',
};

/**
 * The resource server's own account of what it checked in one answer (its `Flowlab-Checks`
 * header), as checklist lines. The browser does not re-check the token: against a weakened lab
 * realm a re-check would show the hardened verdict, not what that server did.
 *
 * Returns an empty list when the answer carries no report (no token was sent, or another server
 * answered): the player then says so rather than guess.
 */
export function checksFromReport(headers: Headers): Check[] {
  return parseCheckReport(headers.get(CHECK_REPORT_HEADER)).map(({ check, outcome }) => ({
    name: CHECK_TITLES[check].title,
    passed: outcome === 'pass' || outcome === 'weakened',
    outcome,
    detail: DETAIL[outcome],
    spec: CHECK_TITLES[check].spec,
  }));
}
