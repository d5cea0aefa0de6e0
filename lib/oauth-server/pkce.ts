import { createHash, timingSafeEqual } from 'node:crypto';

import { invalidGrant, invalidRequest } from './errors';
import type { AuthorizationCodeRecord } from './records';
import type { PolicyPoints } from '../realms/policy-points';

/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
const VERIFIER_SYNTAX = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER_SYNTAX.test(verifier);
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Compares two strings without leaking where they differ (digests have equal length). */
function sameString(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/**
 * The token endpoint's PKCE check (RFC 7636 §4.6), run after the code was found:
 * - a challenge was stored: the verifier must be present, well-formed and match it;
 * - no challenge was stored: a verifier is refused, because accepting it would let an attacker
 *   who strips the challenge from the authorization request pass (RFC 9700 §4.8.2, PKCE downgrade);
 *   and under `required-s256` a code without a challenge is refused outright;
 * - `plain` is accepted only where a lab realm's `as.pkce-methods` point allows it (RFC 9700 §2.1.1).
 */
export function checkPkce(
  code: Pick<AuthorizationCodeRecord, 'codeChallenge' | 'codeChallengeMethod'>,
  verifier: string | undefined,
  points: Pick<PolicyPoints, 'as.pkce-required' | 'as.pkce-methods'>,
): void {
  if (!code.codeChallenge) {
    const refusal = points['as.pkce-required'].atToken(verifier !== undefined);
    if (refusal) throw invalidGrant(refusal);
    return;
  }
  if (verifier === undefined) throw invalidGrant('The code_verifier is missing; this code is bound to a PKCE challenge (RFC 7636 §4.5).');
  if (!isValidCodeVerifier(verifier)) {
    throw invalidRequest('The code_verifier must be 43-128 characters from A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1).');
  }
  const method = code.codeChallengeMethod ?? 'plain';
  if (!points['as.pkce-methods'].includes(method)) {
    throw invalidGrant('Only the S256 code_challenge_method is accepted (RFC 9700 §2.1.1).');
  }
  const derived = method === 'S256' ? s256Challenge(verifier) : verifier;
  if (!sameString(derived, code.codeChallenge)) {
    throw invalidGrant('The code_verifier does not match the code_challenge (RFC 7636 §4.6).');
  }
}
