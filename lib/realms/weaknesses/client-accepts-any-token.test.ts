import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { atHash } from '../../oauth-client/id-token';
import { acceptAnyToken, requireIdTokenForThisClient } from '../../lab-client/token-audience';
import { composePoints, findWeakness, WEAKNESSES } from '../catalogue';
import { HARDENED_POINTS } from '../policy-points';

const ISSUER = 'http://localhost:3000/as/lab';
const ACCESS_TOKEN = 'an-access-token';

async function signer() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const idToken = async (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'alice', at_hash: await atHash(ACCESS_TOKEN, 'ES256'), ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwks: { keys: [jwk] }, idToken };
}

const expectFor = (jwks: { keys: object[] }) => ({
  clientId: 'legacy-spa',
  issuer: ISSUER,
  jwks: jwks as never,
  now: Math.floor(Date.now() / 1000),
});

describe('client-accepts-any-token', () => {
  it('is a client weakness of its own point citing token injection; demo and hardened realms keep the ID-token check', () => {
    const w = findWeakness('client-accepts-any-token')!;
    expect(w).toMatchObject({ point: 'client.token-audience', server: 'client' });
    expect(w.specs).toEqual(expect.arrayContaining(['RFC 9700 §4.6', 'RFC 6749 §10.16']));
    expect(WEAKNESSES.filter((x) => x.point === 'client.token-audience')).toEqual([w]);
    expect(HARDENED_POINTS['client.token-audience']).toBe(requireIdTokenForThisClient);
    expect(composePoints([])['client.token-audience']).toBe(requireIdTokenForThisClient);
    expect(composePoints([w])['client.token-audience']).toBe(acceptAnyToken);
  });

  it('weakened, it signs in with any access token: the check is reported as skipped', async () => {
    const verdict = await acceptAnyToken({ accessToken: ACCESS_TOKEN }, expectFor({ keys: [] }));
    expect(verdict.sub).toBeUndefined();
    expect(verdict.checks).toEqual([expect.objectContaining({ passed: true, outcome: 'skipped', spec: 'RFC 6749 §10.16' })]);
  });

  it('hardened, an ID token issued to this client, bound to the access token, names its user', async () => {
    const s = await signer();
    const verdict = await requireIdTokenForThisClient(
      { accessToken: ACCESS_TOKEN, idToken: await s.idToken({ aud: 'legacy-spa' }) },
      expectFor(s.jwks),
    );
    expect(verdict.checks.every((c) => c.passed)).toBe(true);
    expect(verdict.sub).toBe('alice');
  });

  it.each([
    ['no ID token at all', undefined, 'an ID token issued to this client came with the access token'],
    ['an ID token for another client', { aud: 'mallory-quiz' }, 'aud contains this client'],
    [
      'an ID token that another client is the authorized party of',
      { aud: ['legacy-spa', 'mallory-quiz'], azp: 'mallory-quiz' },
      'azp, when present, is this client',
    ],
    [
      'an ID token without at_hash',
      { aud: 'legacy-spa', at_hash: undefined },
      'at_hash is present (an access token came from the authorization endpoint)',
    ],
    [
      'an ID token for another access token',
      { aud: 'legacy-spa', at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' },
      'at_hash, when present, matches the access token',
    ],
  ])('hardened, it refuses %s', async (_what, claims, failing) => {
    const s = await signer();
    const idToken = claims ? await s.idToken(claims) : undefined;
    const verdict = await requireIdTokenForThisClient({ accessToken: ACCESS_TOKEN, ...(idToken ? { idToken } : {}) }, expectFor(s.jwks));
    expect(verdict.sub).toBeUndefined();
    expect(verdict.checks.filter((c) => !c.passed).map((c) => c.name)).toContain(failing);
  });

  it('hardened, it refuses an ID token signed with a key the issuer does not publish', async () => {
    const mine = await signer();
    const theirs = await signer();
    const verdict = await requireIdTokenForThisClient(
      { accessToken: ACCESS_TOKEN, idToken: await theirs.idToken({ aud: 'legacy-spa' }) },
      expectFor(mine.jwks),
    );
    expect(verdict.sub).toBeUndefined();
    expect(verdict.checks[0]).toMatchObject({ passed: false, spec: 'OIDC Core §3.1.3.7 (6)' });
  });
});
