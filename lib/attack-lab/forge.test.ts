import { describe, expect, it } from 'vitest';
import { compactVerify, decodeProtectedHeader, UnsecuredJWT } from 'jose';
import { hs256Token, patched, readToken, unsignedToken, withSignatureOf } from './forge';

// RFC 7515 Appendix A.1's HS256 example: key and token.
const A1_KEY = Buffer.from('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow', 'base64url');
const A1 =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('token surgery', () => {
  it('reads a JWS and refuses what is not one', () => {
    expect(readToken(A1)).toMatchObject({ ok: true, value: { header: { alg: 'HS256' }, payload: { iss: 'joe' } } });
    expect(readToken('nope').ok).toBe(false);
    expect(readToken('a.b.c.d.e').ok).toBe(false);
  });

  it('patches members, removing those set to undefined', () => {
    expect(patched({ a: 1, b: 2 }, { b: undefined, c: 3 })).toEqual({ a: 1, c: 3 });
  });

  it('makes an Unsecured JWS that jose decodes as one (RFC 7519 §6.1)', () => {
    const t = unsignedToken({ header: { alg: 'none' }, payload: { sub: 'alice' } });
    expect(t.endsWith('.')).toBe(true);
    expect(UnsecuredJWT.decode(t).payload).toEqual({ sub: 'alice' });
  });

  it('keeps an old signature that no longer matches', async () => {
    const t = withSignatureOf({ header: { alg: 'HS256', typ: 'JWT' }, payload: { iss: 'mallory' } }, A1);
    expect(t.split('.')[2]).toBe(A1.split('.')[2]);
    await expect(compactVerify(t, A1_KEY)).rejects.toThrow();
  });

  it('signs HS256 so that jose verifies it with the same key, and with the empty key as one zero byte', async () => {
    const t = await hs256Token({ header: { alg: 'HS256' }, payload: { sub: 'alice' } }, A1_KEY);
    expect(decodeProtectedHeader(t).alg).toBe('HS256');
    await expect(compactVerify(t, A1_KEY)).resolves.toBeTruthy();
    const empty = await hs256Token({ header: { alg: 'HS256' }, payload: {} }, new Uint8Array(0));
    await expect(compactVerify(empty, new Uint8Array(1))).resolves.toBeTruthy();
  });
});
