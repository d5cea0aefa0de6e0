import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../realms/registry';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { CALLBACK, HTTP, ISSUER, discover } from './integration/harness';
import { authorizeUrl, browser, hidden, signInAndConsent } from './test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));

describe('authorization endpoint, login and consent (RFC 6749 §4.1, RFC 9700, RFC 9207)', () => {
  it('goes login → consent → 303 to the callback with code, state and iss, and oauth4webapi redeems the code', async () => {
    const b = browser();
    const { url, verifier } = await authorizeUrl();
    const res = await signInAndConsent(b, url, 'allow');
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('iss')).toBe(ISSUER.href);

    const as = await discover();
    const client = { client_id: 'spa' };
    const params = oauth.validateAuthResponse(as, client, location, 'st-123');
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, CALLBACK, verifier, HTTP);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: 'n-456', requireIdToken: true });
    expect(oauth.getValidatedIdTokenClaims(tokens)!.sub).toBe('alice');
  });

  it('issues one code per consent: a replayed consent POST gets the expired page', async () => {
    const b = browser();
    const login = await b.go((await authorizeUrl()).url);
    const pending = hidden(await login.text());
    await b.post('/as/demo/login', { pending, username: 'alice', password: 'wonderland' });
    const [first, second] = await Promise.all([
      b.post('/as/demo/consent', { pending, decision: 'allow' }),
      b.post('/as/demo/consent', { pending, decision: 'allow' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 400]);
  });

  it('redirects with access_denied and iss when the user denies', async () => {
    const res = await signInAndConsent(browser(), (await authorizeUrl()).url, 'deny');
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('iss')).toBe(ISSUER.href);
  });

  it('does not ask a signed-in user to log in again, but prompt=login does', async () => {
    const b = browser();
    await signInAndConsent(b, (await authorizeUrl()).url, 'allow');
    const again = await b.go((await authorizeUrl()).url);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('/as/demo/consent?pending=');
    const forced = await b.go((await authorizeUrl({ prompt: 'login' })).url);
    expect(forced.status).toBe(200);
    expect(await forced.text()).toContain('Password');
  });

  it('answers prompt=none for a signed-in user with consent_required (consent is asked every time)', async () => {
    const b = browser();
    await signInAndConsent(b, (await authorizeUrl()).url, 'allow');
    const res = await b.go((await authorizeUrl({ prompt: 'none' })).url);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('consent_required');
  });

  it('shows an HTML error page, never a redirect, for an unregistered redirect_uri or unknown client', async () => {
    for (const extra of <Record<string, string>[]>[
      { redirect_uri: 'https://evil.example/cb' },
      { client_id: 'nobody' },
      { client_id: '' },
    ]) {
      const res = await browser().go((await authorizeUrl(extra)).url);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; frame-ancestors 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'$/,
      );
    }
  });

  it.each([
    [{ code_challenge_method: 'plain' }, 'invalid_request'],
    [{ code_challenge: '', code_challenge_method: '' }, 'invalid_request'],
    [{ code_challenge: 'short' }, 'invalid_request'],
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ scope: 'openid admin' }, 'invalid_scope'],
    [{ prompt: 'none' }, 'login_required'],
  ])('redirects %o with error %s, state and iss', async (extra, error) => {
    const res = await browser().go((await authorizeUrl(extra)).url);
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('iss')).toBe(ISSUER.href);
  });

  it('refuses a repeated parameter with an error page', async () => {
    const { url } = await authorizeUrl();
    const res = await browser().go(`${url}&client_id=spa`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('more than once');
  });

  it('renders hostile state and client_id inert', async () => {
    const res = await browser().go((await authorizeUrl({ client_id: '<script>alert(1)</script>' })).url);
    const body = await res.text();
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&#60;script&#62;');
  });

  it('shows the login page again with an error for a wrong password, and rate limits repeats', async () => {
    const b = browser();
    const login = await b.go((await authorizeUrl()).url);
    const pending = hidden(await login.text());
    const wrong = await b.post('/as/demo/login', { pending, username: 'alice', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Wrong username or password.');
    for (let i = 0; i < 4; i++) await b.post('/as/demo/login', { pending, username: 'alice', password: 'nope' });
    const limited = await b.post('/as/demo/login', { pending, username: 'alice', password: 'wonderland' });
    expect(limited.status).toBe(429);
  });

  it('refuses a login POST from another browser (the pending id is bound to the browser cookie)', async () => {
    const login = await browser().go((await authorizeUrl()).url);
    const res = await browser().post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('expired');
  });

  it('signs out: the next authorization asks for the password again', async () => {
    const b = browser();
    await signInAndConsent(b, (await authorizeUrl()).url, 'allow');
    const out = await b.post('/as/demo/logout', {});
    expect(out.status).toBe(303);
    const again = await b.go((await authorizeUrl()).url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Sign in');
  });
});

describe('device authorization (RFC 8628)', () => {
  it('issues codes, lets the user approve on the verification page, and the device gets tokens', async () => {
    const as = await discover();
    const client = { client_id: 'tv' };
    const dar = await oauth.deviceAuthorizationRequest(
      as,
      client,
      oauth.None(),
      new URLSearchParams({ scope: 'openid photos:read' }),
      HTTP,
    );
    const device = await oauth.processDeviceAuthorizationResponse(as, client, dar);
    expect(device.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(device.verification_uri).toBe(`${ISSUER}/device`);
    expect(device.verification_uri_complete).toBe(`${ISSUER}/device?user_code=${device.user_code}`);

    const b = browser();
    const page = await b.go(device.verification_uri_complete!);
    expect(await page.text()).toContain(`value="${device.user_code}"`);
    const toLogin = await b.post('/as/demo/device', { user_code: ` ${device.user_code.toLowerCase().replace('-', ' ')} ` });
    expect(toLogin.status).toBe(303);
    const login = await b.go(toLogin.headers.get('location')!);
    const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'bob', password: 'builder' });
    const consent = await b.go(afterLogin.headers.get('location')!);
    const done = await b.post('/as/demo/consent', { pending: hidden(await consent.text()), decision: 'allow' });
    expect(done.headers.get('location')).toBe('/as/demo/device?done=approved');
    expect(await (await b.go(done.headers.get('location')!)).text()).toContain('You may return to your device');

    const poll = await oauth.deviceCodeGrantRequest(as, client, oauth.None(), device.device_code, HTTP);
    const tokens = await oauth.processDeviceCodeResponse(as, client, poll);
    expect(oauth.getValidatedIdTokenClaims(tokens)!.sub).toBe('bob');
  });

  it('marks the device authorization denied when the user chooses Deny', async () => {
    const res = await inProcessFetch(`${ISSUER}/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'tv', scope: 'openid' }),
    });
    const device = await res.json();
    const b = browser();
    const toLogin = await b.post('/as/demo/device', { user_code: device.user_code });
    const login = await b.go(toLogin.headers.get('location')!);
    const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
    const consent = await b.go(afterLogin.headers.get('location')!);
    const done = await b.post('/as/demo/consent', { pending: hidden(await consent.text()), decision: 'deny' });
    expect(done.headers.get('location')).toBe('/as/demo/device?done=denied');
    const as = await discover();
    const poll = await oauth.deviceCodeGrantRequest(as, { client_id: 'tv' }, oauth.None(), device.device_code, HTTP);
    expect(((await poll.json()) as { error: string }).error).toBe('access_denied');
  });

  it('answers wrong codes with an error and 429 after five', async () => {
    const b = browser();
    for (let i = 0; i < 5; i++) expect((await b.post('/as/demo/device', { user_code: 'BCDF-GHJK' })).status).toBe(400);
    const limited = await b.post('/as/demo/device', { user_code: 'BCDF-GHJK' });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many attempts');
  });

  it.each([
    [{ client_id: 'nobody' }, 'invalid_client'],
    [{ client_id: 'web' }, 'invalid_client'],
    [{ client_id: 'tv', scope: 'admin' }, 'invalid_scope'],
    [{}, 'invalid_request'],
  ])('refuses %o with JSON %s and no-store', async (form, error) => {
    const res = await inProcessFetch(`${ISSUER}/device_authorization`, { method: 'POST', body: new URLSearchParams(form) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).error).toBe(error);
  });
});
