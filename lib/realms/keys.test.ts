import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import vectors from './fixtures/rfc7638-thumbprint.json';
import { compactVerify, CompactSign } from 'jose';
import { generateRealmKeys, importSharedKeySet, kidOf, newSharedKeySet, rsaPoolSize } from './keys';

describe('realm keys', () => {
  it('derives the kid exactly as RFC 7638 §3.1 computes its example thumbprint', async () => {
    const v = vectors.vectors[0];
    expect(await kidOf(v.jwk)).toBe(v.thumbprint_sha256);
    // Members other than e, kty, n (here alg and kid) do not enter the thumbprint (§3.2).
    expect(await kidOf({ kty: v.jwk.kty, n: v.jwk.n, e: v.jwk.e })).toBe(v.thumbprint_sha256);
  });

  it('makes an ES256 default key and an RS256 key whose kids are their thumbprints', async () => {
    const keys = await generateRealmKeys();
    expect(keys.all.map((k) => k.alg)).toEqual(['ES256', 'RS256']);
    expect(keys.default.alg).toBe('ES256');
    for (const k of keys.all) {
      expect(k.kid).toBe(await calculateJwkThumbprint(k.publicJwk, 'sha256'));
      expect(keys.byKid(k.kid)).toBe(k);
      expect(k.publicJwk).not.toHaveProperty('d');
    }
    expect(keys.byKid('nope')).toBeUndefined();
  });

  it('keeps private keys non-extractable in memory mode', async () => {
    const keys = await generateRealmKeys();
    for (const k of keys.all) expect(k.privateKey.extractable).toBe(false);
  });

  it('imports a shared key set as non-extractable keys that sign and verify alike at every instance', async () => {
    const stored = await newSharedKeySet();
    const [a, b] = await Promise.all([importSharedKeySet(stored), importSharedKeySet(stored, { hmacSecret: 'secret1' })]);
    expect(a.all.map((k) => k.kid)).toEqual(b.all.map((k) => k.kid));
    expect(b.hmac?.secret).toEqual(new TextEncoder().encode('secret1'));
    for (const [i, k] of a.all.entries()) {
      expect(k.privateKey.extractable).toBe(false);
      expect(k.publicJwk).not.toHaveProperty('d');
      expect(k.kid).toBe(await calculateJwkThumbprint(k.publicJwk, 'sha256'));
      const jws = await new CompactSign(new TextEncoder().encode('x')).setProtectedHeader({ alg: k.alg }).sign(k.privateKey);
      await expect(compactVerify(jws, b.all[i].publicKey)).resolves.toBeDefined();
    }
    await expect(importSharedKeySet('{"v":2}')).rejects.toThrow(/unknown format/);
  });
});

describe('FLOWLAB_RSA_POOL_SIZE', () => {
  it('reads 0 to 64 ready RSA pairs and falls back to 8 on anything else', () => {
    expect(rsaPoolSize(undefined)).toBe(8);
    expect(rsaPoolSize('0')).toBe(0);
    expect(rsaPoolSize(' 3 ')).toBe(3);
    expect(rsaPoolSize('64')).toBe(64);
    for (const bad of ['', ' ', '-1', '65', '2.5', 'eight', '1e9', 'Infinity']) expect(rsaPoolSize(bad)).toBe(8);
  });

  it('still gives every pooled realm its own RSA key with an empty pool', async () => {
    const [a, b] = await Promise.all([generateRealmKeys({ pooled: true }), generateRealmKeys({ pooled: true })]);
    expect(a.all[1].alg).toBe('RS256');
    expect(a.all[1].kid).not.toBe(b.all[1].kid);
  });
});
