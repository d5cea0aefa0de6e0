import { describe, expect, it } from 'vitest';

import { OAuthError } from './errors';
import { checkPkce, isValidCodeVerifier, s256Challenge } from './pkce';
import { composePoints, findWeakness } from '../realms/catalogue';
import { HARDENED_POINTS } from '../realms/policy-points';
import vector from './test-fixtures/rfc7636-pkce.json';

function codeOf(thrower: () => void): string | undefined {
  try {
    thrower();
  } catch (err) {
    return err instanceof OAuthError ? err.code : 'not-an-oauth-error';
  }
  return undefined;
}

const optionalPkce = composePoints([findWeakness('as-pkce-optional')!, findWeakness('as-pkce-plain-accepted')!]);

describe('PKCE (RFC 7636)', () => {
  it('derives the Appendix B challenge from the Appendix B verifier', () => {
    expect(Buffer.from(vector.code_verifier_octets).toString('base64url')).toBe(vector.code_verifier);
    expect(s256Challenge(vector.code_verifier)).toBe(vector.code_challenge);
  });

  it('accepts the Appendix B verifier against its S256 challenge', () => {
    const code = { codeChallenge: vector.code_challenge, codeChallengeMethod: 'S256' as const };
    expect(codeOf(() => checkPkce(code, vector.code_verifier, HARDENED_POINTS))).toBeUndefined();
  });

  it('refuses a verifier that does not match the challenge with invalid_grant', () => {
    const code = { codeChallenge: vector.code_challenge, codeChallengeMethod: 'S256' as const };
    expect(codeOf(() => checkPkce(code, `${vector.code_verifier.slice(0, -1)}A`, HARDENED_POINTS))).toBe('invalid_grant');
  });

  it('refuses a missing verifier when the code is bound to a challenge', () => {
    const code = { codeChallenge: vector.code_challenge, codeChallengeMethod: 'S256' as const };
    expect(codeOf(() => checkPkce(code, undefined, HARDENED_POINTS))).toBe('invalid_grant');
  });

  it('refuses a verifier when no challenge was stored (PKCE downgrade, RFC 9700 §4.8.2); the optional-PKCE lab realm ignores it', () => {
    expect(codeOf(() => checkPkce({}, vector.code_verifier, HARDENED_POINTS))).toBe('invalid_grant');
    expect(codeOf(() => checkPkce({}, vector.code_verifier, optionalPkce))).toBeUndefined();
  });

  it('refuses a code without challenge where PKCE is required, and lets it pass where it is optional', () => {
    expect(codeOf(() => checkPkce({}, undefined, HARDENED_POINTS))).toBe('invalid_grant');
    expect(codeOf(() => checkPkce({}, undefined, optionalPkce))).toBeUndefined();
  });

  it('accepts plain only where a lab realm accepts it', () => {
    const verifier = 'a'.repeat(43);
    const code = { codeChallenge: verifier, codeChallengeMethod: 'plain' as const };
    expect(codeOf(() => checkPkce(code, verifier, HARDENED_POINTS))).toBe('invalid_grant');
    expect(codeOf(() => checkPkce(code, verifier, optionalPkce))).toBeUndefined();
  });

  it.each([
    ['42 characters', 'a'.repeat(42), false],
    ['43 characters', 'a'.repeat(43), true],
    ['128 characters', 'a'.repeat(128), true],
    ['129 characters', 'a'.repeat(129), false],
    ['a character outside unreserved', `${'a'.repeat(42)}+`, false],
    ['every unreserved symbol', `-._~${'a'.repeat(40)}`, true],
  ])('checks verifier syntax: %s', (_label, verifier, valid) => {
    expect(isValidCodeVerifier(verifier)).toBe(valid);
  });

  it('answers a malformed verifier with invalid_request', () => {
    const code = { codeChallenge: vector.code_challenge, codeChallengeMethod: 'S256' as const };
    expect(codeOf(() => checkPkce(code, 'short', HARDENED_POINTS))).toBe('invalid_request');
  });
});
