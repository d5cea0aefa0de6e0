import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, via } from '@/test/in-process-instance';
import { startRedisServer, type RedisServer } from '@/test/redis-server';
import { newServerState, type ServerState } from '../realms/registry';
import { RedisStore } from './redis-store';

/**
 * Redis stalls (SIGSTOP), dies (SIGKILL) and comes back, mid-test, under a running instance: every
 * request in between fails closed with 503 temporarily_unavailable (JSON; an HTML page on the AS's
 * pages), never a 500, never a token accepted that should be refused; and the instance recovers
 * by itself. Its own redis-server, so that stopping it disturbs no other test.
 */
let server: RedisServer;
let store: RedisStore;
let app: ServerState;
let now = Math.floor(Date.now() / 1000);
const clock = { nowSeconds: () => now };

beforeAll(async () => {
  server = await startRedisServer();
  store = new RedisStore({ url: server.url, commandTimeoutMs: 300 });
  app = newServerState(store, clock);
});
afterAll(async () => {
  await store?.close();
  await server?.stop();
});

const http = () => ({ [oauth.customFetch]: via(app), [oauth.allowInsecureRequests]: true }) as const;
const issuer = new URL(`${ORIGIN}/as/demo`);

function tokenRequest(): Promise<Response> {
  return via(app)(`${ORIGIN}/as/demo/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('service:service-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=photos:read',
  });
}
async function token(): Promise<string> {
  const res = await tokenRequest();
  expect(res.status).toBe(200);
  return (await res.json()).access_token;
}
const photos = (accessToken: string) => via(app)(`${ORIGIN}/rs/demo/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
const revoke = (accessToken: string) =>
  via(app)(`${ORIGIN}/as/demo/revoke`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('service:service-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: accessToken }),
  });
const authorizePage = () =>
  via(app)(
    `${ORIGIN}/as/demo/authorize?${new URLSearchParams({
      client_id: 'spa',
      redirect_uri: `${ORIGIN}/flows/callback`,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    })}`,
    { headers: { accept: 'text/html' } },
  );
const createRealm = () =>
  via(app)(`${ORIGIN}/api/realms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"weaknesses":[]}' });

/** The answer of a store that cannot answer: RFC 6749 §5.2 JSON, 503, Retry-After, no-store. */
async function expectUnavailableJson(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(res.headers.get('retry-after')).toBe('5');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect((await res.json()).error).toBe('temporarily_unavailable');
}
async function expectUnavailablePage(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  expect(await res.text()).toContain('temporarily_unavailable');
}

/** Polls until the instance serves again (its client reconnects in the background); no timing is asserted. */
async function untilServing(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await tokenRequest()).status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the instance did not recover after Redis came back');
}

describe('Redis stalls, dies and returns under a running instance', () => {
  it('fails closed while Redis is stalled and recovers when it resumes; a revoked token is never accepted', async () => {
    const live = await token();
    const revoked = await token();
    expect((await revoke(revoked)).status).toBe(200);
    expect((await photos(live)).status).toBe(200);
    expect((await photos(revoked)).status).toBe(401);

    server.pause();
    try {
      // The RS cannot ask whether a token was revoked: it refuses both, neither 200 nor 500.
      await expectUnavailableJson(await photos(live));
      await expectUnavailableJson(await photos(revoked));
      await expectUnavailableJson(await tokenRequest());
      await expectUnavailableJson(await createRealm());
      await expectUnavailablePage(await authorizePage());
    } finally {
      server.resume();
    }
    await untilServing();
    expect((await photos(live)).status).toBe(200);
    expect((await photos(revoked)).status).toBe(401);
  });

  it('fails closed while Redis is down, and after a restart that lost every record refuses old tokens and issues new ones', async () => {
    const before = await token();
    const jwksBefore = await (await via(app)(`${ORIGIN}/as/demo/jwks`)).json();
    await server.stop();
    await expectUnavailableJson(await photos(before));
    await expectUnavailableJson(await tokenRequest());
    await expectUnavailablePage(await authorizePage());
    // Even a realm lookup needs Redis (is this lab realm live?): 503, not 404.
    await expectUnavailableJson(await via(app)(`${ORIGIN}/attacker/some-lab-realm/log`));

    await server.restart();
    await untilServing();
    // No persistence: the AS has no record of the old token's jti, so it is refused (RFC 9068 §4 + its records).
    expect((await photos(before)).status).toBe(401);
    const after = await token();
    expect((await photos(after)).status).toBe(200);
    // The instance offers its keys again (within a minute), so a new instance joins with the same ones.
    now += 61;
    await via(app)(`${ORIGIN}/as/demo/jwks`);
    const newcomer = newServerState(new RedisStore({ url: server.url, commandTimeoutMs: 300 }), clock);
    const jwksNewcomer = await (await via(newcomer)(`${ORIGIN}/as/demo/jwks`)).json();
    expect(jwksNewcomer).toEqual(jwksBefore);
    await (newcomer.store as RedisStore).close();
  });

  it('answers 503 at once when Redis was never reachable', async () => {
    const nowhere = new RedisStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 300 });
    const orphan = newServerState(nowhere);
    try {
      const res = await via(orphan)(`${ORIGIN}/as/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      await expectUnavailableJson(res);
      const discovery = await oauth.discoveryRequest(issuer, { ...http(), [oauth.customFetch]: via(orphan) });
      expect(discovery.status).toBe(503);
    } finally {
      await nowhere.close();
    }
  });
});
