import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// RFC 8628 as a person: the TV asks for codes, the user types them on the verification page.
test('a device authorization is approved on the verification page', async ({ page, request }) => {
  const res = await request.post('/as/demo/device_authorization', { form: { client_id: 'tv', scope: 'openid photos:read' } });
  expect(res.status()).toBe(200);
  const device = await res.json();
  await page.goto(device.verification_uri_complete);
  await expect(page.getByLabel('Code')).toHaveValue(device.user_code);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Username').fill('bob');
  await page.getByLabel('Password').fill('builder');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Photo Frame TV')).toBeVisible();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByText('You may return to your device')).toBeVisible();
});

test('a wrong code shows an error', async ({ page }) => {
  await page.goto('/as/demo/device');
  await page.getByLabel('Code').fill('BCDF-GHJK');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('not valid');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
