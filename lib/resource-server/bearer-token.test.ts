import { describe, expect, it } from 'vitest';
import { handleServerRequest } from '../server-router';
import { MAX_AUTHORIZATION_LENGTH } from './bearer-token';
import { TEST_ORIGIN, demoRealm, mintAccessToken } from './test-tokens';

const RS = `${TEST_ORIGIN}/rs/demo`;

async function call(path: string, init: RequestInit = {}) {
  const res = await handleServerRequest(new Request(`${TEST_ORIGIN}${path}`, init));
  return {
    status: res.status,
    www: res.headers.get('www-authenticate'),
    allow: res.headers.get('allow'),
    cache: res.headers.get('cache-control'),
    body: await res.json(),
  };
}

describe('bearer token transport (RFC 6750 §2, OAuth 2.1 §5.1)', () => {
  it('answers a request without any token with a bare 401 challenge and no error code (RFC 6750 §3.1)', async () => {
    const { status, www, cache } = await call('/rs/demo/photos');
    expect(status).toBe(401);
    expect(www).toBe(`Bearer realm="${RS}"`);
    expect(cache).toBe('no-store');
  });

  it('accepts the Bearer scheme in any letter case', async () => {
    const token = await mintAccessToken(await demoRealm());
    expect((await call('/rs/demo/photos', { headers: { authorization: `bEaReR ${token}` } })).status).toBe(200);
  });

  it('refuses a token in the query string even next to a valid header', async () => {
    const token = await mintAccessToken(await demoRealm());
    const { status, www, body } = await call(`/rs/demo/photos?access_token=${token}`, { headers: { authorization: `Bearer ${token}` } });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/query string/);
    expect(www).toMatch(/^Bearer realm="[^"]+", error="invalid_request"/);
  });

  it('refuses a token in a form-encoded body, saying why', async () => {
    const token = await mintAccessToken(await demoRealm());
    const { status, body } = await call('/rs/demo/photos', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: token, title: 'x' }).toString(),
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/request body/);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['two credentials in one header', 'Bearer abc, Bearer def', /more than one credential/],
    ['two tokens separated by a space', 'Bearer abc def', /single b64token/],
    ['the Bearer scheme with no token', 'Bearer', /no token/],
    ['another scheme', 'Basic c2VydmljZTpzZXJ2aWNlLXNlY3JldA==', /Bearer scheme/],
    // RFC 9449 §7.1: the DPoP scheme is read with the same token68 rules, no looser.
    ['the DPoP scheme with no token', 'DPoP', /DPoP scheme but no token/],
    ['two credentials with the DPoP scheme', 'DPoP abc, DPoP def', /more than one credential/],
    ['a DPoP token with characters outside token68', 'DPoP abc"def', /single b64token/],
    ['a token with characters outside b64token', 'Bearer abc"def', /single b64token/],
    ['a huge header', `Bearer ${'a'.repeat(MAX_AUTHORIZATION_LENGTH + 1)}`, /longer than/],
  ];

  it.each(malformed)('refuses %s with 400 invalid_request', async (_name, header, why) => {
    const { status, www, body } = await call('/rs/demo/photos', { headers: { authorization: header } });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(why);
    expect(www).toMatch(/^Bearer realm="[^"]+", error="invalid_request", error_description="[^"\\]+"$/);
  });

  it('answers an unsupported method with 405 and Allow', async () => {
    const photos = await call('/rs/demo/photos', { method: 'DELETE' });
    expect(photos.status).toBe(405);
    expect(photos.allow).toBe('GET, POST');
    const profile = await call('/rs/demo/profile', { method: 'POST' });
    expect(profile.status).toBe(405);
    expect(profile.allow).toBe('GET');
  });
});
