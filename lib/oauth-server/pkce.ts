import { createHash, timingSafeEqual } from 'node:crypto';

import { invalidGrant, invalidRequest } from './errors';
import type { AuthorizationCodeRecord } from './records';
import type { RealmPolicies } from '../realms/types';

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
 * - `plain` is accepted only where the realm's policy made PKCE optional (RFC 9700 §2.1.1).
 */
export function checkPkce(
  code: Pick<AuthorizationCodeRecord, 'codeChallenge' | 'codeChallengeMethod'>,
  verifier: string | undefined,
  policy: RealmPolicies['pkce'],
): void {
  if (!code.codeChallenge) {
    if (verifier !== undefined) {
      throw invalidGrant('A code_verifier was sent but the authorization request had no code_challenge (RFC 9700 §4.8.2).');
    }
    if (policy === 'required-s256') throw invalidGrant('This code was issued without PKCE, which this realm requires (RFC 9700 §2.1.1).');
    return;
  }
  if (verifier === undefined) throw invalidGrant('The code_verifier is missing; this code is bound to a PKCE challenge (RFC 7636 §4.5).');
  if (!isValidCodeVerifier(verifier)) {
    throw invalidRequest('The code_verifier must be 43-128 characters from A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1).');
  }
  const method = code.codeChallengeMethod ?? 'plain';
  if (method !== 'S256' && policy === 'required-s256') {
    throw invalidGrant('Only the S256 code_challenge_method is accepted (RFC 9700 §2.1.1).');
  }
  const derived = method === 'S256' ? s256Challenge(verifier) : verifier;
  if (!sameString(derived, code.codeChallenge)) {
    throw invalidGrant('The code_verifier does not match the code_challenge (RFC 7636 §4.6).');
  }
}
