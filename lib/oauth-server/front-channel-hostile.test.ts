import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../realms/registry';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';

beforeEach(() => setServerStore(new MemoryStore()));

const BASE = 'http://localhost:3000/as/demo';
const PATHS = ['authorize', 'login', 'consent', 'logout', 'device', 'device_authorization'];
const NAMES = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'pending',
  'username',
  'password',
  'decision',
  'user_code',
  'done',
];

const params = fc.array(
  fc.tuple(
    fc.constantFrom(...NAMES),
    fc.oneof(fc.string(), fc.constantFrom('spa', 'code', 'openid', 'S256', 'http://localhost:3000/flows/callback', 'x'.repeat(70_000))),
  ),
  { maxLength: 8 },
);

describe('front channel under hostile input', () => {
  it('never answers 5xx to any combination of parameters, by GET or POST', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), params, fc.boolean(), fc.string({ maxLength: 80 }), async (path, pairs, post, cookie) => {
        const query = new URLSearchParams(pairs).toString();
        const headers: Record<string, string> = { cookie: cookie.replace(/[^\x20-\x7e]/g, '') };
        const res = post
          ? await inProcessFetch(`${BASE}/${path}`, {
              method: 'POST',
              body: query,
              headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
            })
          : await inProcessFetch(`${BASE}/${path}?${query}`, { headers });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts the authorization request by POST too (RFC 6749 §3.1) and refuses other content types', async () => {
    const body = new URLSearchParams({
      client_id: 'spa',
      redirect_uri: 'http://localhost:3000/flows/callback',
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const ok = await inProcessFetch(`${BASE}/authorize`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Sign in');
    const json = await inProcessFetch(`${BASE}/authorize`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
    expect(json.headers.get('content-type')).toContain('text/html');
  });

  it('answers other methods with 405 and Allow', async () => {
    const res = await inProcessFetch(`${BASE}/authorize`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD');
  });
});
