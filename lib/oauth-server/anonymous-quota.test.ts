import { beforeEach, describe, expect, it } from 'vitest';
import { setServerStore } from '../realms/registry';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { ANONYMOUS_PER_MINUTE } from './anonymous-quota';

const ORIGIN = 'http://localhost:3000';
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  inProcessFetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
const service = { Authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}` };

let now = 1_900_000_000;
const clock = { nowSeconds: () => now };
beforeEach(() => {
  now = 1_900_000_000;
  setServerStore(new MemoryStore({ clock }), clock);
});

describe('anonymous entries are limited per client address', () => {
  it('refuses device authorizations past the quota with 429, whatever X-Forwarded-For says, and allows them again a minute later', async () => {
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++)
      expect(
        (await post('/as/demo/device_authorization', 'client_id=tv&scope=openid', { 'X-Forwarded-For': `10.0.0.${i % 250}` })).status,
      ).toBe(200);
    const refused = await post('/as/demo/device_authorization', 'client_id=tv&scope=openid', { 'X-Forwarded-For': '10.9.9.9' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await refused.json()).error).toBe('temporarily_unavailable');
    now += 61;
    expect((await post('/as/demo/device_authorization', 'client_id=tv&scope=openid')).status).toBe(200);
  });

  it('a flood of anonymous requests never brings a revoked token back (the eviction attack)', async () => {
    const { access_token: token } = await (await post('/as/demo/token', 'grant_type=client_credentials&scope=photos:read', service)).json();
    expect((await post('/as/demo/revoke', `token=${token}`, service)).status).toBe(200);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const s = (await post('/as/demo/device_authorization', 'client_id=tv&scope=openid')).status;
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    expect(statuses.get(200)).toBe(ANONYMOUS_PER_MINUTE);
    const api = await inProcessFetch(`${ORIGIN}/rs/demo/photos`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(401);
  });
});

describe('pending authorization requests', () => {
  it('past the quota, the authorization endpoint redirects with temporarily_unavailable instead of storing more', async () => {
    const url = `${ORIGIN}/as/demo/authorize?client_id=spa&redirect_uri=${encodeURIComponent(`${ORIGIN}/flows/callback`)}&response_type=code&scope=openid&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`;
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await inProcessFetch(url)).status).toBe(200);
    const refused = await inProcessFetch(url, { redirect: 'manual' });
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('temporarily_unavailable');
    expect(location.searchParams.get('state')).toBe('s');
  });
});
