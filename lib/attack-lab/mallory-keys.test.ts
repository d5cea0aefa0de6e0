import { describe, expect, it } from 'vitest';
import { compactVerify, decodeProtectedHeader, exportJWK, exportSPKI, generateKeyPair, importJWK } from 'jose';
import { mallorysKeyPair, pemOfPublicJwk, rsaKeysOf, signedToken } from './mallory-keys';

describe('Mallory’s keys', () => {
  it('writes a published RSA key as the same SPKI PEM the lab’s RS loads (jose exportSPKI, no trailing newline)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const pem = await pemOfPublicJwk(jwk);
    expect(pem).toBe(await exportSPKI(publicKey));
    expect(pem.startsWith('-----BEGIN PUBLIC KEY-----\n')).toBe(true);
    expect(pem.endsWith('-----END PUBLIC KEY-----')).toBe(true);
  });

  it('picks the RSA keys out of a JWKS and says why when there are none', () => {
    expect(rsaKeysOf('{"keys":[{"kty":"EC","crv":"P-256","x":"a","y":"b"},{"kty":"RSA","n":"n","e":"AQAB"}]}')).toMatchObject({
      ok: true,
      keys: [{ kty: 'RSA' }],
    });
    expect(rsaKeysOf('not json')).toEqual({ ok: false, message: 'The JWKS is not JSON.' });
    expect(rsaKeysOf('{"keys":{}}')).toMatchObject({ ok: false, message: expect.stringContaining('RFC 7517 §5') });
    expect(rsaKeysOf('{"keys":[{"kty":"EC"}]}')).toMatchObject({ ok: false, message: expect.stringContaining('no RSA key') });
    expect(rsaKeysOf('null').ok).toBe(false);
  });

  it('makes a fresh ES256 pair whose public JWK has no private member and verifies what it signed', async () => {
    const mine = await mallorysKeyPair();
    expect(mine.publicJwk).not.toHaveProperty('d');
    expect(mine.publicJwk.kid).toMatch(/^[\w-]{43}$/);
    const token = await signedToken(
      { header: { alg: 'ES256', typ: 'at+jwt', jwk: mine.publicJwk }, payload: { sub: 'alice' } },
      mine.privateKey,
    );
    expect(decodeProtectedHeader(token).jwk).toEqual(mine.publicJwk);
    await expect(compactVerify(token, await importJWK(mine.publicJwk, 'ES256'))).resolves.toBeTruthy();
  });
});
