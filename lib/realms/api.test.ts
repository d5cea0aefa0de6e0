import { beforeEach, describe, expect, it } from 'vitest';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { WEAKNESSES } from './catalogue';
import { resolveRealm, setServerStore } from './registry';
import { LAB_ORIGIN, createLab, postJson } from './test-lab';

beforeEach(() => setServerStore(new MemoryStore()));

const get = (path: string, init?: RequestInit) => inProcessFetch(`${LAB_ORIGIN}${path}`, init);

describe('GET /api/weaknesses', () => {
  it('lists every weakness with its point, attack, specs and server, kebab-case named', async () => {
    const res = await get('/api/weaknesses');
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(WEAKNESSES.length);
    for (const w of list) {
      expect(w.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(Object.keys(w).sort()).toEqual(['attack', 'name', 'point', 'server', 'specs']);
      expect(['as', 'rs', 'client']).toContain(w.server);
      expect((w.specs as string[]).length).toBeGreaterThan(0);
      for (const s of w.specs as string[]) expect(s).toMatch(/^(RFC \d{4}|OIDC Core) §[\d.]+$/);
    }
    expect(list.map((w) => w.name)).toEqual(
      expect.arrayContaining(['rs-accepts-alg-none', 'as-redirect-uri-prefix', 'client-skips-state-check']),
    );
  });
});

describe('POST /api/realms', () => {
  it('creates a realm with an unguessable id, its issuer and resource, and an expiry an hour away', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await postJson('/api/realms', { weaknesses: ['rs-accepts-alg-none', 'as-pkce-optional'] });
    expect(res.status).toBe(201);
    const doc = await res.json();
    // ≥ 128 random bits, base64url (DESIGN.md).
    expect(doc.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(doc.id, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(doc).toMatchObject({
      issuer: `${LAB_ORIGIN}/as/${doc.id}`,
      resource: `${LAB_ORIGIN}/rs/${doc.id}`,
      weaknesses: ['rs-accepts-alg-none', 'as-pkce-optional'],
      settings: { accessTokenFormat: 'jwt' },
    });
    expect(doc.expiresAt).toBeGreaterThanOrEqual(before + 3600);
    expect(doc.expiresAt).toBeLessThanOrEqual(before + 3601);
    expect(res.headers.get('location')).toBe(`${LAB_ORIGIN}/api/realms/${doc.id}`);

    const again = await get(`/api/realms/${doc.id}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: doc.id, issuer: doc.issuer, weaknesses: doc.weaknesses });
    const discovery = await (await get(`/as/${doc.id}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(doc.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('gives two realms different ids and an empty list a hardened realm', async () => {
    const a = await createLab();
    const b = await createLab();
    expect(a.id).not.toBe(b.id);
    expect(a.weaknesses).toEqual([]);
    expect((await a.realm()).weaknesses).toEqual([]);
  });

  it('accepts a short token lifetime, a clock tolerance and other resources, and the AS issues tokens of that lifetime', async () => {
    const settings = { accessTokenLifetime: 2, clockTolerance: 0, resources: ['https://print.example/api'] };
    const lab = await createLab([], settings);
    expect((await lab.realm()).settings).toEqual({ accessTokenFormat: 'jwt', ...settings });
    expect((await lab.realm()).lifetimes.accessToken).toBe(2);
  });

  it('accepts the opaque access-token setting', async () => {
    const lab = await createLab([], { accessTokenFormat: 'opaque' });
    expect((await lab.realm()).settings.accessTokenFormat).toBe('opaque');
  });

  it.each([
    ['an unknown weakness', { weaknesses: ['rs-accepts-everything'] }, /Unknown weakness "rs-accepts-everything"/],
    [
      'two weaknesses at one point',
      { weaknesses: ['as-redirect-uri-prefix', 'as-redirect-uri-substring'] },
      /"as-redirect-uri-prefix" and "as-redirect-uri-substring" both fill the policy point as\.redirect-uri/,
    ],
    ['weaknesses that is not an array', { weaknesses: 'rs-skips-aud' }, /must be an array/],
    ['a non-string weakness', { weaknesses: [42] }, /must be an array of weakness names/],
    ['an unknown field', { weaknesses: [], realm: 'demo' }, /Unknown field "realm"/],
    ['an unknown setting', { settings: { tokenColour: 'blue' } }, /Unknown setting "tokenColour"/],
    [
      'a token lifetime of 0 s',
      { settings: { accessTokenLifetime: 0 } },
      /accessTokenLifetime" must be a whole number of seconds from 1 to 3600/,
    ],
    ['a fractional token lifetime', { settings: { accessTokenLifetime: 2.5 } }, /accessTokenLifetime" must be a whole number/],
    ['a token lifetime as a string', { settings: { accessTokenLifetime: '5' } }, /accessTokenLifetime" must be a whole number/],
    ['a huge clock tolerance', { settings: { clockTolerance: 1e9 } }, /clockTolerance" must be a whole number of seconds from 0 to 300/],
    ['a negative clock tolerance', { settings: { clockTolerance: -1 } }, /clockTolerance" must be a whole number/],
    ['resources that is not an array', { settings: { resources: 'https://print.example' } }, /resources" must be an array/],
    ['too many resources', { settings: { resources: ['a', 'b', 'c', 'd', 'e'].map((h) => `https://${h}.example`) } }, /at most 4/],
    ['a relative resource', { settings: { resources: ['/rs/other'] } }, /absolute http\(s\) URI without a fragment/],
    ['a resource with a fragment', { settings: { resources: ['https://print.example/#x'] } }, /without a fragment/],
    ['a javascript: resource', { settings: { resources: ['javascript:alert(1)'] } }, /absolute http\(s\) URI/],
    ['a bad token format', { settings: { accessTokenFormat: 'paseto' } }, /must be "jwt" or "opaque"/],
    ['a JSON array body', [], /must be a JSON object/],
    ['a JSON null body', null, /must be a JSON object/],
    ['broken JSON', '{"weaknesses": [', /not valid JSON/],
  ])('refuses %s with 400 invalid_request naming the problem', async (_label, body, message) => {
    const res = await postJson('/api/realms', body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe('invalid_request');
    expect(json.error_description).toMatch(message);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong content type with 400, a body over 16 KB with 413, and other methods with 405', async () => {
    const text = await inProcessFetch(`${LAB_ORIGIN}/api/realms`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(400);
    expect((await text.json()).error_description).toMatch(/application\/json/);
    const huge = await postJson('/api/realms', { weaknesses: [], pad: 'x'.repeat(17 * 1024) });
    expect(huge.status).toBe(413);
    const chunked = await inProcessFetch(`${LAB_ORIGIN}/api/realms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start: (c) => {
          for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(' '.repeat(1024)));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await get('/api/realms')).status).toBe(405);
    expect((await get('/api/weaknesses', { method: 'DELETE' })).status).toBe(405);
  });

  it('limits creations per client address: the 121st in a minute gets 429 with Retry-After', async () => {
    for (let i = 0; i < 120; i++) expect((await postJson('/api/realms', {})).status).toBe(201);
    const res = await postJson('/api/realms', {});
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect((await res.json()).error).toBe('temporarily_unavailable');
  });
});

describe('GET and DELETE /api/realms/{id}', () => {
  it('ends a realm with 204; its servers and document are then 404', async () => {
    const lab = await createLab(['rs-skips-aud']);
    expect((await get(`/api/realms/${lab.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(`/api/realms/${lab.id}`)).status).toBe(404);
    expect((await get(`/as/${lab.id}/jwks`)).status).toBe(404);
    expect((await get(`/api/realms/${lab.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('answers 404 JSON for unknown ids and invalid percent-encoding, never a 500', async () => {
    for (const id of ['nope', '%ff', '%c0%ae%c0%ae', 'a'.repeat(500)]) {
      const res = await get(`/api/realms/${id}`);
      expect(res.status, id).toBe(404);
      expect((await res.json()).error).toBe('invalid_request');
    }
  });

  it('never deletes or weakens demo', async () => {
    const del = await get('/api/realms/demo', { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect((await del.json()).error_description).toMatch(/demo realm cannot be deleted or weakened/);
    await createLab(WEAKNESSES.filter((w, i, all) => all.findIndex((x) => x.point === w.point) === i).map((w) => w.name));
    const demo = (await resolveRealm('demo', LAB_ORIGIN))!;
    expect(demo.weaknesses).toEqual([]);
    const discovery = await (await get('/as/demo/.well-known/openid-configuration')).json();
    expect(discovery).toMatchObject({
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(discovery.grant_types_supported).not.toContain('password');
  });
});
