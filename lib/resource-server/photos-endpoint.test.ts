import { describe, expect, it } from 'vitest';
import { handleServerRequest } from '../server-router';
import { MAX_PHOTOS_PER_SUB } from './photo-store';
import { bearerRequest, demoRealm, mintAccessToken } from './test-tokens';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function post(token: string, init: RequestInit) {
  const res = await handleServerRequest(bearerRequest('/rs/demo/photos', token, init));
  return { status: res.status, www: res.headers.get('www-authenticate'), body: await res.json() };
}

describe('photos and profile endpoints', () => {
  it('refuses a token without photos:read with 403 insufficient_scope naming the scope', async () => {
    const token = await mintAccessToken(await demoRealm(), { claims: { scope: 'openid profile' } });
    const res = await handleServerRequest(bearerRequest('/rs/demo/photos', token));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="[^"]+", error="insufficient_scope", error_description="[^"]+", scope="photos:read"$/,
    );
    expect((await res.json()).error).toBe('insufficient_scope');
  });

  it('adds a photo with photos:write, answers 201, and lists it afterwards for the same sub only', async () => {
    const realm = await demoRealm();
    const sub = `user-${crypto.randomUUID()}`;
    const token = await mintAccessToken(realm, { claims: { sub } });
    const created = await post(token, json({ title: '  Harbour at dusk ' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Harbour at dusk', owner: sub });
    const list = await (await handleServerRequest(bearerRequest('/rs/demo/photos', token))).json();
    expect(list.photos.map((p: { title: string }) => p.title)).toContain('Harbour at dusk');
    const other = await (
      await handleServerRequest(bearerRequest('/rs/demo/photos', await mintAccessToken(realm, { claims: { sub: 'bob' } })))
    ).json();
    expect(other.photos.map((p: { title: string }) => p.title)).not.toContain('Harbour at dusk');
  });

  it(`keeps only the latest ${MAX_PHOTOS_PER_SUB} uploaded photos per caller`, async () => {
    const realm = await demoRealm();
    const token = await mintAccessToken(realm, { claims: { sub: `user-${crypto.randomUUID()}` } });
    for (let i = 0; i < MAX_PHOTOS_PER_SUB + 5; i++) await post(token, json({ title: `p${i}` }));
    const list = await (await handleServerRequest(bearerRequest('/rs/demo/photos', token))).json();
    const uploaded = list.photos.filter((p: { id: string }) => !p.id.startsWith('sample-'));
    expect(uploaded).toHaveLength(MAX_PHOTOS_PER_SUB);
    expect(uploaded.at(-1).title).toBe(`p${MAX_PHOTOS_PER_SUB + 4}`);
  });

  it('refuses a write with only photos:read', async () => {
    const token = await mintAccessToken(await demoRealm(), { claims: { scope: 'photos:read' } });
    const { status, www } = await post(token, json({ title: 'x' }));
    expect(status).toBe(403);
    expect(www).toMatch(/scope="photos:write"/);
  });

  const badBodies: Array<[string, RequestInit, RegExp]> = [
    ['a missing title', json({}), /must be a string/],
    ['an empty title', json({ title: '   ' }), /must not be empty/],
    ['a long title', json({ title: 'x'.repeat(101) }), /longer than 100/],
    ['a title with control characters', json({ title: 'a\u0000b' }), /control characters/],
    ['an unknown field', json({ title: 'x', owner: 'bob' }), /Unknown field "owner"/],
    ['a JSON array', json(['x']), /JSON object/],
    ['broken JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' }, /not valid JSON/],
    ['a text body', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, /application\/json/],
    ['a body over 4 KB', json({ title: 'x'.repeat(5000) }), /larger than/],
  ];

  it.each(badBodies)('refuses %s with 400 invalid_request', async (_name, init, why) => {
    const token = await mintAccessToken(await demoRealm());
    const { status, body } = await post(token, init);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(why);
  });

  it('describes a user from the realm’s accounts on /profile', async () => {
    const token = await mintAccessToken(await demoRealm(), { claims: { sub: 'alice', scope: 'profile' } });
    const res = await handleServerRequest(bearerRequest('/rs/demo/profile', token));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sub: 'alice', kind: 'user', name: 'Alice Liddell' });
  });

  it('describes the client itself when the token came from client_credentials', async () => {
    const token = await mintAccessToken(await demoRealm(), { claims: { sub: 'service', client_id: 'service', scope: 'profile' } });
    const res = await handleServerRequest(bearerRequest('/rs/demo/profile', token));
    expect(await res.json()).toMatchObject({ sub: 'service', kind: 'client', name: 'Photo Backup Service' });
  });

  it('refuses /profile without the profile scope', async () => {
    const token = await mintAccessToken(await demoRealm(), { claims: { scope: 'photos:read' } });
    const res = await handleServerRequest(bearerRequest('/rs/demo/profile', token));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/scope="profile"/);
  });
});
