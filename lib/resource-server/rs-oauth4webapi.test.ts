import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { inProcessFetch } from '../server-router';
import { TEST_ORIGIN } from './test-tokens';

/**
 * An independent client library end to end: oauth4webapi discovers the AS, gets a
 * client_credentials token (RFC 6749 §4.4) and calls the RS (RFC 6750 §2.1), all through the
 * in-process router that serves the same HTTP contract as the app.
 */
const HTTP = { [oauth.customFetch]: inProcessFetch, [oauth.allowInsecureRequests]: true } as const;
/** The RS options type allows Uint8Array bodies, which RequestInit's typing does not spell out. */
const RS_HTTP: oauth.ProtectedResourceRequestOptions = {
  [oauth.customFetch]: (url, options) => inProcessFetch(url, options as RequestInit),
  [oauth.allowInsecureRequests]: true,
};
const issuer = new URL(`${TEST_ORIGIN}/as/demo`);
const service: oauth.Client = { client_id: 'service' };

async function discover(): Promise<oauth.AuthorizationServer> {
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...HTTP }));
}

async function serviceToken(scope: string): Promise<string> {
  const as = await discover();
  const response = await oauth.clientCredentialsGrantRequest(as, service, oauth.ClientSecretBasic('service-secret'), { scope }, HTTP);
  return (await oauth.processClientCredentialsResponse(as, service, response)).access_token;
}

describe('a client_credentials token from the AS at the RS, via oauth4webapi', () => {
  it('reads the photos with a photos:read token', async () => {
    const token = await serviceToken('photos:read');
    const res = await oauth.protectedResourceRequest(token, 'GET', new URL(`${TEST_ORIGIN}/rs/demo/photos`), undefined, undefined, RS_HTTP);
    expect(res.status).toBe(200);
    expect((await res.json()).owner).toBe('service');
  });

  it('writes a photo with photos:write and gets 201', async () => {
    const token = await serviceToken('photos:write');
    const res = await oauth.protectedResourceRequest(
      token,
      'POST',
      new URL(`${TEST_ORIGIN}/rs/demo/photos`),
      new Headers({ 'content-type': 'application/json' }),
      JSON.stringify({ title: 'Backup of the bay' }),
      RS_HTTP,
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Backup of the bay', owner: 'service' });
  });

  it('is refused with 403 insufficient_scope when the token is narrower than the endpoint needs', async () => {
    const token = await serviceToken('photos:write');
    const error = await oauth
      .protectedResourceRequest(token, 'GET', new URL(`${TEST_ORIGIN}/rs/demo/photos`), undefined, undefined, RS_HTTP)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const challenge = error as oauth.WWWAuthenticateChallengeError;
    expect(challenge.status).toBe(403);
    expect(challenge.cause[0]).toMatchObject({ scheme: 'bearer', parameters: { error: 'insufficient_scope', scope: 'photos:read' } });
  });

  it('is refused with 401 invalid_token once the token is tampered with', async () => {
    const token = await serviceToken('photos:read');
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const error = await oauth
      .protectedResourceRequest(tampered, 'GET', new URL(`${TEST_ORIGIN}/rs/demo/photos`), undefined, undefined, RS_HTTP)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect((error as oauth.WWWAuthenticateChallengeError).cause[0].parameters.error).toBe('invalid_token');
  });

  it('is refused with 401 invalid_token after the client revoked the token at the AS (RFC 7009)', async () => {
    const token = await serviceToken('photos:read');
    const url = new URL(`${TEST_ORIGIN}/rs/demo/photos`);
    expect((await oauth.protectedResourceRequest(token, 'GET', url, undefined, undefined, RS_HTTP)).status).toBe(200);
    const as = await discover();
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, service, oauth.ClientSecretBasic('service-secret'), token, HTTP),
    );
    const error = await oauth.protectedResourceRequest(token, 'GET', url, undefined, undefined, RS_HTTP).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const { cause } = error as oauth.WWWAuthenticateChallengeError;
    expect(cause[0].parameters).toMatchObject({ error: 'invalid_token', error_description: expect.stringMatching(/revoked/) });
  });
});
