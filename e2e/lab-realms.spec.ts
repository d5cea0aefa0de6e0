import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, RS_CHECKLIST } from './pages/flow-player';

// Lab realms over real HTTP through Next.js and in Chromium: the API, a weakened RS next to a hardened
// one, and a weakened AS page that a browser lets another page frame.

async function createRealm(request: APIRequestContext, weaknesses: string[]) {
  const res = await request.post('/api/realms', { data: { weaknesses } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; issuer: string; resource: string; expiresAt: number };
}

const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

test('the catalogue and a realm’s life: create, read, use, end', async ({ request, baseURL }) => {
  const list = await (await request.get('/api/weaknesses')).json();
  expect(list.length).toBeGreaterThanOrEqual(24);
  const realm = await createRealm(request, ['rs-skips-aud']);
  expect(realm.issuer).toBe(`${baseURL}/as/${realm.id}`);
  const discovery = await (await request.get(`/as/${realm.id}/.well-known/openid-configuration`)).json();
  expect(discovery.issuer).toBe(realm.issuer);
  expect((await request.get(`/api/realms/${realm.id}`)).status()).toBe(200);
  expect((await request.delete(`/api/realms/${realm.id}`)).status()).toBe(204);
  expect((await request.get(`/as/${realm.id}/jwks`)).status()).toBe(404);
  expect((await request.delete('/api/realms/demo')).status()).toBe(403);
});

test('bad input gets a clear JSON error, never a 500', async ({ request }) => {
  const unknown = await request.post('/api/realms', { data: { weaknesses: ['rs-accepts-anything'] } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error_description).toMatch(/Unknown weakness "rs-accepts-anything"/);
  const clash = await request.post('/api/realms', { data: { weaknesses: ['as-redirect-uri-prefix', 'as-redirect-uri-substring'] } });
  expect((await clash.json()).error_description).toMatch(/both fill the policy point/);
  const huge = await request.post('/api/realms', {
    headers: { 'content-type': 'application/json' },
    data: `{"weaknesses":[],"x":"${'a'.repeat(20_000)}"}`,
  });
  expect(huge.status()).toBe(413);
  for (const path of [
    '/as/%ff/token',
    '/rs/%ff/photos',
    '/as/%c0%ae%c0%ae/jwks',
    '/.well-known/oauth-authorization-server/as/%ff',
    '/api/realms/%ff',
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()['content-type']).toMatch(/application\/json/);
    expect((await res.json()).error).toBe('invalid_request');
  }
});

test('alg none: the weakened RS accepts the forged token and says which check it weakened; the hardened RS refuses', async ({
  request,
}) => {
  const auth = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
  for (const [weaknesses, status, alg] of [
    [['rs-accepts-alg-none'], 200, 'weakened'],
    [[], 401, 'fail'],
  ] as const) {
    const realm = await createRealm(request, [...weaknesses]);
    const token = (
      await (
        await request.post(`/as/${realm.id}/token`, {
          headers: { Authorization: auth },
          form: { grant_type: 'client_credentials', scope: 'photos:read' },
        })
      ).json()
    ).access_token as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const forged = `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc({ ...claims, sub: 'alice', role: 'admin' })}.`;
    const res = await request.get(`/rs/${realm.id}/photos`, { headers: { Authorization: `Bearer ${forged}` } });
    expect(res.status()).toBe(status);
    expect(res.headers()['flowlab-checks']).toContain(`alg=${alg}`);
  }
});

test('clickjacking: a page can frame the weakened realm’s AS page; the hardened one refuses to be framed', async ({ page, request }) => {
  await page.goto('/');
  const origin = new URL(page.url()).origin;
  for (const [weaknesses, framed] of [
    [['as-consent-frameable'], true],
    [[], false],
  ] as const) {
    const realm = await createRealm(request, [...weaknesses]);
    const params = new URLSearchParams({
      client_id: 'spa',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${origin}/flows/callback`,
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    const src = `${realm.issuer}/authorize?${params}`;
    expect((await request.get(src)).status()).toBe(200);
    // Mallory's page: the AS page in an iframe (a decoy button would sit on top of it).
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          document.querySelectorAll('iframe').forEach((f) => f.remove());
          const frame = document.createElement('iframe');
          frame.title = 'decoy';
          frame.onload = () => resolve();
          frame.src = url;
          document.body.prepend(frame);
        }),
      src,
    );
    const signIn = page.frameLocator('iframe[title="decoy"]').getByRole('button', { name: 'Sign in' });
    if (framed) await expect(signIn).toBeVisible();
    else await expect(signIn).toHaveCount(0);
  }
});

test('a flow played against a weakened lab realm shows the check its RS skipped; a hardened one passes it', async ({ page, request }) => {
  const player = new FlowPlayerPage(page);
  for (const [weaknesses, aud] of [
    [['rs-skips-aud'], /skipped by this lab realm/],
    [[], /passed: aud names this resource server/],
  ] as const) {
    const realm = await createRealm(request, [...weaknesses]);
    await player.open('client-credentials', realm.id);
    const banner = page.getByRole('region', { name: 'Lab realm' });
    await expect(banner).toContainText(realm.id);
    await expect(banner).toContainText(weaknesses.length ? 'rs-skips-aud' : 'hardened');
    await player.stepThrough(['Discover the authorization server', 'Ask for a token as the client itself']);
    await expect(player.heading('Call the API')).toBeVisible();
    await expect(player.checklist(RS_CHECKLIST)).toContainText(aud);
    await expect(player.response().last()).toContainText('HTTP/1.1 200');
    await expect(player.request().last()).toContainText(`GET /rs/${realm.id}/photos`);
    if (!weaknesses.length) await expectNoAxeViolations(page);
  }
});

test('an unknown or malformed lab realm id says so, with a way back to demo', async ({ page }) => {
  for (const id of ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '../../api/weaknesses']) {
    await page.goto(`/flows/client-credentials?realm=${encodeURIComponent(id)}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This lab realm cannot be used' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('link', { name: /demo realm instead/ })).toHaveAttribute('href', '/flows/client-credentials');
  }
});
