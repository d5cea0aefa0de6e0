import { expect, test } from '@playwright/test';

// Under `npm start`, scripts/serve.mjs answers the servers' paths without Next.js (lib/app-server/front.ts,
// dist/app/front.mjs); pages stay with Next.js. Under `next dev` (E2E_DEV=1) every request goes to Next.js.
const dev = process.env.E2E_DEV === '1';

test.describe('npm start: the servers answer without Next.js, pages with it', () => {
  test.skip(dev, 'under `next dev` every request goes through Next.js by design (scripts/serve.mjs)');

  test('a server’s answer carries its own headers and the site-wide ones, none of Next.js’s', async ({ request }) => {
    for (const path of ['/as/demo/jwks', '/as/demo/.well-known/openid-configuration', '/rs/demo/photos', '/api/weaknesses']) {
      const res = await request.get(path);
      expect(res.status(), path).toBeLessThan(500);
      const headers = res.headers();
      expect(headers['vary'] ?? '', path).not.toMatch(/rsc|next-router/i);
      expect(
        Object.keys(headers).filter((h) => h.startsWith('x-nextjs')),
        path,
      ).toEqual([]);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['content-length'], path).toBe(String((await res.body()).byteLength));
    }
    expect((await request.get('/rs/demo/photos')).headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  });

  test('pages, an unknown endpoint’s branded 404 and a trailing slash stay with Next.js', async ({ page, request }) => {
    const slash = await request.get('/as/demo/jwks/', { maxRedirects: 0 });
    expect(slash.status()).toBe(308);
    expect(slash.headers()['location']).toMatch(/\/as\/demo\/jwks$/);
    const missing = await page.goto('/as/demo/no-such-endpoint');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await page.goto('/jwt');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
