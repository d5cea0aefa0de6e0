import { expect, test, type Page } from '@playwright/test';
import QRCode from 'qrcode';

// The servers speak for the address the browser used (DESIGN.md "Scaling out": the request's Host),
// so a classroom can open the trainer's LAN address. Both runs share one server, which listens on
// every interface (scripts/serve.mjs without -H): 127.0.0.1 and localhost in the same run.
const port = Number(process.env.E2E_PORT || 3100); // as playwright.config.ts
const USER_CODE = /[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}/;

/** The flow player's steps up to the AS login page, then signs in as alice and allows. */
async function signInAndAllow(page: Page) {
  const next = page.getByRole('button', { name: 'Next →' });
  for (const title of ['Make a PKCE code verifier and its S256 challenge', 'Build the authorization URL']) {
    await next.click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await next.click();
  await page.getByRole('button', { name: 'Go to the authorization server' }).click();
  await page.getByRole('button', { name: 'Fill demo user alice' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
}

for (const host of ['127.0.0.1', 'localhost']) {
  const origin = `http://${host}:${port}`;

  test.describe(`opened at ${origin}`, () => {
    test.use({ baseURL: origin });

    test('authorization code: the discovered issuer names this address, and the whole flow passes', async ({ page }) => {
      await page.goto('/flows/authorization-code');
      await expect(page.getByRole('heading', { name: 'Discover the authorization server' })).toBeVisible({ timeout: 60_000 });
      // Under `next dev` the first request to a route compiles it: allow for that, as the other specs do.
      await expect(page.getByRole('button', { name: 'Next →' })).toBeEnabled({ timeout: 60_000 });
      const discovery = page.getByLabel('HTTP response').first();
      await expect(discovery).toContainText('HTTP/1.1 200');
      await expect(discovery).toContainText(`"issuer": "${origin}/as/demo"`);
      await expect(discovery).toContainText(`"authorization_endpoint": "${origin}/as/demo/authorize"`);

      await signInAndAllow(page);
      await expect(page.getByRole('heading', { name: 'The redirect comes back to the client' })).toBeVisible({ timeout: 60_000 });
      expect(new URL(page.url()).origin).toBe(origin);
      const next = page.getByRole('button', { name: 'Next →' });
      await next.click();
      // RFC 9207: the iss in the authorization response must equal the discovered issuer.
      await expect(page.getByRole('heading', { name: 'The client checks state and iss' })).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
      await next.click();
      await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 200');
      await next.click();
      const idToken = page.getByLabel('ID token validation (OIDC Core §3.1.3.7)');
      await expect(idToken).toContainText('passed:');
      await expect(idToken).not.toContainText('failed:');
      await next.click();
      // RFC 9068 §4: the RS accepts the token only when iss and aud name this address too.
      await expect(page.getByLabel('What the resource server checked (RFC 9068 §4)')).not.toContainText('failed:');
      await expect(page.getByLabel('HTTP response').last()).toContainText('HTTP/1.1 200');
    });

    test('device code: the QR code and the verification link point at this address', async ({ page }) => {
      await page.goto('/flows/device-code');
      const next = page.getByRole('button', { name: 'Next →' });
      for (const title of ['The TV discovers the authorization server', 'Ask for a device code and a user code']) {
        await expect(page.getByRole('heading', { name: title })).toBeVisible({ timeout: 60_000 });
        await expect(next).toBeEnabled({ timeout: 60_000 });
        await next.click();
      }
      const tv = page.getByRole('figure', { name: /^The TV screen/ });
      const userCode = (await tv.getByText(new RegExp(`^${USER_CODE.source}$`)).textContent())!;
      const complete = `${origin}/as/demo/device?user_code=${userCode}`;
      await expect(tv).toContainText(`${origin}/as/demo/device`);
      const qr = tv.getByRole('img', { name: /^QR code of the verification link / });
      await expect(qr).toHaveAttribute('alt', `QR code of the verification link ${complete}`);
      // The image itself encodes that URI: the same QR drawn here (options as in device-tv-screen.tsx).
      const svg = await QRCode.toString(complete, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      expect(decodeURIComponent((await qr.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(svg);

      const link = page.getByRole('link', { name: 'Open the verification page (second device)' });
      await expect(link).toHaveAttribute('href', complete);
      const [phone] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await expect(phone.getByLabel('Code')).toHaveValue(userCode);
      expect(new URL(phone.url()).origin).toBe(origin);
      await phone.close();
    });
  });
}
