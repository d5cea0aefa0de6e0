import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';

import { publicOnly, realmJwks } from './jwks';
import { testRealm } from './test-fixtures/realm';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

describe('JWKS (RFC 7517 §5)', () => {
  it('strips every private member even from a private JWK', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    expect(jwk.d).toBeDefined();
    const published = publicOnly({ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' });
    for (const member of PRIVATE_MEMBERS) expect(published).not.toHaveProperty(member);
    expect(published).toMatchObject({ kty: 'RSA', kid: 'k1', n: jwk.n, e: jwk.e });
  });

  it("lists the realm's ES256 key first, as the default, then its RS256 key", async () => {
    const realm = await testRealm();
    const { keys } = realmJwks(realm);
    expect(keys.map((k) => [k.alg, k.kid])).toEqual(realm.keys.all.map((k) => [k.alg, k.kid]));
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  });
});
