import * as oauth from 'oauth4webapi';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';

import { inProcessFetch } from '../../server-router';
import { CALLBACK, HTTP, RESOURCE, callbackParams, discover, introspect, oauthErrorOf, resetServer, seedCode } from './harness';

/**
 * RFC 9449 end to end, with oauth4webapi's own DPoP support as the independent client: its proofs,
 * its thumbprint, its `Authorization: DPoP` requests. Runs against `demo` and a hardened lab realm.
 */
beforeEach(resetServer);

const service: oauth.Client = { client_id: 'service' };
const spa: oauth.Client = { client_id: 'spa' };
const RS_HTTP: oauth.ProtectedResourceRequestOptions = {
  [oauth.customFetch]: (url, options) => inProcessFetch(url, options as RequestInit),
  [oauth.allowInsecureRequests]: true,
};

async function newDPoP(client: oauth.Client) {
  return oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
}

async function serviceToken(as: oauth.AuthorizationServer, DPoP: oauth.DPoPHandle, scope = 'photos:read') {
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    service,
    oauth.ClientSecretBasic('service-secret'),
    { scope },
    { ...HTTP, DPoP },
  );
  return oauth.processClientCredentialsResponse(as, service, response);
}

const photos = () => new URL(`${RESOURCE}/photos`);

/** The error code of the first challenge of a refused resource request, and its scheme. */
async function challengeOf(promise: Promise<Response>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  const { status, cause } = error as oauth.WWWAuthenticateChallengeError;
  return { status, scheme: cause[0].scheme, error: cause[0].parameters.error, schemes: cause.map((c) => c.scheme) };
}

