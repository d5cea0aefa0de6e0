import { expect, test } from '@playwright/test';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';

// RFC 8628 as a person: the TV asks for codes, the user types them on the verification page.
test('a device authorization is approved on the verification page', async ({ page, request }) => {
  const res = await request.post('/as/demo/device_authorization', { form: { client_id: 'tv', scope: 'openid photos:read' } });
  expect(res.status()).toBe(200);
  const device = await res.json();
  await page.goto(device.verification_uri_complete);
  await expect(page.getByLabel('Code')).toHaveValue(device.user_code);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await new AsSignInPage(page).signIn('bob', 'builder');
  const consent = new AsConsentPage(page);
  await consent.expectShown('Photo Frame TV', 10_000);
  await consent.decide('Allow');
  await expect(page.getByText('You may return to your device')).toBeVisible();
});

test('a wrong code shows an error', async ({ page }) => {
  await page.goto('/as/demo/device');
  await page.getByLabel('Code').fill('BCDF-GHJK');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('not valid');
  await expectNoAxeViolations(page);
});
