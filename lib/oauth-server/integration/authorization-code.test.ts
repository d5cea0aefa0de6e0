import * as oauth from 'oauth4webapi';
import { decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  HTTP,
  ORIGIN,
  discover,
  introspect,
  oauthErrorOf,
  redeem,
  seedCode,
  verifyWithPublishedKeys,
  resetServer,
  RESOURCE,
} from './harness';

beforeEach(resetServer);

const spa: oauth.Client = { client_id: 'spa' };
const web: oauth.Client = { client_id: 'web' };

describe('authorization_code grant (RFC 6749 §4.1.3, RFC 7636, OIDC Core §3.1.3)', () => {
  it('issues an RFC 9068 access token, a refresh token and an ID token that oauth4webapi validates', async () => {
    const as = await discover();
    const { code, codeVerifier, nonce } = await seedCode();
    const response = await redeem(as, spa, oauth.None(), code, codeVerifier);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = await oauth.processAuthorizationCodeResponse(as, spa, response, { expectedNonce: nonce, requireIdToken: true });

    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(600);
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const idClaims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(idClaims).toMatchObject({ sub: 'alice', aud: 'spa', azp: 'spa', nonce });
    expect(typeof idClaims.auth_time).toBe('number');

    const header = decodeProtectedHeader(tokens.access_token);
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const { payload } = await verifyWithPublishedKeys(as, tokens.access_token);
    expect(payload).toMatchObject({
      sub: 'alice',
      aud: RESOURCE,
      client_id: 'spa',
      scope: 'openid profile email offline_access photos:read',
    });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(typeof payload.jti).toBe('string');
    expect(payload.auth_time).toBe(idClaims.auth_time);
    await verifyWithPublishedKeys(as, tokens.id_token!);
  });

  it('puts the left half of the access token hash in at_hash (OIDC Core §3.1.3.6)', async () => {
    const as = await discover();
    const { code, codeVerifier, nonce } = await seedCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, spa, await redeem(as, spa, oauth.None(), code, codeVerifier), {
      expectedNonce: nonce,
    });
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(tokens.access_token).digest().subarray(0, 16).toString('base64url');
    expect(oauth.getValidatedIdTokenClaims(tokens)!.at_hash).toBe(expected);
  });

  it('issues neither ID token nor refresh token without openid and offline_access', async () => {
    const as = await discover();
    const { code, codeVerifier } = await seedCode({ scope: ['photos:read'], nonce: undefined });
    const tokens = await oauth.processAuthorizationCodeResponse(as, spa, await redeem(as, spa, oauth.None(), code, codeVerifier));
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe('photos:read');
  });

  it('authenticates the confidential web client with client_secret_post', async () => {
    const as = await discover();
    const { code, codeVerifier, nonce } = await seedCode({ clientId: 'web' });
    const response = await redeem(as, web, oauth.ClientSecretPost('web-secret'), code, codeVerifier);
    const tokens = await oauth.processAuthorizationCodeResponse(as, web, response, { expectedNonce: nonce });
    expect(oauth.getValidatedIdTokenClaims(tokens)!.aud).toBe('web');
  });

  it('refuses a wrong code_verifier with invalid_grant', async () => {
    const as = await discover();
    const { code } = await seedCode();
    const response = await redeem(as, spa, oauth.None(), code, oauth.generateRandomCodeVerifier());
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, response))).toBe('invalid_grant');
  });

  it('refuses a missing code_verifier when the code is bound to a challenge', async () => {
    const as = await discover();
    const { code } = await seedCode();
    const response = await redeem(as, spa, oauth.None(), code, oauth.nopkce);
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, response))).toBe('invalid_grant');
  });

  it('refuses a code_verifier for a code issued without a challenge (PKCE downgrade, RFC 9700 §4.8.2)', async () => {
    const as = await discover();
    const { code, codeVerifier } = await seedCode({ codeChallenge: undefined, codeChallengeMethod: undefined });
    const response = await redeem(as, spa, oauth.None(), code, codeVerifier);
    const error = await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, response));
    expect(error).toBe('invalid_grant');
  });

  it('refuses a code issued to another client, and a different redirect_uri', async () => {
    const as = await discover();
    const stolen = await seedCode({ clientId: 'web' });
    const response = await redeem(as, spa, oauth.None(), stolen.code, stolen.codeVerifier);
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, response))).toBe('invalid_grant');

    const other = await seedCode();
    const params = new URLSearchParams({ code: other.code, iss: as.issuer });
    const callback = oauth.validateAuthResponse(as, spa, params, oauth.expectNoState);
    const wrongRedirect = await oauth.authorizationCodeGrantRequest(
      as,
      spa,
      oauth.None(),
      callback,
      `${ORIGIN}/flows/callback/evil`,
      other.codeVerifier,
      HTTP,
    );
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, wrongRedirect))).toBe('invalid_grant');
  });

  it('refuses a second redemption and revokes the tokens the first one issued (RFC 6749 §4.1.2)', async () => {
    const as = await discover();
    const { code, codeVerifier, nonce } = await seedCode();
    const first = await oauth.processAuthorizationCodeResponse(as, spa, await redeem(as, spa, oauth.None(), code, codeVerifier), {
      expectedNonce: nonce,
    });
    expect((await introspect(as, first.access_token)).active).toBe(true);

    const replay = await redeem(as, spa, oauth.None(), code, codeVerifier);
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, spa, replay))).toBe('invalid_grant');

    expect((await introspect(as, first.access_token)).active).toBe(false);
    expect((await introspect(as, first.refresh_token!)).active).toBe(false);
    const refresh = await oauth.refreshTokenGrantRequest(as, spa, oauth.None(), first.refresh_token!, HTTP);
    expect(await oauthErrorOf(oauth.processRefreshTokenResponse(as, spa, refresh))).toBe('invalid_grant');
  });

  it('tells the service client it may not use the authorization_code grant', async () => {
    const as = await discover();
    const service: oauth.Client = { client_id: 'service' };
    const { code, codeVerifier } = await seedCode({ clientId: 'service' });
    const response = await redeem(as, service, oauth.ClientSecretBasic('service-secret'), code, codeVerifier);
    expect(await oauthErrorOf(oauth.processAuthorizationCodeResponse(as, service, response))).toBe('unauthorized_client');
  });
});
