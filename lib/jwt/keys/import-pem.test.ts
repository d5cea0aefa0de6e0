import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import cert from '../fixtures/test-certificate.json';
import jwtio from '../fixtures/jwtio-default-tokens.json';
import { importPemKey } from './import-pem';

// PKCS#1 PEMs ("BEGIN RSA …") made by Node, which jose cannot import without our DER wrapping.
const pkcs1 = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

// SEC1 "BEGIN EC PRIVATE KEY" (RFC 5915), as OpenSSL and Node write it by default for EC keys.
const sec1 = (namedCurve: string) =>
  generateKeyPairSync('ec', {
    namedCurve,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
  });

describe('importPemKey', () => {
  it.each([
    ['P-256', 'ES256'],
    ['P-384', 'ES384'],
    ['P-521', 'ES512'],
  ])('imports a SEC1 %s private key whose signature verifies with its public key', async (namedCurve, alg) => {
    const pair = sec1(namedCurve);
    expect(pair.privateKey).toContain('BEGIN EC PRIVATE KEY');
    const priv = await importPemKey(pair.privateKey, alg);
    const pub = await importPemKey(pair.publicKey, alg);
    if (!priv.ok || !pub.ok) throw new Error(`import failed: ${!priv.ok ? priv.error.code : ''}`);
    expect([priv.value.kind, priv.value.isPrivate]).toEqual(['sec1-private', true]);
    const jws = await new CompactSign(new TextEncoder().encode('hi')).setProtectedHeader({ alg }).sign(priv.value.key);
    await expect(compactVerify(jws, pub.value.key)).resolves.toBeDefined();
  });

  it("refuses a SEC1 key for the wrong curve's algorithm", async () => {
    const r = await importPemKey(sec1('P-256').privateKey, 'ES384');
    expect(r.ok).toBe(false);
  });

  it('wraps PKCS#1 RSA keys into SPKI and PKCS#8 so a signature made with one verifies with the other', async () => {
    expect(pkcs1.publicKey).toContain('BEGIN RSA PUBLIC KEY');
    expect(pkcs1.privateKey).toContain('BEGIN RSA PRIVATE KEY');
    const priv = await importPemKey(pkcs1.privateKey, 'PS256');
    const pub = await importPemKey(pkcs1.publicKey, 'PS256');
    if (!priv.ok || !pub.ok) throw new Error('import failed');
    expect([priv.value.kind, pub.value.kind]).toEqual(['pkcs1-private', 'pkcs1-public']);
    const jws = await new CompactSign(new TextEncoder().encode('hi')).setProtectedHeader({ alg: 'PS256' }).sign(priv.value.key);
    await expect(compactVerify(jws, pub.value.key)).resolves.toBeDefined();
  });

  it('imports SPKI, PKCS#8 and an X.509 certificate', async () => {
    const spki = await importPemKey(jwtio.vectors.ES256.public_key_pem, 'ES256');
    const pkcs8 = await importPemKey(jwtio.vectors.ES256.private_key_pem, 'ES256');
    const x509 = await importPemKey(cert.certificate_pem, 'ES256');
    expect([spki.ok && spki.value.kind, pkcs8.ok && pkcs8.value.isPrivate, x509.ok && x509.value.kind]).toEqual(['spki', true, 'x509']);
  });

  it('returns specific error values for junk, a broken SEC1 key and the wrong algorithm', async () => {
    const r = async (text: string, alg = 'ES256') => {
      const x = await importPemKey(text, alg);
      return x.ok ? 'ok' : x.error.code;
    };
    expect(await r('hello')).toBe('not_pem');
    expect(await r('-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----')).toBe('bad_pem_base64');
    expect(await r('-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----')).toBe('bad_sec1');
    expect(await r('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toBe('key_import_failed');
    expect(await r(jwtio.vectors.ES256.public_key_pem, 'RS256')).not.toBe('ok');
  });
});
