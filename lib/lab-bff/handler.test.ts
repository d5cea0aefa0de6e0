import { beforeEach, describe, expect, it } from 'vitest';
import { makeCodeVerifier, s256ChallengeSteps } from '../oauth-client/pkce';
import { buildAuthorizationUrl } from '../oauth-client/authorization-request';
import { browser, signInAndDecide } from '../oauth-server/test-fixtures/browser';
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

async function aliceCode(realmId: string) {
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const redirectUri = `${LAB_ORIGIN}/flows/callback`;
  const { url } = buildAuthorizationUrl(`${LAB_ORIGIN}/as/${realmId}/authorize`, {
    clientId: 'web',
    redirectUri,
    scope: 'photos:read',
    state: 's',
    codeChallenge: pair.challenge,
  });
  const answer = await signInAndDecide(browser(), realmId, url);
  const code = new URL(answer.headers.get('location')!, LAB_ORIGIN).searchParams.get('code')!;
  return { code, code_verifier: pair.verifier, redirect_uri: redirectUri };
}

describe('the backend for frontend', () => {
  it('redeems the code itself, answers with an HttpOnly cookie and never the token, and calls the API for the page', async () => {
    const lab = await createLab();
    const signIn = await at(`/bff/${lab.id}/session`, form(await aliceCode(lab.id)));
    expect(signIn.status).toBe(201);
    const body = await signIn.text();
    expect(body).toBe('{"signed_in":true}');
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^bff_session=[\\w-]{43}; Path=/bff/${lab.id}; HttpOnly; SameSite=Strict; Max-Age=600$`));
    const photos = await at(`/bff/${lab.id}/photos`, { headers: { cookie: cookie.split(';')[0] } });
    expect(photos.status).toBe(200);
    expect((await photos.json()).owner).toBe('alice');
    const out = await at(`/bff/${lab.id}/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0] } });
    expect(out.status).toBe(204);
    expect((await at(`/bff/${lab.id}/photos`, { headers: { cookie: cookie.split(';')[0] } })).status).toBe(401);
  });

  it('without a session cookie the API call is refused', async () => {
    const lab = await createLab();
    const res = await at(`/bff/${lab.id}/photos`);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('no_session');
  });

  it('passes on the AS’s refusal of a bad code, and refuses malformed or hostile requests with a clear 4xx', async () => {
    const lab = await createLab();
    const bad = await at(
      `/bff/${lab.id}/session`,
      form({ code: 'nope', code_verifier: 'x'.repeat(43), redirect_uri: `${LAB_ORIGIN}/flows/callback` }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('invalid_grant');
    expect((await at(`/bff/${lab.id}/session`, form({ code: 'x' }))).status).toBe(400);
    const huge = await at(`/bff/${lab.id}/session`, form({ code: 'x'.repeat(20_000), code_verifier: 'v', redirect_uri: 'r' }));
    expect(huge.status).toBe(400);
    expect((await huge.json()).error_description).toMatch(/larger than/);
    expect((await at(`/bff/${lab.id}/session`)).status).toBe(405);
    for (const path of ['/bff/demo/photos', '/bff/nope/photos', '/bff/%ff/photos', `/bff/${lab.id}/other`]) {
      const res = await at(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error).toBe('invalid_request');
    }
  });
});
