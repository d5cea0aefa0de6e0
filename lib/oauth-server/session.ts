import { peerAddress } from '../http/peer';
import type { Realm } from '../realms/types';
import { storeKeys, type SessionRecord } from './records';

/**
 * The AS browser session and browser binding. Two cookies, both HttpOnly, SameSite=Lax and
 * scoped to `/as/{realm}` so the app never sees them:
 * - `as_session`: random id → `SessionRecord` (signed-in user), TTL = lifetimes.session;
 * - `as_browser`: random id naming this browser, so a pending authorization request can
 *   only be continued by the browser that started it (CSRF, RFC 6749 §10.12).
 */
export const SESSION_COOKIE = 'as_session';
export const BROWSER_COOKIE = 'as_browser';

export function randomId(bytes = 32): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function cookieHeader(realm: Realm, name: string, value: string, maxAge: number): string {
  const secure = realm.origin.startsWith('https:') ? '; Secure' : '';
  return `${name}=${value}; Path=/as/${realm.id}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export async function getSession(request: Request, realm: Realm): Promise<SessionRecord | undefined> {
  const sid = readCookie(request, SESSION_COOKIE);
  return sid ? realm.store.get<SessionRecord>(storeKeys.session(sid)) : undefined;
}

/** Creates a session for `sub`; returns the Set-Cookie header value. */
export async function createSession(realm: Realm, sub: string): Promise<{ cookie: string; session: SessionRecord; sid: string }> {
  const sid = randomId();
  const session: SessionRecord = { sub, authTime: realm.clock.nowSeconds() };
  await realm.store.set(storeKeys.session(sid), session, realm.lifetimes.session);
  return { cookie: cookieHeader(realm, SESSION_COOKIE, sid, realm.lifetimes.session), session, sid };
}

/**
 * Deletes the session record and returns a Set-Cookie that clears the cookie, or undefined when
 * the request carried no session cookie: a cookie the request did not carry is left alone.
 */
export async function destroySession(request: Request, realm: Realm): Promise<string | undefined> {
  const sid = readCookie(request, SESSION_COOKIE);
  if (sid) await realm.store.delete(storeKeys.session(sid));
  return carriesCookie(request, SESSION_COOKIE) ? cookieHeader(realm, SESSION_COOKIE, '', 0) : undefined;
}

/** Whether the request carries a cookie named `name`, whatever its value. */
export function carriesCookie(request: Request, name: string): boolean {
  return (request.headers.get('cookie') ?? '').split(';').some((part) => part.split('=')[0].trim() === name);
}

/** The browser id, and a Set-Cookie when a new one had to be minted. */
export function browserId(request: Request, realm: Realm): { id: string; setCookie?: string } {
  const existing = readCookie(request, BROWSER_COOKIE);
  if (existing) return { id: existing };
  const id = randomId();
  return { id, setCookie: cookieHeader(realm, BROWSER_COOKIE, id, realm.lifetimes.session) };
}

/**
 * The client address rate limits key on: the socket's peer (or the configured trusted proxy's
 * view), never the client-written `X-Forwarded-For`; `'unknown'` — one shared bucket — when no
 * server vouches for it. See lib/http/peer.ts.
 */
export function clientAddress(request: Request): string {
  return peerAddress(request);
}
