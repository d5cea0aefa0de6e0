import { describe, expect, it } from 'vitest';
import { bearerChallenge, challengeSafe } from './rs-errors';
import type { Realm } from '../realms/types';

/** RFC 6750 §3: error_description = 1*( %x20-21 / %x23-5B / %x5D-7E ). */
const ALLOWED = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

describe('challengeSafe', () => {
  it.each([
    ['RFC 8725 §3.1', 'RFC 8725 section 3.1'],
    ['RFC 6749 § 4.1.2 and §§', 'RFC 6749 section 4.1.2 and section section '],
    ['Alice’s “token” — refused…', "Alice's 'token' - refused..."],
    ['say "none"', "say 'none'"],
    ['a\\b', 'a?b'],
    ['exp ≥ now → 3 × 2\u00a0s', 'exp >= now -> 3 x 2 s'],
    ['line\r\nbreak\u0000', 'line??break?'],
    ['emoji 🔑', 'emoji ??'],
  ])('%j → %j', (text, safe) => {
    expect(challengeSafe(text)).toBe(safe);
    expect(challengeSafe(text)).toMatch(ALLOWED);
  });

  it('leaves every allowed character as it is, and lets nothing else through', () => {
    const allowed = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => c !== '"' && c !== '\\');
    expect(challengeSafe(allowed.join(''))).toBe(allowed.join(''));
    const every = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).join('');
    expect(challengeSafe(every)).toMatch(ALLOWED);
  });

  it('is what the challenge carries', () => {
    const realm = { resource: 'http://localhost:3000/rs/demo' } as Realm;
    expect(bearerChallenge(realm, 'invalid_token', 'The alg is not accepted (RFC 8725 §3.1).')).toBe(
      'Bearer realm="http://localhost:3000/rs/demo", error="invalid_token", error_description="The alg is not accepted (RFC 8725 section 3.1)."',
    );
  });
});
