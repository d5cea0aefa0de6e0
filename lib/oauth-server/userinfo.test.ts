import { describe, expect, it } from 'vitest';

import { withOAuthErrors } from './errors';
import { issueAccessToken } from './issue/access-token';
import { formPost, testRealm, TEST_ORIGIN } from './test-fixtures/realm';
import { userinfoEndpoint } from './userinfo';

const URL_ = `${TEST_ORIGIN}/as/demo/userinfo`;
const handler = withOAuthErrors(userinfoEndpoint);

async function aliceToken(scope = ['openid', 'email']) {
  const realm = await testRealm();
  const { token } = await issueAccessToken(realm, {
    sub: 'alice',
    clientId: 'spa',
    scope,
    grantId: 'g1',
    authTime: realm.clock.nowSeconds(),
  });
  return { realm, token };
}

describe('userinfo (OIDC Core §5.3, RFC 6750 §2)', () => {
  it('accepts the token in a form body on POST (RFC 6750 §2.2)', async () => {
    const { realm, token } = await aliceToken();
    const response = await handler(formPost(URL_, { access_token: token }), realm);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: 'alice', email: 'alice@example.com', email_verified: true });
  });

  it('refuses a token sent in the header and the body at once', async () => {
    const { realm, token } = await aliceToken();
    const response = await handler(formPost(URL_, { access_token: token }, { Authorization: `Bearer ${token}` }), realm);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses an expired token with invalid_token, judged on the realm clock', async () => {
    const { realm, token } = await aliceToken();
    realm.clock.advance(realm.lifetimes.accessToken);
    const response = await handler(new Request(URL_, { headers: { Authorization: `Bearer ${token}` } }), realm);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await response.json()).error_description).toMatch(/expired/);
  });

  it('refuses a non-Bearer scheme with invalid_request', async () => {
    const { realm } = await aliceToken();
    const response = await handler(new Request(URL_, { headers: { Authorization: 'Basic abc' } }), realm);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});
