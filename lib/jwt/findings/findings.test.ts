import { describe, expect, it } from 'vitest';
import { decodeToken, type DecodedJws } from '../decode';
import { collectFindings, commonSecretFinding, findCommonSecret, shortSecretFinding } from './index';
import { looksLikeCardNumber } from './sensitive-claims';
import { COMMON_SECRETS } from './common-secrets';

const NOW = 1_700_000_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const full = { iss: 'https://as', aud: 'api', exp: NOW + 300, iat: NOW };

function ids(header: Record<string, unknown>, payload: Record<string, unknown> = full): string[] {
  const d = decodeToken(`${b64(header)}.${b64(payload)}.AAAA`);
  if (!d.ok) throw new Error('decode failed');
  return collectFindings(d.value, NOW).map((f) => f.id);
}

describe('security findings', () => {
  it('a well-formed token with a kid from a key set has no warnings', () => {
    expect(ids({ alg: 'ES256', typ: 'JWT', kid: 'k1' })).toEqual(['kid-present']);
  });

  it('flags alg "none" as unsecured, citing RFC 7518 §3.6 and RFC 8725 §3.1', () => {
    expect(ids({ alg: 'none' })).toContain('alg-none');
    const d = decodeToken(`${b64({ alg: 'none' })}.${b64(full)}.`);
    expect(d.ok && d.value.kind === 'jws' && d.value.unsecured).toBe(true);
    const f = d.ok ? collectFindings(d.value, NOW).find((x) => x.id === 'alg-none') : undefined;
    expect(f?.cite.map((c) => c.label)).toEqual(expect.arrayContaining(['RFC 7518 §3.6', 'RFC 8725 §3.1']));
    expect(f?.cite.map((c) => c.label)).not.toContain('RFC 7519 §6');
  });

  it.each(['None', 'NONE', 'nOnE'])(
    'alg "%s" is not "none" (case-sensitive) but an unknown algorithm, flagged as a bypass attempt',
    (alg) => {
      expect(ids({ alg })).toContain('alg-none-variant');
      expect(ids({ alg })).not.toContain('alg-none');
      const d = decodeToken(`${b64({ alg })}.${b64(full)}.`);
      expect(d.ok && d.value.kind === 'jws' && d.value.unsecured).toBe(false);
    },
  );

  it.each(['jwk', 'jku', 'x5u', 'x5c'])('flags a "%s" header as a sender-chosen key', (member) => {
    expect(ids({ alg: 'RS256', [member]: member === 'x5c' ? ['MII'] : 'https://evil.example' })).toContain(`header-${member}`);
  });

  it.each(['../../dev/null', '/etc/passwd', 'keys\\a', 'k\u0000'])('flags kid %j as a path', (kid) => {
    expect(ids({ alg: 'HS256', kid })).toContain('kid-path');
  });

  it('flags crit, b64:false (citing RFC 7797 §6, "b64" in "crit") and zip', () => {
    expect(ids({ alg: 'HS256', crit: ['b64'], b64: false, zip: 'DEF' })).toEqual(expect.arrayContaining(['crit', 'b64-false', 'zip']));
    const d = decodeToken(`${b64({ alg: 'HS256', b64: false })}.${b64(full)}.AAAA`);
    expect(d.ok && collectFindings(d.value, NOW).find((f) => f.id === 'b64-false')?.cite[0].label).toBe('RFC 7797 §6');
  });

  it('flags missing exp, iss and aud, an iat in the future and an access token living over an hour', () => {
    expect(ids({ alg: 'HS256' }, { sub: 'x' })).toEqual(expect.arrayContaining(['missing-exp', 'missing-iss', 'missing-aud']));
    expect(ids({ alg: 'HS256' }, { ...full, iat: NOW + 3600 })).toContain('iat-future');
    expect(ids({ alg: 'ES256', typ: 'at+jwt' }, { ...full, client_id: 'c', exp: NOW + 7200 })).toContain('long-lifetime');
    expect(ids({ alg: 'ES256', typ: 'at+jwt' }, { ...full, client_id: 'c', exp: NOW + 600 })).not.toContain('long-lifetime');
  });

  it('flags an expiry decades away (in effect none) and an iat before 1970; a year away and iat 0 are not flagged', () => {
    const year = 365.25 * 24 * 3600;
    expect(ids({ alg: 'HS256' }, { ...full, exp: NOW + 11 * year })).toContain('exp-distant');
    expect(ids({ alg: 'HS256' }, { ...full, exp: NOW + year })).not.toContain('exp-distant');
    const far = decodeToken(`${b64({ alg: 'HS256' })}.${b64({ ...full, exp: 1e20 })}.AAAA`);
    if (!far.ok) throw new Error('decode failed');
    expect(collectFindings(far.value, NOW).find((f) => f.id === 'exp-distant')?.title).toBe('Expires in over a million years ("exp")');
    expect(ids({ alg: 'HS256' }, { ...full, iat: -5 })).toContain('iat-before-1970');
    expect(ids({ alg: 'HS256' }, { ...full, iat: 0 })).not.toContain('iat-before-1970');
  });

  it('flags an access token not typed at+jwt (RFC 9068 §2.1) and an ID token typed at+jwt', () => {
    expect(ids({ alg: 'ES256', typ: 'JWT' }, { ...full, scope: 'a', client_id: 'c' })).toContain('typ-mismatch');
    expect(ids({ alg: 'ES256', typ: 'at+jwt' }, { ...full, scope: 'a', client_id: 'c' })).not.toContain('typ-mismatch');
    expect(ids({ alg: 'ES256', typ: 'at+jwt' }, { ...full, nonce: 'n' })).toContain('typ-mismatch');
  });

  it('flags sensitive-looking claims: password names, Luhn-valid card numbers and SSNs', () => {
    expect(ids({ alg: 'HS256' }, { ...full, password: 'x' })).toContain('sensitive-claims');
    const d = decodeToken(`${b64({ alg: 'HS256' })}.${b64({ ...full, password: 'x' })}.AAAA`);
    const f = d.ok ? collectFindings(d.value, NOW).find((x) => x.id === 'sensitive-claims') : undefined;
    expect(f?.detail).toContain('readable by anyone who holds it; use JWE or leave it out');
    expect(f?.cite[0].label).toBe('RFC 7519 §12');
    expect(ids({ alg: 'HS256' }, { ...full, pay: { pan: '4111 1111 1111 1111' } })).toContain('sensitive-claims');
    expect(ids({ alg: 'HS256' }, { ...full, id: '123-45-6789' })).toContain('sensitive-claims');
    expect(ids({ alg: 'HS256' }, { ...full, n: '4111 1111 1111 1112' })).not.toContain('sensitive-claims');
    expect(looksLikeCardNumber('5555555555554444')).toBe(true);
    expect(looksLikeCardNumber('1234567812345678')).toBe(false);
  });

  it('warns about an HMAC secret under the hash size (RFC 7518 §3.2)', () => {
    expect(shortSecretFinding('HS256', 31)?.id).toBe('short-secret');
    expect(shortSecretFinding('HS256', 32)).toBeUndefined();
    expect(shortSecretFinding('HS384', 47)?.title).toBe('HMAC secret is only 376 bits');
    expect(shortSecretFinding('HS384', 48)).toBeUndefined();
    expect(shortSecretFinding('HS512', 63)?.detail).toContain('at least 512 bits');
    expect(shortSecretFinding('HS512', 64)).toBeUndefined();
    expect(shortSecretFinding('HS512', 32)?.id).toBe('short-secret');
    expect(shortSecretFinding('RS256', 1)).toBeUndefined();
  });

  it('finds a common secret by trying the built-in list as HMAC keys, locally', async () => {
    expect(COMMON_SECRETS.length).toBeGreaterThan(300);
    const { SignJWT } = await import('jose');
    for (const secret of ['secret', 'your-256-bit-secret', 'changeme']) {
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
      const d = decodeToken(token);
      expect(await findCommonSecret(d.ok ? (d.value as DecodedJws) : (undefined as never))).toBe(secret);
    }
    const strong = await new SignJWT({}).setProtectedHeader({ alg: 'HS384' }).sign(crypto.getRandomValues(new Uint8Array(48)));
    const d = decodeToken(strong);
    expect(await findCommonSecret(d.ok ? (d.value as DecodedJws) : (undefined as never))).toBeUndefined();
    expect(commonSecretFinding('secret').cite.map((c) => c.label)).toContain('RFC 8725 §3.5');
  });
});
