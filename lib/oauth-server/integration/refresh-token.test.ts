import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';

import { HTTP, discover, introspect, oauthErrorOf, redeem, seedCode, verifyWithPublishedKeys, resetServer } from './harness';

beforeEach(resetServer);

const spa: oauth.Client = { client_id: 'spa' };

async function startGrant(as: oauth.AuthorizationServer) {
  const { code, codeVerifier, nonce } = await seedCode();
  return oauth.processAuthorizationCodeResponse(as, spa, await redeem(as, spa, oauth.None(), code, codeVerifier), { expectedNonce: nonce });
}

async function refresh(as: oauth.AuthorizationServer, token: string, scope?: string) {
  const options = scope ? { ...HTTP, additionalParameters: { scope } } : HTTP;
  return oauth.processRefreshTokenResponse(as, spa, await oauth.refreshTokenGrantRequest(as, spa, oauth.None(), token, options));
}

describe('refresh_token grant with rotation (RFC 6749 §6, RFC 9700 §4.14)', () => {
  it('rotates the refresh token on every use', async () => {
    const as = await discover();
    const first = await startGrant(as);
    const second = await refresh(as, first.refresh_token!);
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const third = await refresh(as, second.refresh_token!);
    expect(third.access_token).not.toBe(second.access_token);
    expect(oauth.getValidatedIdTokenClaims(third)?.sub).toBe('alice');
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const as = await discover();
    const first = await startGrant(as);
    const second = await refresh(as, first.refresh_token!);

    expect(await oauthErrorOf(refresh(as, first.refresh_token!))).toBe('invalid_grant');
    // The legitimate holder's newer tokens die with the family.
    expect(await oauthErrorOf(refresh(as, second.refresh_token!))).toBe('invalid_grant');
    expect((await introspect(as, second.access_token)).active).toBe(false);
    expect((await introspect(as, first.access_token)).active).toBe(false);
  });

  it('may narrow the scope but never widen it, and keeps the original scope for the next refresh', async () => {
    const as = await discover();
    const first = await startGrant(as);
    const narrowed = await refresh(as, first.refresh_token!, 'openid photos:read');
    expect(narrowed.scope).toBe('openid photos:read');
    const { payload } = await verifyWithPublishedKeys(as, narrowed.access_token);
    expect(payload.scope).toBe('openid photos:read');

    expect(await oauthErrorOf(refresh(as, narrowed.refresh_token!, 'photos:write'))).toBe('invalid_scope');
    const again = await refresh(as, narrowed.refresh_token!);
    expect(again.scope).toBe('openid profile email offline_access photos:read');
  });

  it('refuses a refresh token presented by another client without burning it', async () => {
    const as = await discover();
    const first = await startGrant(as);
    const web: oauth.Client = { client_id: 'web' };
    const response = await oauth.refreshTokenGrantRequest(as, web, oauth.ClientSecretBasic('web-secret'), first.refresh_token!, HTTP);
    expect(await oauthErrorOf(oauth.processRefreshTokenResponse(as, web, response))).toBe('invalid_grant');
    expect((await refresh(as, first.refresh_token!)).access_token).toBeDefined();
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const as = await discover();
    expect(await oauthErrorOf(refresh(as, 'not-a-token'))).toBe('invalid_grant');
  });
});
