import { randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { decideDevice } from '../oauth-server/device/decide';
import { ORIGIN, via } from '@/test/in-process-instance';
import { handleServerRequest } from '../server-router';
import { RedisStore } from '../store/redis-store';
import { newServerState, resolveRealm, setServerState, type ServerState } from './registry';

/**
 * Two app instances in one process, each with its own server state (its own Redis connection,
 * caches and key objects) on one redis-server: whatever one issues, the other must honour, as
 * two `next start` behind a load balancer would. Requests run one at a time; before each, the
 * process state is switched to the instance that serves it.
 */
const CALLBACK = `${ORIGIN}/flows/callback`;
let stores: RedisStore[] = [];
let A: ServerState;
let B: ServerState;

beforeEach(() => {
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  stores = [new RedisStore({ url: inject('redisUrl'), keyPrefix }), new RedisStore({ url: inject('redisUrl'), keyPrefix })];
  [A, B] = stores.map((s) => newServerState(s));
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

const http = (instance: ServerState) => ({ [oauth.customFetch]: via(instance), [oauth.allowInsecureRequests]: true }) as const;

async function discover(instance: ServerState, realm = 'demo') {
  const issuer = new URL(`${ORIGIN}/as/${realm}`);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http(instance)));
}

async function clientCredentialsToken(instance: ServerState, realm = 'demo'): Promise<string> {
  const as = await discover(instance, realm);
  const client = { client_id: 'service' };
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    client,
    oauth.ClientSecretBasic('service-secret'),
    new URLSearchParams({ scope: 'photos:read' }),
    http(instance),
  );
  return (await oauth.processClientCredentialsResponse(as, client, response)).access_token;
}

const photos = (instance: ServerState, token: string, realm = 'demo') =>
  via(instance)(`${ORIGIN}/rs/${realm}/photos`, { headers: { authorization: `Bearer ${token}` } });

/** A browser whose every request may go to another instance (no sticky sessions). */
function browser() {
  const jar = new Map<string, string>();
  return async (instance: ServerState, url: string, form?: Record<string, string>) => {
    const headers = new Headers(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {});
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await via(instance)(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form && new URLSearchParams(form),
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0].split('=');
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return res;
  };
}
const pendingOf = (body: string) => /name="pending" value="([^"]+)"/.exec(body)![1];

