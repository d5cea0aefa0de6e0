import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64url } from './pkce';
import { atHashAlgorithm, validateIdToken } from './id-token';

const ISS = 'http://localhost:3000/as/demo';
const NOW = 1_800_000_000;
const ACCESS = 'the-access-token';

async function leftHalf(hash: string, text: string) {
  const d = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(text)));
  return base64url(d.slice(0, d.length / 2));
}

async function idToken(alg: 'ES256' | 'ES384' | 'PS512', claims: Record<string, unknown>) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg };
  const token = await new SignJWT({ nonce: 'n1', ...claims })
    .setProtectedHeader({ alg, kid: 'k1' })
    .setIssuer(ISS)
    .setSubject('alice')
    .setAudience('spa')
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 300)
    .sign(privateKey);
  return { token, jwks: { keys: [jwk] } };
}

const atHashCheck = async (alg: 'ES256' | 'ES384' | 'PS512', claims: Record<string, unknown>) => {
  const { token, jwks } = await idToken(alg, claims);
  const checks = await validateIdToken(token, { jwks, issuer: ISS, clientId: 'spa', nonce: 'n1', accessToken: ACCESS, now: NOW });
  return checks.find((c) => c.name.startsWith('at_hash'))!;
};

describe('ID token at_hash (OIDC Core §3.1.3.6, §3.1.3.8)', () => {
  it('maps each alg to its hash: SHA-384 for ES384, SHA-512 for PS512 and Ed25519, none for an unknown alg', () => {
    expect(atHashAlgorithm('ES256')).toBe('SHA-256');
    expect(atHashAlgorithm('ES384')).toBe('SHA-384');
    expect(atHashAlgorithm('PS512')).toBe('SHA-512');
    expect(atHashAlgorithm('EdDSA', 'Ed25519')).toBe('SHA-512');
    expect(atHashAlgorithm('EdDSA', 'Ed448')).toBeUndefined();
    expect(atHashAlgorithm('none')).toBeUndefined();
  });

  it('accepts an ES384 ID token whose at_hash is the left half of SHA-384, and refuses a SHA-256 one', async () => {
    const good = await atHashCheck('ES384', { at_hash: await leftHalf('SHA-384', ACCESS) });
    expect(good).toMatchObject({ passed: true, spec: 'OIDC Core §3.1.3.8' });
    expect(good.detail).toContain('SHA-384');
    expect(await atHashCheck('ES384', { at_hash: await leftHalf('SHA-256', ACCESS) })).toMatchObject({ passed: false });
  });

  it('accepts an ES256 ID token with a SHA-256 at_hash and a PS512 one with a SHA-512 at_hash', async () => {
    expect(await atHashCheck('ES256', { at_hash: await leftHalf('SHA-256', ACCESS) })).toMatchObject({ passed: true });
    expect(await atHashCheck('PS512', { at_hash: await leftHalf('SHA-512', ACCESS) })).toMatchObject({ passed: true });
  });

  it('passes an ID token without at_hash: it is optional in the code flow', async () => {
    const c = await atHashCheck('ES256', {});
    expect(c.passed).toBe(true);
    expect(c.detail).toMatch(/optional/);
  });
});
