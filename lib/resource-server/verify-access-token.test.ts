import { SignJWT, base64url, decodeJwt, exportSPKI, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { storeKeys } from '../oauth-server/records';
import { StoreUnavailableError } from '../store/types';
import { handleServerRequest } from '../server-router';
import { bearerRequest, demoRealm, mintAccessToken } from './test-tokens';

const RS = 'http://localhost:3000/rs/demo';
const challenge = (error: string) =>
  expect.stringMatching(new RegExp(`^Bearer realm="${RS}", error="${error}", error_description="[^"]+"`));

async function getPhotos(token: string) {
  const res = await handleServerRequest(bearerRequest('/rs/demo/photos', token));
  return { status: res.status, www: res.headers.get('www-authenticate'), body: await res.json() };
}

const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
type TestRealm = Awaited<ReturnType<typeof demoRealm>>;

/** The claims of a genuine access token of the realm (RFC 9068 §2.2), alice's, a minute long; `over` changes some. */
function claimsOf(r: TestRealm, over: JWTPayload = {}): JWTPayload {
  const now = r.clock.nowSeconds();
  return {
    iss: r.issuer,
    sub: 'alice',
    aud: r.resource,
    iat: now,
    exp: now + 60,
    jti: 'x',
    client_id: 'web',
    scope: 'photos:read',
    ...over,
  };
}

/** Signs those claims by hand, with whatever header and key a test forges. */
function signClaims(r: TestRealm, header: { alg: string; typ: string; kid: string }, key: CryptoKey | Uint8Array, over?: JWTPayload) {
  return new SignJWT(claimsOf(r, over)).setProtectedHeader(header).sign(key);
}

describe('access token validation (RFC 9068 §4, RFC 8725)', () => {
  it('accepts a token the realm issued and answers the caller’s photos with no-store', async () => {
    const realm = await demoRealm();
    const res = await handleServerRequest(bearerRequest('/rs/demo/photos', await mintAccessToken(realm)));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.owner).toBe('alice');
    expect(body.photos.length).toBeGreaterThan(0);
  });

  const refusals: Array<[string, (realm: TestRealm) => Promise<string>, RegExp]> = [
    [
      'an expired token',
      (r) => mintAccessToken(r, { claims: { exp: r.clock.nowSeconds() - 120, iat: r.clock.nowSeconds() - 720 } }),
      /expired/,
    ],
    ['a token for another audience', (r) => mintAccessToken(r, { claims: { aud: 'http://localhost:3000/rs/other' } }), /aud/],
    ['a token from another issuer', (r) => mintAccessToken(r, { claims: { iss: 'http://evil.example/as/demo' } }), /iss/],
    ['a token typed JWT instead of at+jwt', (r) => mintAccessToken(r, { header: { typ: 'JWT' } }), /at\+jwt/],
    ['a token with no typ at all', (r) => mintAccessToken(r, { header: { typ: undefined } }), /at\+jwt/],
    ['a token without jti', (r) => mintAccessToken(r, { claims: { jti: undefined } }), /required claim/],
    ['a token without client_id', (r) => mintAccessToken(r, { claims: { client_id: undefined } }), /required claim/],
    ['a token with a non-string scope', (r) => mintAccessToken(r, { claims: { scope: ['photos:read'] } }), /required claim/],
    ['a token signed by an unknown kid', (r) => mintAccessToken(r, { header: { kid: 'not-a-realm-key' } }), /kid/],
    [
      'a token signed by a stranger’s key under the realm’s kid',
      async (r) => {
        // A key pair of the right type that the realm never published.
        const stranger = await generateKeyPair('ES256');
        return signClaims(r, { alg: 'ES256', typ: 'at+jwt', kid: r.keys.default.kid }, stranger.privateKey);
      },
      /signature/,
    ],
    [
      'a token whose payload was tampered with after signing',
      async (r) => {
        const [h, , s] = (await mintAccessToken(r, { claims: { scope: 'openid' } })).split('.');
        return [h, enc(claimsOf(r)), s].join('.');
      },
      /signature/,
    ],
    [
      'an unsigned token (alg none)',
      async (r) => {
        return `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc(claimsOf(r))}.`;
      },
      /algorithm/,
    ],
    [
      'an HS256 token keyed with the realm’s public key (key confusion)',
      async (r) => {
        const rsa = r.keys.all.find((k) => k.alg === 'RS256')!;
        const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
        return signClaims(r, { alg: 'HS256', typ: 'at+jwt', kid: rsa.kid }, secret);
      },
      /algorithm/,
    ],
    [
      'an RS256 header naming the ES256 key (alg/key mismatch)',
      async (r) => {
        const rsa = r.keys.all.find((k) => k.alg === 'RS256')!;
        return signClaims(r, { alg: 'RS256', typ: 'at+jwt', kid: r.keys.default.kid }, rsa.privateKey);
      },
      /kid/,
    ],
    ['a string that is not a JWT', async () => 'not.a.jwt', /well-formed/],
    [
      'a token whose header part has a dangling character (4n+1 base64url characters decode no whole octet)',
      async (r) => {
        const [h, p, s] = (await mintAccessToken(r)).split('.');
        const dangling = h.length % 4 === 0 ? `${h}A` : `${h.slice(0, h.length - (h.length % 4))}A`;
        return [dangling, p, s].join('.');
      },
      /well-formed/,
    ],
    [
      'a token whose payload part is standard base64 rather than base64url',
      async (r) => {
        const [h, , s] = (await mintAccessToken(r)).split('.');
        // "?>" encodes to "Pz4", "??" to "Pz8/": a "/" only the standard alphabet has (RFC 4648 §4 vs §5).
        const payload = Buffer.from(JSON.stringify({ ...claimsOf(r), note: '???' }))
          .toString('base64')
          .replace(/=+$/, '');
        expect(payload).toMatch(/[+/]/);
        return [h, payload, s].join('.');
      },
      /well-formed/,
    ],
  ];

  it.each(refusals)('refuses %s with 401 invalid_token and an RFC 6750 challenge', async (_name, make, why) => {
    const realm = await demoRealm();
    const { status, www, body } = await getPhotos(await make(realm));
    expect(status).toBe(401);
    expect(www).toEqual(challenge('invalid_token'));
    expect(body.error).toBe('invalid_token');
    expect(body.error_description).toMatch(why);
  });

  it('refuses a token whose grant was revoked, and accepts it while the grant is live', async () => {
    const realm = await demoRealm();
    const grantId = crypto.randomUUID();
    const token = await mintAccessToken(realm, { grantId });
    expect((await getPhotos(token)).status).toBe(200);
    await realm.store.set(storeKeys.grantRevoked(grantId), true, 600);
    const { status, www, body } = await getPhotos(token);
    expect(status).toBe(401);
    expect(www).toEqual(challenge('invalid_token'));
    expect(body.error_description).toMatch(/revoked/);
  });

  it('reads a seen token’s record and its grant’s revocation in one step, and refuses it once either says so', async () => {
    const realm = await demoRealm();
    const grantId = crypto.randomUUID();
    const token = await mintAccessToken(realm, { grantId });
    const jti = String(decodeJwt(token).jti);
    const gets = vi.spyOn(realm.store, 'get');
    const getManys = vi.spyOn(realm.store, 'getMany');
    // The token checks' reads, not the photo album's.
    const checks = () => ({
      get: gets.mock.calls.map(([key]) => key).filter((key) => /^(at|grant-revoked):/.test(key)),
      getMany: getManys.mock.calls.map(([keys]) => keys),
    });
    try {
      expect((await getPhotos(token)).status).toBe(200);
      expect(checks()).toEqual({ get: [storeKeys.accessToken(jti), storeKeys.grantRevoked(grantId)], getMany: [] });
      gets.mockClear();
      expect((await getPhotos(token)).status).toBe(200);
      expect(checks()).toEqual({ get: [], getMany: [[storeKeys.accessToken(jti), storeKeys.grantRevoked(grantId)]] });
      // A revocation reaches the cached verdict at once…
      await realm.store.set(storeKeys.grantRevoked(grantId), true, 600);
      expect((await getPhotos(token)).status).toBe(401);
      // …and so does a record that is gone (expired, or lost by the store) while the token still claims a future exp.
      const other = await mintAccessToken(realm);
      expect((await getPhotos(other)).status).toBe(200);
      expect((await getPhotos(other)).status).toBe(200);
      await realm.store.delete(storeKeys.accessToken(String(decodeJwt(other).jti)));
      const { status, body } = await getPhotos(other);
      expect(status).toBe(401);
      expect(body.error_description).toMatch(/does not know it/);

      // A store that cannot answer fails the cached verdict closed, never as "absent" (RFC 6749 §5.2 style 503).
      const third = await mintAccessToken(realm);
      expect((await getPhotos(third)).status).toBe(200);
      getManys.mockRejectedValueOnce(new StoreUnavailableError('test outage'));
      const outage = await getPhotos(third);
      expect(outage.status).toBe(503);
      expect(outage.body.error).toBe('temporarily_unavailable');
      expect((await getPhotos(third)).status).toBe(200);
    } finally {
      gets.mockRestore();
      getManys.mockRestore();
    }
  });

  it('tolerates a little clock skew on exp but not more', async () => {
    const realm = await demoRealm();
    const now = realm.clock.nowSeconds();
    expect((await getPhotos(await mintAccessToken(realm, { claims: { exp: now - 10 } }))).status).toBe(200);
    expect((await getPhotos(await mintAccessToken(realm, { claims: { exp: now - 60 } }))).status).toBe(401);
  });

  it('accepts the realm’s RS256 key too, since the allow-list names it', async () => {
    const realm = await demoRealm();
    const rsa = realm.keys.all.find((k) => k.alg === 'RS256')!;
    const token = await signClaims(realm, { alg: 'RS256', typ: 'application/at+jwt', kid: rsa.kid }, rsa.privateKey, {
      sub: 'bob',
      aud: [realm.resource, 'x'],
      jti: 'y',
    });
    await realm.store.set(storeKeys.accessToken('y'), 'grant-y', 600);
    const { status, body } = await getPhotos(token);
    expect(status).toBe(200);
    expect(body.owner).toBe('bob');
  });
});
