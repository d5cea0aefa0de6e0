import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';

import { inProcessFetch } from '../../server-router';
import { HTTP, discover, introspect, oauthErrorOf, redeem, seedCode, resetServer, RESOURCE } from './harness';

beforeEach(resetServer);

const spa: oauth.Client = { client_id: 'spa' };
const web: oauth.Client = { client_id: 'web' };

async function introspectAs(as: oauth.AuthorizationServer, clientId: string, secret: string, token: string) {
  const client = { client_id: clientId };
  return oauth.processIntrospectionResponse(
    as,
    client,
    await oauth.introspectionRequest(as, client, oauth.ClientSecretBasic(secret), token, HTTP),
  );
}

async function aliceTokens(as: oauth.AuthorizationServer, scope?: string[]) {
  const openid = !scope || scope.includes('openid');
  const { code, codeVerifier, nonce } = await seedCode(scope ? { scope, nonce: openid ? 'n-0S6_WzA2Mj' : undefined } : {});
  const response = await redeem(as, spa, oauth.None(), code, codeVerifier);
  return oauth.processAuthorizationCodeResponse(as, spa, response, openid ? { expectedNonce: nonce } : {});
}

describe('introspection (RFC 7662)', () => {
  it('describes a live access token and a live refresh token', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const access = await introspect(as, tokens.access_token);
    expect(access).toMatchObject({
      active: true,
      client_id: 'spa',
      sub: 'alice',
      aud: RESOURCE,
      iss: as.issuer,
      token_type: 'Bearer',
      scope: 'openid profile email offline_access photos:read',
    });
    expect(typeof access.exp).toBe('number');
    expect(typeof access.iat).toBe('number');
    const refresh = await introspect(as, tokens.refresh_token!);
    expect(refresh).toMatchObject({ active: true, client_id: 'spa', sub: 'alice' });
  });

  it('says only active:false for garbage', async () => {
    const as = await discover();
    expect(await introspect(as, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toEqual({ active: false });
  });

  it("answers only active:false to a confidential client asking about another client's tokens (RFC 7662 §4)", async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    expect(await introspectAs(as, 'web', 'web-secret', tokens.access_token)).toEqual({ active: false });
    expect(await introspectAs(as, 'web', 'web-secret', tokens.refresh_token!)).toEqual({ active: false });
    expect(await introspectAs(as, 'service', 'service-secret', tokens.access_token)).toEqual({ active: false });
  });

  it("describes a client's own tokens to it", async () => {
    const as = await discover();
    const { code, codeVerifier, nonce } = await seedCode({ clientId: 'web' });
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      web,
      await redeem(as, web, oauth.ClientSecretBasic('web-secret'), code, codeVerifier),
      { expectedNonce: nonce },
    );
    expect(await introspectAs(as, 'web', 'web-secret', tokens.access_token)).toMatchObject({
      active: true,
      client_id: 'web',
      sub: 'alice',
    });
    expect(await introspectAs(as, 'web', 'web-secret', tokens.refresh_token!)).toMatchObject({ active: true, client_id: 'web' });
  });

  it("describes any client's tokens to the resource server's own credentials (rs), which get no tokens themselves", async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    expect(await introspectAs(as, 'rs', 'rs-secret', tokens.access_token)).toMatchObject({
      active: true,
      client_id: 'spa',
      sub: 'alice',
      aud: RESOURCE,
    });
    expect(await introspectAs(as, 'rs', 'rs-secret', tokens.refresh_token!)).toMatchObject({ active: true, client_id: 'spa' });
    const rs: oauth.Client = { client_id: 'rs' };
    const grant = await oauth.clientCredentialsGrantRequest(as, rs, oauth.ClientSecretBasic('rs-secret'), new URLSearchParams(), HTTP);
    expect(await oauthErrorOf(oauth.processClientCredentialsResponse(as, rs, grant))).toBe('unauthorized_client');
  });

  it('refuses a public client with 401 invalid_client', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const response = await oauth.introspectionRequest(as, spa, oauth.None(), tokens.access_token, HTTP);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('revocation (RFC 7009)', () => {
  it('revokes a refresh token and with it the grant (its access tokens too)', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const response = await oauth.revocationRequest(as, spa, oauth.None(), tokens.refresh_token!, {
      ...HTTP,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    await oauth.processRevocationResponse(response);
    expect((await introspect(as, tokens.refresh_token!)).active).toBe(false);
    expect((await introspect(as, tokens.access_token)).active).toBe(false);
    const refresh = await oauth.refreshTokenGrantRequest(as, spa, oauth.None(), tokens.refresh_token!, HTTP);
    expect(await oauthErrorOf(oauth.processRefreshTokenResponse(as, spa, refresh))).toBe('invalid_grant');
  });

  it('finds an access token even behind a wrong token_type_hint', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const response = await oauth.revocationRequest(as, spa, oauth.None(), tokens.access_token, {
      ...HTTP,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    await oauth.processRevocationResponse(response);
    expect((await introspect(as, tokens.access_token)).active).toBe(false);
  });

  it('answers 200 for an unknown token', async () => {
    const as = await discover();
    const response = await oauth.revocationRequest(as, spa, oauth.None(), 'never-issued', HTTP);
    expect(response.status).toBe(200);
  });

  it("leaves another client's token alone", async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const web: oauth.Client = { client_id: 'web' };
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, web, oauth.ClientSecretBasic('web-secret'), tokens.refresh_token!, HTTP),
    );
    expect((await introspect(as, tokens.refresh_token!)).active).toBe(true);
  });
});

describe('userinfo (OIDC Core §5.3)', () => {
  it('returns the claims the scopes allow', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    const response = await oauth.userInfoRequest(as, spa, tokens.access_token, HTTP);
    const claims = await oauth.processUserInfoResponse(as, spa, 'alice', response);
    expect(claims).toEqual({ sub: 'alice', name: 'Alice Liddell', email: 'alice@example.com', email_verified: true });
  });

  it('leaves out claims whose scope was not granted', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as, ['openid']);
    const claims = await oauth.processUserInfoResponse(as, spa, 'alice', await oauth.userInfoRequest(as, spa, tokens.access_token, HTTP));
    expect(claims).toEqual({ sub: 'alice' });
  });

  it('answers a token without openid with 403 insufficient_scope and a Bearer challenge', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as, ['photos:read']);
    const response = await oauth.userInfoRequest(as, spa, tokens.access_token, HTTP);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="insufficient_scope".*scope="openid"/);
  });

  it('answers a revoked or forged token with 401 invalid_token', async () => {
    const as = await discover();
    const tokens = await aliceTokens(as);
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, spa, oauth.None(), tokens.access_token, HTTP));
    const revoked = await oauth.userInfoRequest(as, spa, tokens.access_token, HTTP);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

    const [h, p] = tokens.access_token.split('.');
    const forged = await inProcessFetch(as.userinfo_endpoint!, { headers: { authorization: `Bearer ${h}.${p}.AAAA` } });
    expect(forged.status).toBe(401);
  });

  it('answers a request without a token with a bare Bearer challenge', async () => {
    const as = await discover();
    const response = await inProcessFetch(as.userinfo_endpoint!);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer realm="${as.issuer}"`);
  });
});