describe('DPoP at the token endpoint (RFC 9449 §5)', () => {
  it('issues token_type DPoP with cnf.jkt = the thumbprint of oauth4webapi’s key (§6.1)', async () => {
    const as = await discover();
    expect(as.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256', 'RS256', 'PS256', 'EdDSA']));
    expect(as.dpop_signing_alg_values_supported).not.toContain('none');
    const DPoP = await newDPoP(service);
    const tokens = await serviceToken(as, DPoP);
    expect(tokens.token_type).toBe('dpop');
    expect(decodeJwt(tokens.access_token).cnf).toEqual({ jkt: await DPoP.calculateThumbprint() });
  });

  it('issues a plain Bearer token without a DPoP header', async () => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('service-secret'),
      { scope: 'photos:read' },
      HTTP,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, service, response);
    expect(tokens.token_type).toBe('bearer');
    expect(decodeJwt(tokens.access_token).cnf).toBeUndefined();
  });

  it('refuses a replayed proof with invalid_dpop_proof (RFC 6749 §5.2 JSON, 400)', async () => {
    const as = await discover();
    const DPoP = await newDPoP(service);
    let proof = '';
    const spy = {
      ...HTTP,
      DPoP,
      [oauth.customFetch]: (url: string, init: RequestInit) => {
        proof = new Headers(init.headers).get('dpop') ?? '';
        return inProcessFetch(url, init);
      },
    };
    await oauth.processClientCredentialsResponse(
      as,
      service,
      await oauth.clientCredentialsGrantRequest(as, service, oauth.ClientSecretBasic('service-secret'), { scope: 'photos:read' }, spy),
    );
    const replay = await inProcessFetch(as.token_endpoint!, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa('service:service-secret')}`,
        dpop: proof,
      },
      body: 'grant_type=client_credentials&scope=photos:read',
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('cache-control')).toBe('no-store');
    expect(await replay.json()).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringMatching(/already used/) });
  });

  it('refuses a proof made for another endpoint (htu) without issuing anything', async () => {
    const as = await discover();
    // oauth4webapi's own hook to alter a proof before it signs it: here, the introspection endpoint's URL.
    const keyPair = await oauth.generateKeyPair('ES256');
    const DPoP = oauth.DPoP(service, keyPair, {
      [oauth.modifyAssertion]: (_header, payload) => {
        payload.htu = `${as.issuer}/introspect`;
      },
    });
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('service-secret'),
      { scope: 'photos:read' },
      { ...HTTP, DPoP },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringMatching(/htu/) });
  });

  it('binds a public client’s refresh token to the key: refreshing needs a proof with that key', async () => {
    const as = await discover();
    const DPoP = await newDPoP(spa);
    const { code, codeVerifier, nonce } = await seedCode();
    const first = await oauth.processAuthorizationCodeResponse(
      as,
      spa,
      await oauth.authorizationCodeGrantRequest(as, spa, oauth.None(), callbackParams(as, spa, code), CALLBACK, codeVerifier, {
        ...HTTP,
        DPoP,
      }),
      { expectedNonce: nonce },
    );
    expect(first.token_type).toBe('dpop');
    const refreshToken = first.refresh_token!;
    expect((await introspect(as, refreshToken)).cnf).toEqual({ jkt: await DPoP.calculateThumbprint() });

    const thief = await newDPoP(spa);
    expect(
      await oauthErrorOf(
        oauth
          .refreshTokenGrantRequest(as, spa, oauth.None(), refreshToken, { ...HTTP, DPoP: thief })
          .then((r) => oauth.processRefreshTokenResponse(as, spa, r)),
      ),
    ).toBe('invalid_grant');
    expect(
      await oauthErrorOf(
        oauth
          .refreshTokenGrantRequest(as, spa, oauth.None(), refreshToken, HTTP)
          .then((r) => oauth.processRefreshTokenResponse(as, spa, r)),
      ),
    ).toBe('invalid_dpop_proof');

    // Neither refusal spent the token: its holder refreshes with its own key.
    const second = await oauth.processRefreshTokenResponse(
      as,
      spa,
      await oauth.refreshTokenGrantRequest(as, spa, oauth.None(), refreshToken, { ...HTTP, DPoP }),
    );
    expect(second.token_type).toBe('dpop');
    expect(decodeJwt(second.access_token).cnf).toEqual({ jkt: await DPoP.calculateThumbprint() });
    // The rotated refresh token keeps the binding.
    expect(
      await oauthErrorOf(
        oauth
          .refreshTokenGrantRequest(as, spa, oauth.None(), second.refresh_token!, HTTP)
          .then((r) => oauth.processRefreshTokenResponse(as, spa, r)),
      ),
    ).toBe('invalid_dpop_proof');
  });
});

describe('DPoP at the resource server (RFC 9449 §7)', () => {
  it('answers 200 to protectedResourceRequest with the DPoP handle, reporting dpop=pass', async () => {
    const as = await discover();
    const DPoP = await newDPoP(service);
    const { access_token } = await serviceToken(as, DPoP);
    const res = await oauth.protectedResourceRequest(access_token, 'GET', photos(), undefined, undefined, { ...RS_HTTP, DPoP });
    expect(res.status).toBe(200);
    expect((await res.json()).owner).toBe('service');
    expect(res.headers.get('flowlab-checks')).toMatch(/active=pass, dpop=pass, scope=pass/);
  });

  it('refuses the same token sent as Bearer with 401 invalid_token (the §7.2 downgrade)', async () => {
    const as = await discover();
    const { access_token } = await serviceToken(as, await newDPoP(service));
    const refused = await challengeOf(oauth.protectedResourceRequest(access_token, 'GET', photos(), undefined, undefined, RS_HTTP));
    expect(refused).toMatchObject({ status: 401, scheme: 'bearer', error: 'invalid_token' });
    expect(refused.schemes).toContain('dpop');
  });

  it('refuses a proof signed with another key with 401 invalid_dpop_proof and a DPoP challenge', async () => {
    const as = await discover();
    const { access_token } = await serviceToken(as, await newDPoP(service));
    const refused = await challengeOf(
      oauth.protectedResourceRequest(access_token, 'GET', photos(), undefined, undefined, { ...RS_HTTP, DPoP: await newDPoP(service) }),
    );
    expect(refused).toMatchObject({ status: 401, scheme: 'dpop', error: 'invalid_dpop_proof' });
  });

  it('refuses a replayed proof with 401 invalid_dpop_proof', async () => {
    const as = await discover();
    const DPoP = await newDPoP(service);
    const { access_token } = await serviceToken(as, DPoP);
    let sent: Record<string, string> = {};
    const spy: oauth.ProtectedResourceRequestOptions = {
      ...RS_HTTP,
      DPoP,
      [oauth.customFetch]: (url, init) => {
        sent = init.headers as Record<string, string>;
        return inProcessFetch(url, init as RequestInit);
      },
    };
    expect((await oauth.protectedResourceRequest(access_token, 'GET', photos(), undefined, undefined, spy)).status).toBe(200);
    const replay = await inProcessFetch(photos().href, { headers: sent });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).toMatch(
      /^DPoP error="invalid_dpop_proof", error_description="[^"]+", algs="[^"]+", Bearer realm="/,
    );
    expect(replay.headers.get('flowlab-checks')).toMatch(/dpop=fail$/);
  });

  it('refuses a DPoP-bound token sent with the DPoP scheme but no proof', async () => {
    const as = await discover();
    const { access_token } = await serviceToken(as, await newDPoP(service));
    const res = await inProcessFetch(photos().href, { headers: { authorization: `DPoP ${access_token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_dpop_proof"/);
  });

  it('refuses a plain bearer token sent with the DPoP scheme', async () => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('service-secret'),
      { scope: 'photos:read' },
      HTTP,
    );
    const { access_token } = await oauth.processClientCredentialsResponse(as, service, response);
    const refused = await challengeOf(
      oauth.protectedResourceRequest(access_token, 'GET', photos(), undefined, undefined, { ...RS_HTTP, DPoP: await newDPoP(service) }),
    );
    expect(refused).toMatchObject({ status: 401, scheme: 'dpop', error: 'invalid_token' });
  });

  it('keeps the Bearer-only challenge for a plain bearer token', async () => {
    const res = await inProcessFetch(photos().href, { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+", error="invalid_token", error_description="[^"]+"$/);
  });

  it('is described by introspection as token_type DPoP with cnf.jkt (§6.2)', async () => {
    const as = await discover();
    const DPoP = await newDPoP(service);
    const { access_token } = await serviceToken(as, DPoP);
    expect(await introspect(as, access_token)).toMatchObject({
      active: true,
      token_type: 'DPoP',
      cnf: { jkt: await DPoP.calculateThumbprint() },
    });
  });

  it('serves userinfo to a DPoP-bound token with its proof, and refuses it as Bearer', async () => {
    const as = await discover();
    const DPoP = await newDPoP(spa);
    const { code, codeVerifier, nonce } = await seedCode();
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      spa,
      await oauth.authorizationCodeGrantRequest(as, spa, oauth.None(), callbackParams(as, spa, code), CALLBACK, codeVerifier, {
        ...HTTP,
        DPoP,
      }),
      { expectedNonce: nonce },
    );
    const ok = await oauth.userInfoRequest(as, spa, tokens.access_token, { ...HTTP, DPoP });
    expect(ok.status).toBe(200);
    expect((await ok.json()).sub).toBe('alice');
    const refused = await inProcessFetch(as.userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+", error="invalid_token"/);
  });
});

