import { beforeEach, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../resource-server/test-tokens';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { resolveRealm, setServerStore } from './registry';
import { LAB_ORIGIN, createLab } from './test-lab';

/** Regression tests for the demo hardening of the realm issue that live with the realm layer. */
let now = 1_900_000_000;
const clock = { nowSeconds: () => now };
beforeEach(() => {
  now = 1_900_000_000;
  setServerStore(new MemoryStore({ clock }), clock);
});

const service = {
  Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
  'Content-Type': 'application/x-www-form-urlencoded',
};
const token = async (issuer: string) =>
  (
    await (
      await inProcessFetch(`${issuer}/token`, { method: 'POST', headers: service, body: 'grant_type=client_credentials&scope=photos:read' })
    ).json()
  ).access_token as string;
const photos = (resource: string, t: string) => inProcessFetch(`${resource}/photos`, { headers: { Authorization: `Bearer ${t}` } });
const demo = { issuer: `${LAB_ORIGIN}/as/demo`, resource: `${LAB_ORIGIN}/rs/demo` };

describe('demo hardening', () => {
  it('a revoked token stays refused within the RS clock tolerance after its exp (its record outlives it)', async () => {
    const t = await token(demo.issuer);
    await inProcessFetch(`${demo.issuer}/revoke`, { method: 'POST', headers: service, body: `token=${t}` });
    now += 610; // past exp (600 s), inside the 30 s tolerance: the record used to be gone by now
    const res = await photos(demo.resource, t);
    expect(res.status).toBe(401);
    expect(res.headers.get('flowlab-checks')).toMatch(/active=fail$/);
  });

  it('a token the AS has no record of is refused, even correctly signed (fail closed)', async () => {
    const realm = (await resolveRealm('demo', LAB_ORIGIN))!;
    const res = await photos(demo.resource, await mintAccessToken(realm, { unrecorded: true }));
    expect(res.status).toBe(401);
    expect((await res.json()).error_description).toMatch(/revoked, or this authorization server does not know it/);
  });

  it('userinfo’s WWW-Authenticate is ASCII only (RFC 6750 §3), whatever the description says', async () => {
    const res = await inProcessFetch(`${demo.issuer}/userinfo`, { headers: { Authorization: 'Bearer x.y.z' } });
    expect(res.status).toBe(401);
    const www = res.headers.get('www-authenticate')!;
    expect(www).toMatch(/^Bearer realm="http:\/\/localhost:3000\/as\/demo", error="invalid_token"/);
    expect(/^[\x20-\x7e]*$/.test(www)).toBe(true);
  });

  it('signing keys are not extractable', async () => {
    const realm = (await resolveRealm('demo', LAB_ORIGIN))!;
    for (const key of realm.keys.all) expect(key.privateKey.extractable).toBe(false);
  });
});

describe('accessTokenFormat: opaque', () => {
  it('issues random strings the RS checks against the AS’s records; revocation takes effect at once; introspection describes them', async () => {
    const lab = await createLab([], { accessTokenFormat: 'opaque' });
    const t = await token(lab.issuer);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ok = await photos(lab.resource, t);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('flowlab-checks')).toBe('format=pass, aud=pass, exp=pass, active=pass, scope=pass');
    const rs = {
      Authorization: `Basic ${Buffer.from('rs:rs-secret').toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    const info = await (await inProcessFetch(`${lab.issuer}/introspect`, { method: 'POST', headers: rs, body: `token=${t}` })).json();
    expect(info).toMatchObject({ active: true, client_id: 'service', aud: lab.resource });
    await inProcessFetch(`${lab.issuer}/revoke`, { method: 'POST', headers: service, body: `token=${t}` });
    const after = await photos(lab.resource, t);
    expect(after.status).toBe(401);
    expect(after.headers.get('flowlab-checks')).toMatch(/active=fail$/);
    // A made-up opaque string is simply unknown.
    expect((await photos(lab.resource, 'A'.repeat(43))).status).toBe(401);
  });
});
