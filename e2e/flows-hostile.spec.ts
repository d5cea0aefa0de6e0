import { expect, test } from '@playwright/test';

// Hostile and broken input to the flow pages: never a blank page, always a plain explanation.

test('an unknown grant is a 404 page', async ({ page }) => {
  const res = await page.goto('/flows/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page does not exist', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

test('a saved run from another version of the player is reported, and a fresh start works', async ({ page }) => {
  await page.goto('/flows');
  await page.evaluate(() => {
    sessionStorage.setItem(
      'flowlab:flow:client-credentials',
      JSON.stringify({
        options: { client: 'service', authMethod: 'client_secret_basic', scope: 'photos:read' },
        snapshot: { status: 'active', value: 'no-such-state', context: {}, children: {} },
      }),
    );
  });
  await page.goto('/flows/client-credentials');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('This run could not be restored.');
  await page.getByRole('button', { name: 'Start the flow again' }).click();
  await expect(page.getByRole('heading', { name: 'Discover the authorization server' })).toBeVisible({ timeout: 30_000 });
});

test('unreadable session storage and odd ?step= values start the flow normally', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/flows');
  await page.evaluate(() => sessionStorage.setItem('flowlab:flow:authorization-code', '{not json'));
  for (const step of ['abc', '-3', '1e400', '2.5', '%00']) {
    await page.goto(`/flows/authorization-code?step=${step}`);
    await expect(page.getByRole('heading', { name: 'Discover the authorization server' })).toBeVisible({ timeout: 30_000 });
  }
});

test('a redirect nobody waits for is not processed, whatever it carries', async ({ page }) => {
  await page.goto('/flows/callback?code=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&state=' + 'x'.repeat(5000));
  await expect(page.getByText('No flow was waiting for this redirect.')).toBeVisible();
  await page.getByRole('link', { name: 'Flows page' }).click();
  await expect(page).toHaveURL(/\/flows$/);
});
