import { describe, expect, it, vi } from 'vitest';
import { obtainLabRealm, specKey } from './lab-realms';

const ORIGIN = 'http://localhost:3000';
const ID = 'A'.repeat(32);

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('obtainLabRealm', () => {
  it('keys realms by their sorted weaknesses and settings', () => {
    expect(specKey({ weaknesses: ['b', 'a'] })).toBe(specKey({ weaknesses: ['a', 'b'] }));
    expect(specKey({ weaknesses: [] })).not.toBe(specKey({ weaknesses: [], settings: { accessTokenFormat: 'opaque' } }));
  });

  it('keys the lifetime, leeway and resources settings too, leaving the key of a spec without them as it was', () => {
    expect(specKey({ weaknesses: [], settings: { accessTokenFormat: 'jwt' } })).toBe('flowlab:lab-realm:hardened|jwt');
    const short = specKey({ weaknesses: [], settings: { accessTokenLifetime: 2, clockTolerance: 0 } });
    expect(short).not.toBe(specKey({ weaknesses: [] }));
    expect(short).not.toBe(specKey({ weaknesses: [], settings: { accessTokenLifetime: 2 } }));
    const r = (resources: string[]) => specKey({ weaknesses: [], settings: { resources } });
    expect(r(['https://b.example', 'https://a.example'])).toBe(r(['https://a.example', 'https://b.example']));
    expect(r(['https://a.example'])).not.toBe(specKey({ weaknesses: [] }));
  });

  it('makes a realm once and reuses it while GET says it lives; URLs are rebuilt from the page origin', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async (url: string) =>
      url === '/api/realms'
        ? json(201, { id: ID, issuer: 'http://evil.example/as/x', weaknesses: ['rs-accepts-alg-none'] })
        : json(200, { id: ID, weaknesses: ['rs-accepts-alg-none'] }),
    );
    const first = await obtainLabRealm(
      { weaknesses: ['rs-accepts-alg-none'] },
      { origin: ORIGIN, fetch: fetch as unknown as typeof globalThis.fetch, storage },
    );
    expect(first).toEqual({
      ok: true,
      realm: { id: ID, issuer: `${ORIGIN}/as/${ID}`, resource: `${ORIGIN}/rs/${ID}`, weaknesses: ['rs-accepts-alg-none'] },
    });
    const again = await obtainLabRealm(
      { weaknesses: ['rs-accepts-alg-none'] },
      { origin: ORIGIN, fetch: fetch as unknown as typeof globalThis.fetch, storage },
    );
    expect(again).toEqual(first);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/realms', `/api/realms/${ID}`]);
  });

  it('makes a new realm when the remembered one expired', async () => {
    const storage = memoryStorage();
    storage.setItem(specKey({ weaknesses: [] }), 'gone-gone-gone-gone-gone');
    const fetch = vi.fn(async (url: string) =>
      url === '/api/realms' ? json(201, { id: ID, weaknesses: [] }) : json(404, { error: 'not_found' }),
    );
    const got = await obtainLabRealm({ weaknesses: [] }, { origin: ORIGIN, fetch: fetch as unknown as typeof globalThis.fetch, storage });
    expect(got.ok && got.realm.id).toBe(ID);
    expect(storage.getItem(specKey({ weaknesses: [] }))).toBe(ID);
  });

  it('says why a realm could not be made: the lab is full, a bad answer, the network', async () => {
    const storage = memoryStorage();
    const full = vi.fn(async () =>
      json(429, { error: 'too_many_requests', error_description: 'The lab holds 2000 realms.' }, { 'retry-after': '30' }),
    );
    expect(await obtainLabRealm({ weaknesses: [] }, { origin: ORIGIN, fetch: full as unknown as typeof fetch, storage })).toEqual({
      ok: false,
      message: 'The lab cannot make another realm right now (The lab holds 2000 realms.). Try again in 30 s.',
    });
    const odd = vi.fn(async () => json(201, { id: '../../etc', weaknesses: [] }));
    expect(await obtainLabRealm({ weaknesses: [] }, { origin: ORIGIN, fetch: odd as unknown as typeof fetch, storage })).toMatchObject({
      ok: false,
    });
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await obtainLabRealm({ weaknesses: [] }, { origin: ORIGIN, fetch: down as unknown as typeof fetch, storage })).toEqual({
      ok: false,
      message: 'The lab realm could not be made: Failed to fetch.',
    });
  });
});
