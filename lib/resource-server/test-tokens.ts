// Test helper: mints access tokens with the realm's own keys, the way the AS would (RFC 9068 §2).
import { SignJWT, type JWTPayload } from 'jose';
import { storeKeys } from '../oauth-server/records';
import { resolveRealm } from '../realms/registry';
import type { Realm } from '../realms/types';

export const TEST_ORIGIN = 'http://localhost:3000';

export async function demoRealm(): Promise<Realm> {
  const realm = await resolveRealm('demo', TEST_ORIGIN);
  if (!realm) throw new Error('demo realm missing');
  return realm;
}

export interface MintOptions {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  /** The grant the token is recorded under (`at:{jti}` → grant), as the AS records every token it issues. */
  grantId?: string;
  /** Leave the token unrecorded: the AS never issued it (the RS must refuse it, fail closed). */
  unrecorded?: boolean;
}

export async function mintAccessToken(realm: Realm, options: MintOptions = {}): Promise<string> {
  const key = realm.keys.default;
  const now = realm.clock.nowSeconds();
  const jti = crypto.randomUUID();
  const claims: JWTPayload = {
    iss: realm.issuer,
    sub: 'alice',
    aud: realm.resource,
    iat: now,
    exp: now + 600,
    jti,
    client_id: 'web',
    scope: 'openid profile photos:read photos:write',
    ...options.claims,
  };
  if (!options.unrecorded && typeof claims.jti === 'string') {
    await realm.store.set(storeKeys.accessToken(claims.jti), options.grantId ?? `grant-${claims.jti}`, 630);
  }
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ: 'at+jwt', kid: key.kid, ...options.header }).sign(key.privateKey);
}

export function bearerRequest(path: string, token: string | undefined, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  return new Request(`${TEST_ORIGIN}${path}`, { ...init, headers });
}
