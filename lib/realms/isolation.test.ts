import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { storeKeys, type AuthorizationCodeRecord } from '../oauth-server/records';
import { createSession, getSession } from '../oauth-server/session';
import { s256Challenge } from '../oauth-server/pkce';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { resolveRealm, setServerStore } from './registry';
import { LAB_ORIGIN, createLab, type LabRealm } from './test-lab';

/**
 * Every value a realm stores lives under its own prefix: nothing of realm A means anything at
 * realm B or at demo (DESIGN.md "Lab realms"). Each kind of value is tried at the other two.
 */
beforeEach(() => setServerStore(new MemoryStore()));

const CALLBACK = `${LAB_ORIGIN}/flows/callback`;
const form = (params: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});
const tokenAt = (issuer: string, params: Record<string, string>) => inProcessFetch(`${issuer}/token`, form(params));
const demoIssuer = `${LAB_ORIGIN}/as/demo`;

async function seedCode(lab: LabRealm) {
  const realm = await lab.realm();
  const verifier = oauth.generateRandomCodeVerifier();
  const code = oauth.generateRandomState();
  const record: AuthorizationCodeRecord = {
    clientId: 'spa',
    redirectUri: CALLBACK,
    scope: ['openid', 'offline_access', 'photos:read'],
    sub: 'alice',
    authTime: realm.clock.nowSeconds(),
    codeChallenge: s256Challenge(verifier),
    codeChallengeMethod: 'S256',
    grantId: oauth.generateRandomState(),
  };
  await realm.store.set(storeKeys.code(code), record, 60);
  return { code, verifier };
}

const redeemParams = (code: string, verifier: string) => ({
  grant_type: 'authorization_code',
  client_id: 'spa',
  code,
  code_verifier: verifier,
  redirect_uri: CALLBACK,
});

describe('realm isolation', () => {
  it('a code of realm A is unknown at realm B and at demo, and still good at A', async () => {
    const [a, b] = [await createLab(), await createLab()];
    const { code, verifier } = await seedCode(a);
    for (const issuer of [b.issuer, demoIssuer]) {
      const res = await tokenAt(issuer, redeemParams(code, verifier));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe('invalid_grant');
    }
    expect((await tokenAt(a.issuer, redeemParams(code, verifier))).status).toBe(200);
  });

  it('a refresh token and an access token of realm A are refused at B and at demo', async () => {
    const [a, b] = [await createLab(), await createLab(['rs-skips-aud', 'rs-skips-signature'])];
    const { code, verifier } = await seedCode(a);
    const tokens = await (await tokenAt(a.issuer, redeemParams(code, verifier))).json();
    for (const issuer of [b.issuer, demoIssuer]) {
      const res = await tokenAt(issuer, { grant_type: 'refresh_token', client_id: 'spa', refresh_token: tokens.refresh_token });
      expect((await res.json()).error).toBe('invalid_grant');
    }
    // Even a realm that skips aud and signature does not know A's token: its `jti` is not in B's records.
    for (const resource of [b.resource, `${LAB_ORIGIN}/rs/demo`]) {
      const res = await inProcessFetch(`${resource}/photos`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status, resource).toBe(401);
    }
    const ok = await inProcessFetch(`${a.resource}/photos`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(ok.status).toBe(200);
  });

  it('a session of realm A is no session at B or demo', async () => {
    const [a, b] = [await createLab(), await createLab()];
    const { cookie } = await createSession(await a.realm(), 'alice');
    expect(cookie).toContain(`Path=/as/${a.id}`);
    const sid = cookie.split(';')[0];
    const request = new Request(`${LAB_ORIGIN}/as/x/authorize`, { headers: { cookie: sid } });
    expect(await getSession(request, await a.realm())).toMatchObject({ sub: 'alice' });
    expect(await getSession(request, await b.realm())).toBeUndefined();
    expect(await getSession(request, (await resolveRealm('demo', LAB_ORIGIN))!)).toBeUndefined();
  });

  it('a device code of realm A is unknown at B, and its user code finds nothing on B’s device page', async () => {
    const [a, b] = [await createLab(), await createLab()];
    const started = await (await inProcessFetch(`${a.issuer}/device_authorization`, form({ client_id: 'tv', scope: 'openid' }))).json();
    const poll = (issuer: string) =>
      tokenAt(issuer, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: 'tv', device_code: started.device_code });
    expect((await (await poll(b.issuer)).json()).error).toBe('invalid_grant');
    expect((await (await poll(demoIssuer)).json()).error).toBe('invalid_grant');
    expect((await (await poll(a.issuer)).json()).error).toBe('authorization_pending');
    const realmB = await b.realm();
    expect(await realmB.store.get(storeKeys.userCode(started.user_code.replace('-', '')))).toBeUndefined();
    expect(await (await a.realm()).store.get(storeKeys.userCode(started.user_code.replace('-', '')))).toBe(started.device_code);
  });

  it('each realm has its own signing keys', async () => {
    const [a, b] = [await createLab(), await createLab()];
    const jwks = async (issuer: string) =>
      ((await (await inProcessFetch(`${issuer}/jwks`)).json()).keys as Array<{ kid: string }>).map((k) => k.kid);
    const [ka, kb, kd] = [await jwks(a.issuer), await jwks(b.issuer), await jwks(demoIssuer)];
    expect(ka.some((k) => kb.includes(k) || kd.includes(k))).toBe(false);
  });
});