describe('DPoP with opaque access tokens (a lab realm with accessTokenFormat: opaque)', () => {
  it('records cnf.jkt with the token, so the RS and introspection enforce and report the binding', async () => {
    const created = await inProcessFetch(`${new URL(RESOURCE).origin}/api/realms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ weaknesses: [], settings: { accessTokenFormat: 'opaque' } }),
    });
    expect(created.status).toBe(201);
    const { issuer, resource } = (await created.json()) as { issuer: string; resource: string };
    const as = await oauth.processDiscoveryResponse(
      new URL(issuer),
      await oauth.discoveryRequest(new URL(issuer), { algorithm: 'oidc', ...HTTP }),
    );
    const DPoP = await newDPoP(service);
    const { access_token, token_type } = await serviceToken(as, DPoP);
    expect(token_type).toBe('dpop');
    expect(access_token).not.toContain('.');
    const url = new URL(`${resource}/photos`);
    expect((await oauth.protectedResourceRequest(access_token, 'GET', url, undefined, undefined, { ...RS_HTTP, DPoP })).status).toBe(200);
    expect(await challengeOf(oauth.protectedResourceRequest(access_token, 'GET', url, undefined, undefined, RS_HTTP))).toMatchObject({
      status: 401,
      error: 'invalid_token',
    });
    expect(await introspect(as, access_token)).toMatchObject({
      active: true,
      token_type: 'DPoP',
      cnf: { jkt: await DPoP.calculateThumbprint() },
    });
  });
});
