import * as oauth from 'oauth4webapi';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

import { storeKeys, type AuthorizationCodeRecord, type DeviceAuthorizationRecord } from '../records';
import { resolveRealm, setServerStore } from '../../realms/registry';
import { MemoryStore } from '../../store/memory-store';
import type { Realm } from '../../realms/types';
import { inProcessFetch } from '../../server-router';
import { s256Challenge } from '../pkce';
import { decideDevice } from '../device/decide';

/**
 * oauth4webapi, an independent client, talking to the handlers in-process: every request goes
 * through the same router the benchmark uses, so what is tested is the HTTP contract.
 */
export const ORIGIN = 'http://localhost:3000';
export const CALLBACK = `${ORIGIN}/flows/callback`;
export const HTTP = { [oauth.customFetch]: inProcessFetch, [oauth.allowInsecureRequests]: true } as const;

/**
 * The realm under test: `demo`, or — when FLOWLAB_TEST_REALM=lab (the `integration@lab-realm`
 * Vitest project) — a fresh hardened lab realm created through `POST /api/realms` before each test.
 * Both must pass the same suite. Live bindings: read them inside tests, not at module load.
 */
export let REALM_ID = 'demo';
export let ISSUER = new URL(`${ORIGIN}/as/demo`);
export let RESOURCE = `${ORIGIN}/rs/demo`;

/** A fresh store (and, for the lab target, a fresh hardened lab realm): call in beforeEach. */
export async function resetServer(): Promise<void> {
  setServerStore(new MemoryStore());
  if (process.env.FLOWLAB_TEST_REALM !== 'lab') {
    REALM_ID = 'demo';
  } else {
    const response = await inProcessFetch(`${ORIGIN}/api/realms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ weaknesses: [] }),
    });
    if (response.status !== 201) throw new Error(`POST /api/realms answered ${response.status}`);
    REALM_ID = ((await response.json()) as { id: string }).id;
  }
  ISSUER = new URL(`${ORIGIN}/as/${REALM_ID}`);
  RESOURCE = `${ORIGIN}/rs/${REALM_ID}`;
}

export async function discover(algorithm: 'oidc' | 'oauth2' = 'oidc'): Promise<oauth.AuthorizationServer> {
  const response = await oauth.discoveryRequest(ISSUER, { algorithm, ...HTTP });
  return oauth.processDiscoveryResponse(ISSUER, response);
}

/** The realm under test, as the servers see it (for seeding records). */
export async function targetRealm(): Promise<Realm> {
  const realm = await resolveRealm(REALM_ID, ORIGIN);
  if (!realm) throw new Error(`realm ${REALM_ID} missing`);
  return realm;
}

/** Writes a code record as the authorize endpoint would (that endpoint is the front channel's job). */
export async function seedCode(overrides: Partial<AuthorizationCodeRecord> = {}, verifier?: string) {
  const realm = await targetRealm();
  const codeVerifier = verifier ?? oauth.generateRandomCodeVerifier();
  const code = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const record: AuthorizationCodeRecord = {
    clientId: 'spa',
    redirectUri: CALLBACK,
    scope: ['openid', 'profile', 'email', 'offline_access', 'photos:read'],
    sub: 'alice',
    authTime: realm.clock.nowSeconds() - 5,
    nonce,
    codeChallenge: s256Challenge(codeVerifier),
    codeChallengeMethod: 'S256',
    grantId: oauth.generateRandomState(),
    ...overrides,
  };
  await realm.store.set(storeKeys.code(code), record, realm.lifetimes.authorizationCode);
  return { code, codeVerifier, nonce: record.nonce, record };
}

export async function seedDevice(overrides: Partial<DeviceAuthorizationRecord> = {}) {
  const realm = await targetRealm();
  const deviceCode = oauth.generateRandomState();
  const record: DeviceAuthorizationRecord = {
    clientId: 'tv',
    scope: ['openid', 'profile', 'offline_access'],
    userCode: 'BCDFGHJK',
    expiresAt: realm.clock.nowSeconds() + realm.lifetimes.deviceCode,
    interval: realm.deviceInterval,
    grantId: oauth.generateRandomState(),
    ...overrides,
  };
  await realm.store.set(storeKeys.device(deviceCode), record, realm.lifetimes.deviceCode);
  return { deviceCode, record };
}

/** The user's decision on the verification page, as the consent endpoint records it. */
export async function decideSeededDevice(deviceCode: string, decision: 'allow' | 'deny', sub = 'alice') {
  const realm = await targetRealm();
  if (!(await decideDevice(realm, deviceCode, decision, { sub, authTime: realm.clock.nowSeconds() })))
    throw new Error('device request not open');
}

/** The callback parameters the authorize endpoint would send back, checked by oauth4webapi (RFC 9207 `iss` included). */
export function callbackParams(as: oauth.AuthorizationServer, client: oauth.Client, code: string): URLSearchParams {
  const url = new URL(CALLBACK);
  url.searchParams.set('code', code);
  url.searchParams.set('iss', as.issuer);
  return oauth.validateAuthResponse(as, client, url, oauth.expectNoState);
}

/** Redeems a seeded code the way a real client does. */
export async function redeem(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  auth: oauth.ClientAuth,
  code: string,
  verifier: string | typeof oauth.nopkce,
) {
  return oauth.authorizationCodeGrantRequest(as, client, auth, callbackParams(as, client, code), CALLBACK, verifier, HTTP);
}

/** Verifies a JWT's signature against the published JWKS, independently of the server code. */
export async function verifyWithPublishedKeys(as: oauth.AuthorizationServer, jwt: string) {
  const response = await inProcessFetch(as.jwks_uri!);
  const jwks = (await response.json()) as JSONWebKeySet;
  return jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: as.issuer });
}

/** The OAuth error code of a rejected oauth4webapi promise. */
export async function oauthErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError) return err.error;
    if (err instanceof oauth.WWWAuthenticateChallengeError) return err.cause[0]?.parameters.error ?? 'challenge-without-error';
    throw err;
  }
  throw new Error('expected the request to fail');
}

/** Introspects `token` with the resource server's own credentials, which may ask about any token. */
export async function introspect(as: oauth.AuthorizationServer, token: string) {
  const client = { client_id: 'rs' };
  const response = await oauth.introspectionRequest(as, client, oauth.ClientSecretBasic('rs-secret'), token, HTTP);
  return oauth.processIntrospectionResponse(as, client, response);
}
