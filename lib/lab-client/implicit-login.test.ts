import { beforeEach, describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from '../oauth-client/authorization-request';
import { makeCodeVerifier, s256ChallengeSteps } from '../oauth-client/pkce';
import { browser, signInAndDecide } from '../oauth-server/test-fixtures/browser';
import { MALLORY_APP_ID } from '../realms/lab-users';
import { setServerStore } from '../realms/registry';
import { LAB_ORIGIN, createLab } from '../realms/test-lab';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';

beforeEach(() => setServerStore(new MemoryStore()));
const at = (path: string, init?: RequestInit) => inProcessFetch(`${LAB_ORIGIN}${path}`, init);
const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

/** Alice signs in to Mallory's quiz app (code + PKCE, openid): the tokens it gets are issued to mallory-quiz. */
async function aliceTokensForMalloryApp(realmId: string) {
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const redirectUri = `${LAB_ORIGIN}/flows/callback`;
  const { url } = buildAuthorizationUrl(`${LAB_ORIGIN}/as/${realmId}/authorize`, {
    clientId: MALLORY_APP_ID,
    redirectUri,
    scope: 'openid profile',
    state: 's',
    nonce: 'n',
    codeChallenge: pair.challenge,
  });
  const answer = await signInAndDecide(browser(), realmId, url);
  expect(answer.status).toBe(303);
  const code = new URL(answer.headers.get('location')!, LAB_ORIGIN).searchParams.get('code')!;
  const token = await at(
    `/as/${realmId}/token`,
    form({ grant_type: 'authorization_code', code, code_verifier: pair.verifier, redirect_uri: redirectUri, client_id: MALLORY_APP_ID }),
  );
  expect(token.status).toBe(200);
  return (await token.json()) as { access_token: string; id_token: string };
}

describe('the legacy implicit app’s backend (/lab-client/{realm}/session)', () => {
  it('with client-accepts-any-token, signs in as Alice with a token Alice granted to Mallory’s app', async () => {
    const lab = await createLab(['client-accepts-any-token']);
    const t = await aliceTokensForMalloryApp(lab.id);
    const res = await at(`/lab-client/${lab.id}/session`, form({ access_token: t.access_token }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ signed_in: true, sub: 'alice', name: 'Alice Liddell' });
    expect(body.checks[0]).toMatchObject({ outcome: 'skipped', spec: 'RFC 6749 §10.16' });
    expect(res.headers.get('set-cookie')).toMatch(
      new RegExp(`^legacy_spa_session=[\\w-]{43}; Path=/lab-client/${lab.id}; HttpOnly; SameSite=Lax; Max-Age=600$`),
    );
  });

  it('hardened, refuses the same tokens: no ID token, or an ID token whose aud is Mallory’s app', async () => {
    const lab = await createLab();
    const t = await aliceTokensForMalloryApp(lab.id);
    const bare = await at(`/lab-client/${lab.id}/session`, form({ access_token: t.access_token }));
    expect(bare.status).toBe(401);
    const bareBody = await bare.json();
    expect(bareBody.error).toBe('invalid_token');
    expect(bareBody.error_description).toContain('an ID token issued to this client came with the access token');
    expect(bare.headers.get('set-cookie')).toBeNull();

    const withId = await at(`/lab-client/${lab.id}/session`, form({ access_token: t.access_token, id_token: t.id_token }));
    expect(withId.status).toBe(401);
    const withIdBody = await withId.json();
    expect(withIdBody.error_description).toContain('aud contains this client');
    expect(withIdBody.error_description).toContain(MALLORY_APP_ID);
    expect(withIdBody.checks.find((c: { name: string }) => c.name === 'signature verifies with the issuer’s JWKS').passed).toBe(true);
  });

  it('refuses a token the resource server does not accept, even when the audience is not checked', async () => {
    const lab = await createLab(['client-accepts-any-token']);
    const res = await at(`/lab-client/${lab.id}/session`, form({ access_token: 'not-a-token-of-this-realm' }));
    expect(res.status).toBe(401);
    expect((await res.json()).error_description).toContain('the resource server refused the access token (HTTP 401)');
  });

  it.each([
    ['an absent token', form({}), 400, 'Send the access_token'],
    ['an empty token', form({ access_token: '' }), 400, 'Send the access_token'],
    ['a malformed token', form({ access_token: 'a b<script>' }), 400, 'not a bearer token'],
    ['a malformed ID token', form({ access_token: 'abc', id_token: 'only.two' }), 400, 'not a compact JWS'],
    ['a huge token', form({ access_token: 'a'.repeat(9000) }), 400, 'longer than 8192'],
    ['a huge body', form({ access_token: 'a'.repeat(20_000) }), 400, 'larger than'],
    [
      'JSON instead of a form',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"access_token":"x"}' },
      400,
      'x-www-form-urlencoded',
    ],
    ['a repeated parameter', { ...form({}), body: 'access_token=a&access_token=b' }, 400, 'more than once'],
    ['GET', { method: 'GET' }, 405, 'Use POST'],
  ])('answers %s with a clear JSON error, never a 500', async (_what, init, status, text) => {
    const lab = await createLab(['client-accepts-any-token']);
    const res = await at(`/lab-client/${lab.id}/session`, init as RequestInit);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain(text);
  });

  it('exists only for live lab realms and its one route', async () => {
    const lab = await createLab();
    for (const path of [
      '/lab-client/demo/session',
      '/lab-client/no-such-realm/session',
      `/lab-client/${lab.id}/other`,
      '/lab-client/%E0%A4%A/session',
    ]) {
      const res = await at(path, form({ access_token: 'abc' }));
      expect(res.status).toBe(404);
      expect((await res.json()).error).toBe('invalid_request');
    }
  });
});
