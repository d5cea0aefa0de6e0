import { createHmac } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CrackError } from './errors';
import { forgeHs256 } from './forge';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
function hs256(secret: string, payload: object, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof CrackError ? e.code : String(e);
  }
};

describe('forgeHs256', () => {
  const original = hs256('secret123', { sub: 'alice', role: 'reader', exp: 4102444800 });

  it('re-signs the token with changed claims so that a verifier holding the secret accepts it', async () => {
    const forged = forgeHs256(original, 'secret123', { sub: 'mallory', role: 'admin' });
    const { payload, protectedHeader } = await jwtVerify(forged, new TextEncoder().encode('secret123'), { algorithms: ['HS256'] });
    expect(payload).toEqual({ sub: 'mallory', role: 'admin', exp: 4102444800 });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(forged.split('.')[0]).toBe(original.split('.')[0]);
  });

  it('removes a claim set to undefined', () => {
    expect(decodeJwt(forgeHs256(original, 'secret123', { exp: undefined }))).toEqual({ sub: 'alice', role: 'reader' });
  });

  it('refuses a secret that does not produce the token’s signature', () => {
    expect(codeOf(() => forgeHs256(original, 'secret', { role: 'admin' }))).toBe('ERR_CRACK_WRONG_SECRET');
  });

  it('refuses HS512 tokens and payloads that are not JSON objects', () => {
    expect(codeOf(() => forgeHs256(hs256('k', {}, { alg: 'HS512' }), 'k', {}))).toBe('ERR_CRACK_UNSUPPORTED_ALG');
    const input = `${b64url('{"alg":"HS256"}')}.${b64url('[1,2]')}`;
    const notObject = `${input}.${createHmac('sha256', 'k').update(input).digest('base64url')}`;
    expect(codeOf(() => forgeHs256(notObject, 'k', {}))).toBe('ERR_CRACK_MALFORMED_TOKEN');
  });
});
