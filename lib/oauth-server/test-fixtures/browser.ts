import * as oauth from 'oauth4webapi';
import { expect } from 'vitest';

import { inProcessFetch } from '../../server-router';
import { CALLBACK, ISSUER, ORIGIN } from '../integration/harness';

/** A minimal browser: keeps cookies, does not follow redirects, resolves relative Locations. */
export function browser() {
  const jar = new Map<string, string>();
  async function go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await inProcessFetch(new URL(url, ORIGIN), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return res;
  }
  const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    go(url, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  return { go, post, jar };
}

export type Browser = ReturnType<typeof browser>;

export const hidden = (body: string) => /name="pending" value="([^"]+)"/.exec(body)![1];

export async function authorizeUrl(extra: Record<string, string> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const params = new URLSearchParams({
    client_id: 'spa',
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid profile photos:read',
    state: 'st-123',
    nonce: 'n-456',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  for (const [k, v] of Object.entries(extra)) if (v === '') params.delete(k);
  return { url: `${ISSUER}/authorize?${params}`, verifier };
}

export async function signInAndConsent(b: Browser, url: string, decision: 'allow' | 'deny') {
  const login = await b.go(url);
  expect(login.status).toBe(200);
  const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
  expect(afterLogin.status).toBe(303);
  const consent = await b.go(afterLogin.headers.get('location')!);
  const body = await consent.text();
  expect(body).toContain('View your photos');
  expect(body).toContain('Photo Gallery (single-page app)');
  return b.post('/as/demo/consent', { pending: hidden(body), decision });
}

/** The pending-request id the AS's login and consent forms carry ('' when there is none). */
export const pendingOf = (body: string) => /name="pending" value="([^"]+)"/.exec(body)?.[1] ?? '';

/**
 * Opens an authorization URL of any realm, signs in as alice and answers the consent page; returns the
 * AS's final answer (a 303 to the redirect URI) — or the first answer that is not the next page.
 */
export async function signInAndDecide(
  b: Browser,
  realmId: string,
  authorizeUrl: string,
  decision: 'allow' | 'deny' = 'allow',
): Promise<Response> {
  const login = await b.go(authorizeUrl);
  if (login.status !== 200) return login;
  const afterLogin = await b.post(`/as/${realmId}/login`, {
    pending: pendingOf(await login.text()),
    username: 'alice',
    password: 'wonderland',
  });
  if (afterLogin.status !== 303) return afterLogin;
  const consent = await b.go(afterLogin.headers.get('location')!);
  return b.post(`/as/${realmId}/consent`, { pending: pendingOf(await consent.text()), decision });
}
