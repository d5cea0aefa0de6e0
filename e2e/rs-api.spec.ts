import { expect, test } from '@playwright/test';

// The resource server over real HTTP, through Next.js: what curl or any OAuth client sees.

test('a request without a token gets 401 and a bare Bearer challenge (RFC 6750 §3.1)', async ({ request, baseURL }) => {
  const res = await request.get('/rs/demo/photos');
  expect(res.status()).toBe(401);
  expect(res.headers()['www-authenticate']).toBe(`Bearer realm="${baseURL}/rs/demo"`);
  expect(res.headers()['cache-control']).toBe('no-store');
});

test('a garbage token gets 401 invalid_token with a description', async ({ request }) => {
  const res = await request.get('/rs/demo/photos', { headers: { Authorization: 'Bearer not-a-jwt' } });
  expect(res.status()).toBe(401);
  expect(res.headers()['www-authenticate']).toMatch(/error="invalid_token", error_description="[^"]+"/);
  expect((await res.json()).error).toBe('invalid_token');
});

test('a token in the query string is refused with 400 invalid_request', async ({ request }) => {
  const res = await request.get('/rs/demo/photos?access_token=abc');
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe('invalid_request');
});

test('a client_credentials token from the token endpoint reads the photos, and a narrower one is refused', async ({ request }) => {
  const auth = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
  const issue = async (scope: string) => {
    const res = await request.post('/as/demo/token', {
      headers: { Authorization: auth },
      form: { grant_type: 'client_credentials', scope },
    });
    expect(res.status()).toBe(200);
    return (await res.json()).access_token as string;
  };

  const ok = await request.get('/rs/demo/photos', { headers: { Authorization: `Bearer ${await issue('photos:read')}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).owner).toBe('service');

  const narrow = await request.get('/rs/demo/photos', { headers: { Authorization: `Bearer ${await issue('photos:write')}` } });
  expect(narrow.status()).toBe(403);
  expect(narrow.headers()['www-authenticate']).toMatch(/error="insufficient_scope".*scope="photos:read"/);
});

test('an unsupported method gets 405 with Allow', async ({ request }) => {
  const res = await request.delete('/rs/demo/photos');
  expect(res.status()).toBe(405);
  expect(res.headers()['allow']).toBe('GET, POST');
});

test('the JSON answer is readable in the browser as a person would see it', async ({ page, request }) => {
  const auth = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
  const tokenRes = await request.post('/as/demo/token', {
    headers: { Authorization: auth },
    form: { grant_type: 'client_credentials', scope: 'photos:read' },
  });
  const token = (await tokenRes.json()).access_token as string;
  await page.setExtraHTTPHeaders({ Authorization: `Bearer ${token}` });
  await page.goto('/rs/demo/photos');
  await expect(page.locator('body')).toContainText('Sunrise over the bay');
  await page.screenshot({ path: test.info().outputPath('rs-photos.png') });
});
