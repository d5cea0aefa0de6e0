import { describe, expect, it } from 'vitest';

import { asBackChannelRoutes } from './back-channel';
import { withOAuthErrors } from './errors';
import { s256Challenge } from './pkce';
import { storeKeys, type DeviceAuthorizationRecord } from './records';
import { basic, formPost, testRealm, TEST_ORIGIN, withWeaknesses } from './test-fixtures/realm';
import type { Realm } from '../realms/types';

const ISSUER = `${TEST_ORIGIN}/as/demo`;

/** Calls a back-channel handler as the mount adapter would: every throw becomes an RFC error response. */
async function call(sub: string, request: Request, realm: Realm) {
  const response = await withOAuthErrors(asBackChannelRoutes[sub])(request, realm);
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const serviceToken = (realm: Realm) =>
  call(
    'token',
    formPost(`${ISSUER}/token`, { grant_type: 'client_credentials' }, { Authorization: basic('service', 'service-secret') }),
    realm,
  );

describe('token endpoint request hygiene (RFC 6749 §3.2)', () => {
  it('answers GET with 405 and Allow: POST', async () => {
    const { response, body } = await call('token', new Request(`${ISSUER}/token`), await testRealm());
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(body).toMatchObject({ error: 'invalid_request' });
  });

  it.each([
    [
      'a JSON body',
      new Request(`${ISSUER}/token`, {
        method: 'POST',
        body: '{"grant_type":"client_credentials"}',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    ['a repeated parameter', formPost(`${ISSUER}/token`, 'grant_type=client_credentials&grant_type=client_credentials')],
    ['no grant_type', formPost(`${ISSUER}/token`, 'scope=photos:read')],
    ['a body over 64 KiB', formPost(`${ISSUER}/token`, `grant_type=client_credentials&x=${'a'.repeat(70_000)}`)],
  ])('refuses %s with invalid_request and no-store', async (_label, request) => {
    const { response, body } = await call('token', request, await testRealm());
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers a successful grant with no-store', async () => {
    const { response, body } = await serviceToken(await testRealm());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
  });
});

describe('one-time codes under concurrency', () => {
  it('lets exactly one of two simultaneous redemptions of a code succeed', async () => {
    const realm = await testRealm();
    const verifier = 'v'.repeat(43);
    const redirect = `${TEST_ORIGIN}/flows/callback`;
    await realm.store.set(
      storeKeys.code('c2'),
      {
        clientId: 'spa',
        redirectUri: redirect,
        scope: ['openid'],
        sub: 'alice',
        authTime: 1,
        grantId: 'g2',
        codeChallenge: s256Challenge(verifier),
        codeChallengeMethod: 'S256',
      },
      60,
    );
    const redeem = () =>
      call(
        'token',
        formPost(`${ISSUER}/token`, {
          grant_type: 'authorization_code',
          code: 'c2',
          redirect_uri: redirect,
          client_id: 'spa',
          code_verifier: verifier,
        }),
        realm,
      );
    const results = await Promise.all([redeem(), redeem()]);
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 400]);
  });
});

describe('lifetimes, on the realm clock', () => {
  it('makes an access token inactive once its 600 seconds have passed', async () => {
    const realm = await testRealm();
    const token = String((await serviceToken(realm)).body!.access_token);
    const ask = () => call('introspect', formPost(`${ISSUER}/introspect`, { token }, { Authorization: basic('rs', 'rs-secret') }), realm);
    realm.clock.advance(599);
    expect((await ask()).body).toMatchObject({ active: true });
    realm.clock.advance(1);
    expect((await ask()).body).toEqual({ active: false });
  });

  it('forgets an authorization code after its 60 seconds', async () => {
    const realm = await testRealm();
    await realm.store.set(
      storeKeys.code('c1'),
      { clientId: 'spa', redirectUri: `${TEST_ORIGIN}/flows/callback`, scope: ['openid'], sub: 'alice', authTime: 1, grantId: 'g' },
      60,
    );
    realm.clock.advance(60);
    const { body } = await call(
      'token',
      formPost(`${ISSUER}/token`, {
        grant_type: 'authorization_code',
        code: 'c1',
        redirect_uri: `${TEST_ORIGIN}/flows/callback`,
        client_id: 'spa',
      }),
      realm,
    );
    expect(body).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('device_code polling interval (RFC 8628 §3.5)', () => {
  async function seeded(realm: Realm, clientId = 'tv') {
    const record: DeviceAuthorizationRecord = {
      clientId,
      scope: ['openid'],
      userCode: 'BCDFGHJK',
      expiresAt: realm.clock.nowSeconds() + 600,
      interval: 5,
      grantId: 'g1',
    };
    // Kept past expiry, as the device_authorization endpoint does, so a late poll can hear expired_token.
    await realm.store.set(storeKeys.device('dc'), record, 660);
    return () =>
      call(
        'token',
        formPost(`${ISSUER}/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dc', client_id: 'tv' }),
        realm,
      );
  }

  it('accepts a poll after the interval, and after slow_down waits for the grown interval', async () => {
    const realm = await testRealm();
    const poll = await seeded(realm);
    expect((await poll()).body!.error).toBe('authorization_pending');
    realm.clock.advance(5);
    expect((await poll()).body!.error).toBe('authorization_pending');
    realm.clock.advance(4);
    expect((await poll()).body!.error).toBe('slow_down');
    realm.clock.advance(9);
    expect((await poll()).body!.error).toBe('slow_down');
    realm.clock.advance(15);
    expect((await poll()).body!.error).toBe('authorization_pending');
    expect((await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device('dc')))!.interval).toBe(15);
  });

  it('refuses a device code issued to another client with invalid_grant', async () => {
    const realm = await testRealm();
    const clients = new Map(realm.clients);
    clients.set('tv2', { ...realm.clients.get('tv')!, clientId: 'tv2' });
    await seeded(realm, 'tv2');
    const { body } = await call(
      'token',
      formPost(`${ISSUER}/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dc', client_id: 'tv' }),
      { ...realm, clients },
    );
    expect(body).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers expired_token once the code expired, even while the store still holds it', async () => {
    const realm = await testRealm();
    const poll = await seeded(realm);
    realm.clock.advance(600);
    expect((await poll()).body!.error).toBe('expired_token');
  });
});

describe('policy points for lab realms', () => {
  it('runs the password grant only where passwordGrant is allow (RFC 9700 §2.4)', async () => {
    const demo = await testRealm();
    const lab: Realm = withWeaknesses(demo, 'as-password-grant-allowed');
    const form = (password: string) =>
      formPost(
        `${ISSUER}/token`,
        { grant_type: 'password', username: 'alice', password, scope: 'openid' },
        { Authorization: basic('legacy-app', 'legacy-secret') },
      );
    expect((await call('token', form('wonderland'), demo)).body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await call('token', form('wonderland'), lab)).body).toMatchObject({ token_type: 'Bearer', scope: 'openid' });
    expect((await call('token', form('nope'), lab)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('advertises the lab realm grants in discovery and keeps demo clean', async () => {
    const demo = await testRealm();
    const lab: Realm = withWeaknesses(demo, 'as-password-grant-allowed', 'as-pkce-plain-accepted');
    const get = (realm: Realm) =>
      call('.well-known/openid-configuration', new Request(`${ISSUER}/.well-known/openid-configuration`), realm);
    expect((await get(demo)).body!.grant_types_supported).not.toContain('password');
    expect((await get(lab)).body).toMatchObject({ code_challenge_methods_supported: ['S256', 'plain'] });
    expect((await get(lab)).body!.grant_types_supported).toContain('password');
  });
});
