// Test helper: a minimal browser for the AS's front channel — keeps cookies, never follows redirects.
import { inProcessFetch } from '../../server-router';

export const BROWSER_ORIGIN = 'http://localhost:3000';

export function browser() {
  const jar = new Map<string, string>();
  async function go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await inProcessFetch(new URL(url, BROWSER_ORIGIN), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return res;
  }
  const post = (url: string, form: Record<string, string>) =>
    go(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { go, post, jar };
}

export type Browser = ReturnType<typeof browser>;

/** The pending-request id the AS's login and consent forms carry. */
export const pendingOf = (body: string) => /name="pending" value="([^"]+)"/.exec(body)?.[1] ?? '';

/**
 * Opens an authorization URL, signs in as alice and answers the consent page; returns the AS's final
 * answer (a 303 to the redirect URI) — or the first answer that is not the login page.
 */
export async function signInAndDecide(b: Browser, realmId: string, authorizeUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<Response> {
  const login = await b.go(authorizeUrl);
  if (login.status !== 200) return login;
  const afterLogin = await b.post(`/as/${realmId}/login`, { pending: pendingOf(await login.text()), username: 'alice', password: 'wonderland' });
  if (afterLogin.status !== 303) return afterLogin;
  const consent = await b.go(afterLogin.headers.get('location')!);
  return b.post(`/as/${realmId}/consent`, { pending: pendingOf(await consent.text()), decision });
}
