import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';

import { inProcessFetch } from '../../server-router';
import { HTTP, discover, oauthErrorOf, verifyWithPublishedKeys, resetServer } from './harness';

beforeEach(resetServer);

const service: oauth.Client = { client_id: 'service' };

describe('client_credentials grant (RFC 6749 §4.4)', () => {
  it.each([
    ['client_secret_basic', oauth.ClientSecretBasic('service-secret')],
    ['client_secret_post', oauth.ClientSecretPost('service-secret')],
  ])('issues an access token whose sub is the client, authenticating with %s', async (_method, auth) => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(as, service, auth, { scope: 'photos:read' }, HTTP);
    const tokens = await oauth.processClientCredentialsResponse(as, service, response);
    expect(tokens.scope).toBe('photos:read');
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeUndefined();
    const { payload, protectedHeader } = await verifyWithPublishedKeys(as, tokens.access_token);
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ sub: 'service', client_id: 'service', scope: 'photos:read' });
    expect(payload.auth_time).toBeUndefined();
  });

  it('grants every allowed scope when none is asked for', async () => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(as, service, oauth.ClientSecretBasic('service-secret'), {}, HTTP);
    expect((await oauth.processClientCredentialsResponse(as, service, response)).scope).toBe('photos:read photos:write');
  });

  it('refuses a scope the client may not have with invalid_scope', async () => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('service-secret'),
      { scope: 'openid' },
      HTTP,
    );
    expect(await oauthErrorOf(oauth.processClientCredentialsResponse(as, service, response))).toBe('invalid_scope');
  });

  it('answers a wrong Basic secret with 401 invalid_client and a Basic challenge', async () => {
    const as = await discover();
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      service,
      oauth.ClientSecretBasic('wrong'),
      { scope: 'photos:read' },
      HTTP,
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a client that is not allowed the grant with unauthorized_client', async () => {
    const as = await discover();
    const web: oauth.Client = { client_id: 'web' };
    const response = await oauth.clientCredentialsGrantRequest(as, web, oauth.ClientSecretBasic('web-secret'), {}, HTTP);
    expect(await oauthErrorOf(oauth.processClientCredentialsResponse(as, web, response))).toBe('unauthorized_client');
  });

  it.each([
    ['password', 'grant_type=password&username=alice&password=wonderland&client_id=legacy-app&client_secret=legacy-secret'],
    ['implicit', 'grant_type=implicit&client_id=legacy-spa'],
    ['an unknown grant', 'grant_type=urn:example:nope&client_id=spa'],
  ])('refuses %s with unsupported_grant_type in demo (RFC 9700 §2.4)', async (_label, body) => {
    const as = await discover();
    const response = await inProcessFetch(as.token_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
