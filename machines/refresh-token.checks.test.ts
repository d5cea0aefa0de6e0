import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { refreshResponseChecks } from './refresh-token.checks';

const ISS = 'http://localhost:3000/as/demo';
const NOW = 1_800_000_000;

describe('refreshed ID token: the nonce rule of OIDC Core §12.2', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ auth_time: NOW - 60, azp: 'spa', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISS)
      .setSubject('alice')
      .setAudience('spa')
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 300)
      .sign(privateKey);
  const original = await sign({ nonce: 'n-original' });

  const nonceCheck = async (claims: Record<string, unknown>) => {
    const checks = await refreshResponseChecks(
      { access_token: 'at-1', token_type: 'Bearer', refresh_token: 'rt-1' },
      { access_token: 'at-2', token_type: 'Bearer', refresh_token: 'rt-2', id_token: await sign(claims) },
      { jwks, issuer: ISS, clientId: 'spa', originalIdToken: original, now: NOW },
    );
    return checks.find((c) => c.name.startsWith('nonce'))!;
  };

  it('passes a refreshed ID token without a nonce (it SHOULD NOT have one)', async () => {
    expect(await nonceCheck({})).toMatchObject({ passed: true, spec: 'OIDC Core §12.2' });
  });

  it('passes one whose nonce is the original one (if present, it MUST be)', async () => {
    expect(await nonceCheck({ nonce: 'n-original' })).toMatchObject({ passed: true });
  });

  it('refuses one with another nonce', async () => {
    const c = await nonceCheck({ nonce: 'n-other' });
    expect(c.passed).toBe(false);
    expect(c.detail).toContain('n-original');
  });
});
