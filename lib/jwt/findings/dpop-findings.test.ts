import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode';
import { collectFindings } from './index';

const NOW = 1_700_000_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const publicJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk };
const proof = { jti: 'e1j3V_bKic8-LAEB', htm: 'POST', htu: 'https://as.example/token', iat: NOW };

function ids(h: Record<string, unknown>, p: Record<string, unknown> = proof): string[] {
  const d = decodeToken(`${b64(h)}.${b64(p)}.AAAA`);
  if (!d.ok) throw new Error('decode failed');
  return collectFindings(d.value, NOW).map((f) => f.id);
}

describe('findings on a DPoP proof (typ dpop+jwt, RFC 9449 §4.2)', () => {
  it('a well-formed proof has no findings: no exp, iss or aud by design, and its jwk header is required, not a sender-chosen key', () => {
    expect(ids(header)).toEqual([]);
    expect(ids({ ...header, typ: 'DPoP+JWT' })).toEqual([]);
  });

  it('the same header and claims under typ JWT still get the generic findings', () => {
    expect(ids({ ...header, typ: 'JWT' })).toEqual(expect.arrayContaining(['header-jwk', 'missing-exp', 'missing-iss', 'missing-aud']));
  });

  it.each(['jti', 'htm', 'htu', 'iat'])('flags a proof without "%s" (§4.2 requires it, §4.3 rejects its absence)', (claim) => {
    const rest: Record<string, unknown> = { ...proof };
    delete rest[claim];
    const d = decodeToken(`${b64(header)}.${b64(rest)}.AAAA`);
    const f = d.ok ? collectFindings(d.value, NOW).find((x) => x.id === 'dpop-missing-claims') : undefined;
    expect(f?.title).toContain(`"${claim}"`);
    expect(f?.severity).toBe('high');
    expect(f?.cite.map((c) => c.label)).toEqual(['RFC 9449 §4.2', 'RFC 9449 §4.3']);
  });

  it('names every missing claim in one finding', () => {
    const d = decodeToken(`${b64(header)}.${b64({})}.AAAA`);
    const f = d.ok ? collectFindings(d.value, NOW).find((x) => x.id === 'dpop-missing-claims') : undefined;
    expect(f?.title).toBe('DPoP proof without "jti", "htm", "htu", "iat"');
  });

  it('flags a proof without a jwk header, or with a jwk that is not an object', () => {
    const { jwk: _jwk, ...noJwk } = header;
    expect(ids(noJwk)).toContain('dpop-no-jwk');
    expect(ids({ ...header, jwk: 'not-a-key' })).toContain('dpop-no-jwk');
    expect(ids({ ...header, jwk: [publicJwk] })).toContain('dpop-no-jwk');
  });

  it.each([
    ['an EC private key', { ...publicJwk, d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' }, '"d"'],
    [
      'an RSA private key',
      { kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'x', p: 'x', q: 'x', dp: 'x', dq: 'x', qi: 'x' },
      '"d", "p", "q", "dp", "dq", "qi"',
    ],
    ['a symmetric key', { kty: 'oct', k: 'c2VjcmV0' }, '"k"'],
  ])('flags a jwk that holds %s', (_what, jwk, members) => {
    const d = decodeToken(`${b64({ ...header, jwk })}.${b64(proof)}.AAAA`);
    const f = d.ok ? collectFindings(d.value, NOW).find((x) => x.id === 'dpop-private-key') : undefined;
    expect(f?.severity).toBe('high');
    expect(f?.title).toContain(members);
  });

  it.each(['none', 'HS256'])('flags alg "%s": a proof is signed with an asymmetric algorithm', (alg) => {
    expect(ids({ ...header, alg })).toContain('dpop-alg');
  });

  it('flags an htu with a query or a fragment (§4.2: without query and fragment parts)', () => {
    expect(ids(header, { ...proof, htu: 'https://rs.example/photos?page=2' })).toEqual(['dpop-htu-query']);
    expect(ids(header, { ...proof, htu: 'https://rs.example/photos#x' })).toEqual(['dpop-htu-query']);
  });

  it('still flags an iat in the future', () => {
    expect(ids(header, { ...proof, iat: NOW + 3600 })).toEqual(['iat-future']);
  });
});
