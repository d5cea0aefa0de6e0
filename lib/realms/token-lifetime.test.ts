import { beforeEach, describe, expect, it } from 'vitest';
import { parseCheckReport } from '../resource-server/check-report';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { setServerStore } from './registry';
import { createLab, type LabRealm } from './test-lab';

/** settings.accessTokenLifetime and settings.clockTolerance: a token that has really expired, by the server's own clock. */
let clockNow = 1_900_000_000;
const clock = { nowSeconds: () => clockNow };
beforeEach(() => {
  clockNow = 1_900_000_000;
  setServerStore(new MemoryStore({ clock }), clock);
});

async function token(lab: LabRealm) {
  const res = await inProcessFetch(`${lab.issuer}/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
    },
    body: 'grant_type=client_credentials&scope=photos:read',
  });
  return (await res.json()) as { access_token: string; expires_in: number };
}

async function call(lab: LabRealm, accessToken: string) {
  const res = await inProcessFetch(`${lab.resource}/photos`, { headers: { Authorization: `Bearer ${accessToken}` } });
  const exp = parseCheckReport(res.headers.get('flowlab-checks')).find((c) => c.check === 'exp')?.outcome;
  return { status: res.status, exp };
}

describe('a lab realm’s token lifetime and clock tolerance', () => {
  it('issues tokens of the set lifetime; with 0 s of leeway the RS refuses one the second it expires', async () => {
    const lab = await createLab([], { accessTokenLifetime: 2, clockTolerance: 0 });
    const t = await token(lab);
    expect(t.expires_in).toBe(2);
    clockNow += 1;
    expect(await call(lab, t.access_token)).toEqual({ status: 200, exp: 'pass' });
    clockNow += 1; // now = exp: RFC 7519 §4.1.4 "on or after" the expiration time it MUST NOT be accepted
    expect(await call(lab, t.access_token)).toEqual({ status: 401, exp: 'fail' });
  });

  it('with the default 30 s of leeway the same expired token is still accepted, until exp + 30 s', async () => {
    const lab = await createLab([], { accessTokenLifetime: 2 });
    const t = await token(lab);
    clockNow += 31;
    expect(await call(lab, t.access_token)).toEqual({ status: 200, exp: 'pass' });
    clockNow += 1;
    expect(await call(lab, t.access_token)).toEqual({ status: 401, exp: 'fail' });
  });

  it('the demo realm keeps its 10-minute tokens', async () => {
    const res = await inProcessFetch('http://localhost:3000/as/demo/token', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=photos:read',
    });
    expect((await res.json()).expires_in).toBe(600);
  });
});
