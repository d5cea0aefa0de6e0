import { describe, expect, it } from 'vitest';
import { resolveRealm } from '../realms/registry';
import type { Realm } from '../realms/types';
import { handleServerRequest } from '../server-router';
import { bearerRequest, demoRealm, mintAccessToken } from './test-tokens';
import { VerifiedTokenCache } from './verified-token-cache';

const at = (realm: Realm, now: number): Realm => ({ ...realm, clock: { nowSeconds: () => now } });

describe('the verified-token cache', () => {
  it('forgets a token once its exp plus the tolerance has passed', async () => {
    const realm = await demoRealm();
    const cache = new VerifiedTokenCache<string>();
    cache.set(realm, 'tok', 'claims', 1000);
    expect(cache.get(at(realm, 1029), 'tok', 30)).toBe('claims');
    expect(cache.get(at(realm, 1030), 'tok', 30)).toBeUndefined();
    expect(cache.get(at(realm, 1000), 'tok', 30)).toBeUndefined();
  });

  it('keeps verdicts apart per issuer/resource and per key set', async () => {
    const realm = await demoRealm();
    const other = (await resolveRealm('demo', 'http://127.0.0.1:3000'))!;
    const cache = new VerifiedTokenCache<string>();
    cache.set(realm, 'tok', 'claims', 4e9);
    expect(cache.get(other, 'tok', 0)).toBeUndefined();
    expect(cache.get({ ...realm, keys: { ...realm.keys } }, 'tok', 0)).toBeUndefined();
    expect(cache.get({ ...realm, algorithms: ['ES256', 'HS256'] }, 'tok', 0)).toBeUndefined();
    expect(cache.get({ ...realm, weaknesses: ['rs-skips-aud'] }, 'tok', 0)).toBeUndefined();
  });

  it('holds at most its size, dropping the oldest first', async () => {
    const realm = await demoRealm();
    const cache = new VerifiedTokenCache<number>(3);
    for (let i = 0; i < 4; i++) cache.set(realm, `t${i}`, i, 4e9);
    expect(cache.get(realm, 't0', 0)).toBeUndefined();
    expect([1, 2, 3].map((i) => cache.get(realm, `t${i}`, 0))).toEqual([1, 2, 3]);
  });

  it('does not let a token verified for one origin pass at another', async () => {
    const realm = await demoRealm();
    const token = await mintAccessToken(realm);
    expect((await handleServerRequest(bearerRequest('/rs/demo/photos', token))).status).toBe(200);
    const elsewhere = await handleServerRequest(
      new Request('http://127.0.0.1:3000/rs/demo/photos', { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(elsewhere.status).toBe(401);
  });
});
