import { createHmac } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMON_SECRETS } from '../../jwt/findings/common-secrets';
import { s256Challenge } from '../../oauth-server/pkce';
import { browser, signInAndDecide } from '../../oauth-server/test-fixtures/browser';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';
import { setServerStore } from '../registry';
import { LAB_ORIGIN, createLab, type LabRealm } from '../test-lab';

/** Each authorization-server weakness changes what the AS does; the hardened lab realm keeps refusing. */
beforeEach(() => setServerStore(new MemoryStore()));

const CALLBACK = `${LAB_ORIGIN}/flows/callback`;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  inProcessFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });

function authorizeUrl(lab: LabRealm, params: Record<string, string | undefined>) {
  const base: Record<string, string | undefined> = {
    client_id: 'spa',
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid offline_access photos:read',
    state: 'st',
    ...params,
  };
  const q = new URLSearchParams(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  return `${lab.issuer}/authorize?${q}`;
}

/** Runs the front channel as alice and returns the redirect the AS sent her browser to. */
async function authorize(lab: LabRealm, params: Record<string, string | undefined>) {
  const res = await signInAndDecide(browser(), lab.id, authorizeUrl(lab, params));
  return { status: res.status, location: res.headers.get('location') ?? '', body: res.status === 303 ? '' : await res.text() };
}

const codeOf = (location: string) => new URL(location).searchParams.get('code') ?? '';
const redeem = (lab: LabRealm, params: Record<string, string>) =>
  form(`${lab.issuer}/token`, { grant_type: 'authorization_code', client_id: 'spa', redirect_uri: CALLBACK, ...params });

describe('authorization-server weaknesses: vulnerable realm vs hardened realm', () => {
  it('as-redirect-uri-path-normalisation: the code lands on the attacker site; the hardened AS shows an error page', async () => {
    const [lab, hard] = [await createLab(['as-redirect-uri-path-normalisation']), await createLab()];
    const evil = (id: string) => `${CALLBACK}/../../attacker/${id}/callback`;
    const challenge = s256Challenge('v'.repeat(43));
    const v = await authorize(lab, { redirect_uri: evil(lab.id), code_challenge: challenge, code_challenge_method: 'S256' });
    expect(v.status).toBe(303);
    // The dot segments are resolved once the URI is parsed (by the AS here, by the browser otherwise): Mallory's route receives the code.
    expect(new URL(v.location).pathname).toBe(`/attacker/${lab.id}/callback`);
    expect(codeOf(v.location)).not.toBe('');
    const h = await signInAndDecide(
      browser(),
      hard.id,
      authorizeUrl(hard, { redirect_uri: evil(hard.id), code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    expect(h.status).toBe(400);
    expect(h.headers.get('location')).toBeNull();
    expect(await h.text()).toMatch(/redirect_uri is not registered/);
  });

  it('as-redirect-uri-wildcard-subdomain: the code goes to a subdomain Mallory holds, and she redeems it; the hardened AS shows an error page', async () => {
    const [lab, hard] = [await createLab(['as-redirect-uri-wildcard-subdomain']), await createLab()];
    // The registered path on a subdomain (one a subdomain takeover gave Mallory). She crafted the link, so the PKCE pair is hers.
    const mallorys = CALLBACK.replace('//localhost:', '//mallory.localhost:');
    const verifier = oauth.generateRandomCodeVerifier();
    const crafted = { redirect_uri: mallorys, code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' };
    const v = await authorize(lab, crafted);
    expect(v.status).toBe(303);
    expect(new URL(v.location).host).toBe('mallory.localhost:3000');
    const tokens = await redeem(lab, { code: codeOf(v.location), code_verifier: verifier, redirect_uri: mallorys });
    expect(tokens.status).toBe(200);
    const { access_token } = await tokens.json();
    const photos = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(photos.status).toBe(200);
    // A host that only ends with the registered name is not a subdomain of it.
    const lookalike = await signInAndDecide(
      browser(),
      lab.id,
      authorizeUrl(lab, { ...crafted, redirect_uri: CALLBACK.replace('//localhost:', '//evillocalhost:') }),
    );
    expect(lookalike.status).toBe(400);
    const h = await signInAndDecide(browser(), hard.id, authorizeUrl(hard, crafted));
    expect(h.status).toBe(400);
    expect(h.headers.get('location')).toBeNull();
    expect(await h.text()).toMatch(/redirect_uri is not registered/);
  });

  it('as-pkce-optional: no challenge needed, and the code is redeemed without a verifier (or with a stray one)', async () => {
    const [lab, hard] = [await createLab(['as-pkce-optional']), await createLab()];
    const v = await authorize(lab, {});
    expect(v.status).toBe(303);
    expect((await redeem(lab, { code: codeOf(v.location) })).status).toBe(200);
    const again = await authorize(lab, {});
    expect((await redeem(lab, { code: codeOf(again.location), code_verifier: 'x'.repeat(43) })).status).toBe(200);
    const h = await authorize(hard, {});
    expect(h.status).toBe(303);
    expect(new URL(h.location).searchParams.get('error')).toBe('invalid_request');
  });

  it('as-pkce-plain-accepted: the challenge is the verifier; discovery says so', async () => {
    const [lab, hard] = [await createLab(['as-pkce-plain-accepted']), await createLab()];
    const verifier = oauth.generateRandomCodeVerifier();
    const v = await authorize(lab, { code_challenge: verifier, code_challenge_method: 'plain' });
    expect((await redeem(lab, { code: codeOf(v.location), code_verifier: verifier })).status).toBe(200);
    const meta = async (l: LabRealm) =>
      (await (await inProcessFetch(`${l.issuer}/.well-known/openid-configuration`)).json()).code_challenge_methods_supported;
    expect(await meta(lab)).toEqual(['S256', 'plain']);
    expect(await meta(hard)).toEqual(['S256']);
    const h = await authorize(hard, { code_challenge: verifier, code_challenge_method: 'plain' });
    expect(new URL(h.location).searchParams.get('error')).toBe('invalid_request');
  });

  it('as-codes-reusable: a code redeemed twice; the hardened AS refuses the replay and revokes the first tokens', async () => {
    for (const [weak, expected] of [
      [['as-codes-reusable'], 200],
      [[], 400],
    ] as const) {
      const lab = await createLab([...weak]);
      const verifier = oauth.generateRandomCodeVerifier();
      const { location } = await authorize(lab, { code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' });
      const first = await (await redeem(lab, { code: codeOf(location), code_verifier: verifier })).json();
      const second = await redeem(lab, { code: codeOf(location), code_verifier: verifier });
      expect(second.status).toBe(expected);
      const api = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${first.access_token}` } });
      expect(api.status).toBe(expected === 200 ? 200 : 401);
    }
  });

  it('as-refresh-tokens-reusable: the same refresh token works again and again; the hardened AS kills the family', async () => {
    for (const [weak, expected] of [
      [['as-refresh-tokens-reusable'], 200],
      [[], 400],
    ] as const) {
      const lab = await createLab([...weak]);
      const verifier = oauth.generateRandomCodeVerifier();
      const { location } = await authorize(lab, { code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' });
      const { refresh_token } = await (await redeem(lab, { code: codeOf(location), code_verifier: verifier })).json();
      const use = () => form(`${lab.issuer}/token`, { grant_type: 'refresh_token', client_id: 'spa', refresh_token });
      expect((await use()).status).toBe(200);
      expect((await use()).status).toBe(expected);
    }
  });

  it('as-implicit-grant-allowed: the access token arrives in the fragment; demo and the hardened realm refuse', async () => {
    const [lab, hard] = [await createLab(['as-implicit-grant-allowed']), await createLab()];
    const v = await authorize(lab, { client_id: 'legacy-spa', response_type: 'token', scope: 'photos:read' });
    expect(v.status).toBe(303);
    const url = new URL(v.location);
    expect(url.search).toBe('');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('state')).toBe('st');
    expect(fragment.get('iss')).toBe(lab.issuer);
    expect(fragment.has('refresh_token')).toBe(false);
    const api = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${fragment.get('access_token')}` } });
    expect(api.status).toBe(200);
    const h = await authorize(hard, { client_id: 'legacy-spa', response_type: 'token', scope: 'photos:read' });
    expect(new URL(h.location).searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('as-password-grant-allowed: the password grant issues tokens; the hardened AS answers unsupported_grant_type', async () => {
    const [lab, hard] = [await createLab(['as-password-grant-allowed']), await createLab()];
    const params = { grant_type: 'password', username: 'alice', password: 'wonderland', scope: 'photos:read' };
    const auth = { Authorization: basic('legacy-app', 'legacy-secret') };
    expect((await form(`${lab.issuer}/token`, params, auth)).status).toBe(200);
    expect((await (await form(`${hard.issuer}/token`, params, auth)).json()).error).toBe('unsupported_grant_type');
  });

  it('as-no-iss-in-response: the authorization response names no issuer; discovery says so', async () => {
    const [lab, hard] = [await createLab(['as-no-iss-in-response', 'as-pkce-optional']), await createLab(['as-pkce-optional'])];
    expect(new URL((await authorize(lab, {})).location).searchParams.has('iss')).toBe(false);
    expect(new URL((await authorize(hard, {})).location).searchParams.get('iss')).toBe(hard.issuer);
    const meta = await (await inProcessFetch(`${lab.issuer}/.well-known/openid-configuration`)).json();
    expect(meta.authorization_response_iss_parameter_supported).toBe(false);
  });

  it('as-hs256-weak-secret: tokens are HS256 with a common secret; cracked from one token, it signs an admin token the RS accepts', async () => {
    const lab = await createLab(['as-hs256-weak-secret']);
    const res = await form(
      `${lab.issuer}/token`,
      { grant_type: 'client_credentials', scope: 'photos:read' },
      { Authorization: basic('service', 'service-secret') },
    );
    const { access_token: token } = await res.json();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    const [h, p, s] = token.split('.');
    const secret = COMMON_SECRETS.find((c) => createHmac('sha256', c).update(`${h}.${p}`).digest('base64url') === s);
    expect(secret).toBeDefined();
    const forged = await new SignJWT({ ...decodeJwt(token), sub: 'alice', role: 'admin' })
      .setProtectedHeader(decodeProtectedHeader(token) as { alg: string })
      .sign(new TextEncoder().encode(secret));
    const api = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${forged}` } });
    expect(api.status).toBe(200);
    expect((await api.json()).owner).toBe('alice');
    // The secret is never published.
    const jwks = await (await inProcessFetch(`${lab.issuer}/jwks`)).json();
    expect(JSON.stringify(jwks)).not.toContain(base64url.encode(secret!));
    expect(jwks.keys.map((k: { kty: string }) => k.kty)).not.toContain('oct');
  });

  it('client-skips-state-check is the client’s weakness: the servers of such a realm behave hardened', async () => {
    const lab = await createLab(['client-skips-state-check']);
    expect(lab.weaknesses).toEqual(['client-skips-state-check']);
    const h = await authorize(lab, {});
    expect(new URL(h.location).searchParams.get('error')).toBe('invalid_request');
  });
});

describe('as-consent-frameable', () => {
  it('lets any page frame the AS pages of the lab realm; the hardened realm forbids framing', async () => {
    const [lab, hard] = [await createLab(['as-consent-frameable']), await createLab()];
    for (const [realm, frameable] of [
      [lab, true],
      [hard, false],
    ] as const) {
      const login = await inProcessFetch(
        authorizeUrl(realm, { code_challenge: s256Challenge('v'.repeat(43)), code_challenge_method: 'S256' }),
      );
      expect(login.status).toBe(200);
      const csp = login.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(/frame-ancestors/.test(csp)).toBe(!frameable);
      expect(login.headers.get('x-frame-options')).toBe(frameable ? null : 'DENY');
    }
  });
});
