import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import jwtio from './fixtures/jwtio-default-tokens.json';
import cert from './fixtures/test-certificate.json';
import { verifyToken, type KeyMaterial } from './verify';
import { importPKCS8 } from 'jose';
import { parseJwkInput } from './keys/import-jwk';

const hs = jwtio.vectors.HS256;
const es = jwtio.vectors.ES256;

async function code(token: string, key: KeyMaterial): Promise<string> {
  const r = await verifyToken(token, key);
  return r.ok ? 'verified' : r.error.code;
}

describe('verifyToken error values', () => {
  it('explains a wrong secret as a signature failure, in plain words', async () => {
    const r = await verifyToken(hs.token, { kind: 'secret', text: 'wrong', encoding: 'utf8' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', where: 'signature' });
    expect(r.ok ? '' : r.error.message).toMatch(/^Signature is NOT valid/);
  });

  it('accepts the same secret as hex and as base64url', async () => {
    const bytes = Buffer.from(hs.secret);
    expect(await code(hs.token, { kind: 'secret', text: bytes.toString('hex'), encoding: 'hex' })).toBe('verified');
    expect(await code(hs.token, { kind: 'secret', text: bytes.toString('base64url'), encoding: 'base64url' })).toBe('verified');
    expect(await code(hs.token, { kind: 'secret', text: 'zz', encoding: 'hex' })).toBe('bad_secret');
  });

  it('refuses a PEM public key for an HMAC token (key confusion, RFC 8725 §2.1) and a secret for ES256', async () => {
    expect(await code(hs.token, { kind: 'pem', text: es.public_key_pem })).toBe('key_type_mismatch');
    expect(await code(es.token, { kind: 'secret', text: 'x', encoding: 'utf8' })).toBe('key_type_mismatch');
  });

  it('asks for the public key when given a private PEM', async () => {
    expect(await code(es.token, { kind: 'pem', text: es.private_key_pem })).toBe('private_key_given');
  });

  it('picks the JWKS key by kid and reports a missing kid as ERR_JWKS_NO_MATCHING_KEY', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2' };
    const other = { ...(await exportJWK((await generateKeyPair('ES256')).publicKey)), kid: 'k1' };
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k2' }).sign(privateKey);
    const r = await verifyToken(token, { kind: 'jwks', jwks: { keys: [other, jwk] }, source: 'test JWKS' });
    expect(r.ok && r.value.keyUsed).toBe('test JWKS, key kid="k2"');
    const wrongKid = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k9' }).sign(privateKey);
    expect(await code(wrongKid, { kind: 'jwks', jwks: { keys: [other, jwk] }, source: 'x' })).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('verifies with an X.509 certificate', async () => {
    const key = await importPKCS8(cert.private_key_pem, 'ES256');
    const token = await new SignJWT({ sub: 'c' }).setProtectedHeader({ alg: 'ES256' }).sign(key);
    expect(await code(token, { kind: 'pem', text: cert.certificate_pem })).toBe('verified');
  });

  it('labels a key taken from the token header as untrusted (RFC 8725 §3.10)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(publicKey) }).sign(privateKey);
    const r = await verifyToken(token, { kind: 'embedded', member: 'jwk' });
    expect(r.ok && r.value.untrusted).toBe(true);
  });

  it('refuses alg none and unsupported algorithms without throwing', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`;
    expect(await code(none, { kind: 'secret', text: 'x', encoding: 'utf8' })).toBe('unsecured');
    const odd = `${Buffer.from('{"alg":"HS1"}').toString('base64url')}.e30.AAAA`;
    expect(await code(odd, { kind: 'secret', text: 'x', encoding: 'utf8' })).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    const variant = await verifyToken(`${Buffer.from('{"alg":"nOnE"}').toString('base64url')}.e30.`, {
      kind: 'secret',
      text: 'x',
      encoding: 'utf8',
    });
    expect(variant.ok ? null : variant.error).toMatchObject({
      code: 'ERR_JOSE_ALG_NOT_ALLOWED',
      message: expect.stringContaining('"nOnE" is not "none"'),
    });
    expect(await code('a.b', { kind: 'secret', text: 'x', encoding: 'utf8' })).toBe('wrong_part_count');
  });

  it('reads a PEM pasted as a JWK, and a JWK pasted as a PEM, as what they are', async () => {
    const { d: _d, ...pub } = es.jwk;
    void _d;
    expect(await code(es.token, { kind: 'jwk', text: `\n${es.public_key_pem}` })).toBe('verified');
    expect(await code(es.token, { kind: 'pem', text: JSON.stringify(pub) })).toBe('verified');
    expect(parseJwkInput(es.public_key_pem)).toMatchObject({ ok: false, error: { code: 'pem_not_jwk' } });
  });

  it('rejects malformed JWK input with a specific code', async () => {
    expect(await code(es.token, { kind: 'jwk', text: '{' })).toBe('bad_jwk_json');
    expect(await code(es.token, { kind: 'jwk', text: '{"x":1}' })).toBe('bad_jwk');
    expect(await code(es.token, { kind: 'jwk', text: '{"keys":[]}' })).toBe('empty_jwks');
  });
});
