import { compactVerify, decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateRealmKeys } from './keys';
import { signCompact, verifyOwnSignature } from './node-signing';

describe('node:crypto signing with the realm keys', () => {
  it('makes JWS that jose verifies, and verifies what jose signs (ES256 and RS256)', async () => {
    const keys = await generateRealmKeys();
    for (const key of keys.all) {
      const token = signCompact({ alg: key.alg, kid: key.kid, typ: 'at+jwt' }, { sub: 'alice', n: 1 }, key);
      const { payload } = await compactVerify(token, key.publicKey, { algorithms: [key.alg] });
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: 'alice', n: 1 });
      expect(decodeProtectedHeader(token)).toEqual({ alg: key.alg, kid: key.kid, typ: 'at+jwt' });
      const byJose = await new SignJWT({ sub: 'bob' }).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.privateKey);
      const [h, p, s] = byJose.split('.');
      expect(await verifyOwnSignature(`${h}.${p}`, s, key)).toBe(true);
    }
  });

  it('refuses a changed payload, a signature of the wrong length or of another key, and a key used for another alg', async () => {
    const [a, b] = await Promise.all([generateRealmKeys(), generateRealmKeys()]);
    const es = a.default;
    const [h, p, s] = signCompact({ alg: 'ES256', kid: es.kid }, { sub: 'alice' }, es).split('.');
    const other = Buffer.from(JSON.stringify({ sub: 'mallory' })).toString('base64url');
    expect(await verifyOwnSignature(`${h}.${other}`, s, es)).toBe(false);
    expect(await verifyOwnSignature(`${h}.${p}`, s.slice(0, -4), es)).toBe(false);
    expect(await verifyOwnSignature(`${h}.${p}`, '', es)).toBe(false);
    expect(await verifyOwnSignature(`${h}.${p}`, s, b.default)).toBe(false);
    expect(
      await verifyOwnSignature(
        `${h}.${p}`,
        s,
        a.all.find((k) => k.alg === 'RS256')!,
      ),
    ).toBe(false);
    expect(() => signCompact({ alg: 'RS256' }, {}, es)).toThrow(/cannot sign RS256/);
  });
});