describe('two instances on one Redis act as one server', () => {
  it('sign with the same keys: a token from A is accepted by the RS of B, and both publish one JWKS', async () => {
    const token = await clientCredentialsToken(A);
    const res = await photos(B, token);
    expect(res.status).toBe(200);
    const jwks = await Promise.all([A, B].map(async (i) => (await via(i)(`${ORIGIN}/as/demo/jwks`)).json()));
    expect(jwks[0]).toEqual(jwks[1]);
    expect(jwks[0].keys.map((k: { alg: string }) => k.alg)).toEqual(['ES256', 'RS256']);
    // And the keys are created once: a third instance finds them too.
    const C = newServerState(stores[1]);
    expect(await (await via(C)(`${ORIGIN}/as/demo/jwks`)).json()).toEqual(jwks[0]);
  });

  it('run a code flow across instances: authorize at A, sign in at B, consent at A, redeem at B, use the token at A', async () => {
    const go = browser();
    const verifier = oauth.generateRandomCodeVerifier();
    const params = new URLSearchParams({
      client_id: 'spa',
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid photos:read offline_access',
      state: 'st',
      nonce: 'n',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const login = await go(A, `${ORIGIN}/as/demo/authorize?${params}`);
    expect(login.status).toBe(200);
    const afterLogin = await go(B, `${ORIGIN}/as/demo/login`, {
      pending: pendingOf(await login.text()),
      username: 'alice',
      password: 'wonderland',
    });
    expect(afterLogin.status).toBe(303);
    const consent = await go(A, new URL(afterLogin.headers.get('location')!, ORIGIN).href);
    const done = await go(A, `${ORIGIN}/as/demo/consent`, { pending: pendingOf(await consent.text()), decision: 'allow' });
    expect(done.status).toBe(303);

    const as = await discover(B);
    const client = { client_id: 'spa' };
    const callback = oauth.validateAuthResponse(as, client, new URL(done.headers.get('location')!), 'st');
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callback, CALLBACK, verifier, http(B));
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: 'n', requireIdToken: true });
    expect(oauth.getValidatedIdTokenClaims(tokens)!.sub).toBe('alice');
    expect((await photos(A, tokens.access_token)).status).toBe(200);

    // The same code once more, at A: refused, and (RFC 6749 §4.1.2) what it issued is revoked everywhere.
    const replay = await oauth.authorizationCodeGrantRequest(
      await discover(A),
      client,
      oauth.None(),
      callback,
      CALLBACK,
      verifier,
      http(A),
    );
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');
    expect((await photos(B, tokens.access_token)).status).toBe(401);
  });

  it('rotate refresh tokens across instances and detect the reuse of a spent one at the other', async () => {
    const start = await via(A)(`${ORIGIN}/as/demo/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'tv', scope: 'openid offline_access photos:read' }),
    });
    const { device_code: deviceCode } = await start.json();
    const poll = (instance: ServerState) =>
      via(instance)(`${ORIGIN}/as/demo/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode, client_id: 'tv' }),
      });
    expect((await (await poll(A)).json()).error).toBe('authorization_pending');
    // The user approves at B (the verification page's decision, recorded through B's store) while the TV polls A.
    setServerState(B);
    const atB = (await resolveRealm('demo', ORIGIN))!;
    expect(await decideDevice(atB, deviceCode, 'allow', { sub: 'bob', authTime: atB.clock.nowSeconds() })).toBe(true);
    const first = await poll(A);
    expect(first.status).toBe(200);
    const { refresh_token: rt1, access_token: at1 } = await first.json();

    const refresh = (instance: ServerState, token: string) =>
      via(instance)(`${ORIGIN}/as/demo/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: 'tv' }),
      });
    const rotated = await refresh(B, rt1);
    expect(rotated.status).toBe(200);
    const { refresh_token: rt2 } = await rotated.json();
    expect(rt2).not.toBe(rt1);
    // rt1 is spent: presenting it at A is reuse, which revokes the family (RFC 9700 §4.14.2), at B too.
    const reuse = await refresh(A, rt1);
    expect((await reuse.json()).error).toBe('invalid_grant');
    expect((await (await refresh(B, rt2)).json()).error).toBe('invalid_grant');
    expect((await photos(B, at1)).status).toBe(401);
  });

  it('share lab realms: made at A, used at B with the same keys, its attacker log read at A, ended at B for both', async () => {
    const made = await via(A)(`${ORIGIN}/api/realms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weaknesses: ['rs-skips-aud'] }),
    });
    expect(made.status).toBe(201);
    const { id } = await made.json();
    const doc = await via(B)(`${ORIGIN}/api/realms/${id}`);
    expect(doc.status).toBe(200);
    expect((await doc.json()).weaknesses).toEqual(['rs-skips-aud']);

    const token = await clientCredentialsToken(B, id);
    expect((await photos(A, token, id)).status).toBe(200);
    // A lab realm's keys are its own, at both instances.
    const [labKeys, demoKeys] = await Promise.all(
      [`/as/${id}/jwks`, '/as/demo/jwks'].map(async (p) => (await via(A)(`${ORIGIN}${p}`)).json()),
    );
    expect(labKeys.keys[0].kid).not.toBe(demoKeys.keys[0].kid);
    expect(await (await via(B)(`${ORIGIN}/as/${id}/jwks`)).json()).toEqual(labKeys);

    await via(B)(`${ORIGIN}/attacker/${id}/callback?code=stolen`);
    const log = await (await via(A)(`${ORIGIN}/attacker/${id}/log`)).json();
    expect(log.records.map((r: { query: Record<string, string> }) => r.query.code)).toEqual(['stolen']);

    expect((await via(B)(`${ORIGIN}/api/realms/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await via(A)(`${ORIGIN}/api/realms/${id}`)).status).toBe(404);
    expect((await photos(A, token, id)).status).toBe(404);
  });

  it('lets only one of several concurrent device polls rewrite the record; the others hear slow_down (RFC 8628 §3.5)', async () => {
    const start = await via(A)(`${ORIGIN}/as/demo/device_authorization`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'tv', scope: 'openid' }),
    });
    const { device_code: deviceCode } = await start.json();
    const body = () =>
      new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode, client_id: 'tv' });
    // One instance's state, requests in flight together (they interleave at every Redis round trip).
    setServerState(A);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        handleServerRequest(new Request(`${ORIGIN}/as/demo/token`, { method: 'POST', body: body() })).then((r) => r.json()),
      ),
    );
    expect(answers.map((a) => a.error).sort()).toEqual(['authorization_pending', 'slow_down', 'slow_down', 'slow_down', 'slow_down']);
  });
});
