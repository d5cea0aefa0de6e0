import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('client credentials: token with Basic auth, RS answers 200, no refresh token, axe clean', async ({ page }) => {
  await page.goto('/flows/client-credentials');
  const next = page.getByRole('button', { name: 'Next →' });
  await expect(page.getByRole('heading', { name: 'Discover the authorization server' })).toBeVisible({ timeout: 60_000 });
  await expect(next).toBeEnabled();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Ask for a token as the client itself' })).toBeVisible();
  await expect(page.getByLabel('HTTP request').first()).toContainText('authorization: Basic');
  await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 200');
  await expect(page.getByLabel('HTTP response').first()).not.toContainText('refresh_token');
  await next.click();
  await expect(page.getByRole('heading', { name: 'Call the API' })).toBeVisible();
  await expect(page.getByLabel('What the resource server checked (RFC 9068 §4)')).not.toContainText('failed:');
  await expect(page.getByLabel('HTTP response').last()).toContainText('HTTP/1.1 200');
  expect(new URL(page.url()).searchParams.get('step')).toBeNull();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/step=2/);
  await expect(page.getByRole('heading', { name: 'Ask for a token as the client itself' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('client credentials: client_secret_post puts the secret in the body', async ({ page }) => {
  await page.goto('/flows/client-credentials');
  await page.getByLabel('Client authentication').selectOption('client_secret_post');
  await page.getByRole('button', { name: 'Apply and restart' }).click();
  const next = page.getByRole('button', { name: 'Next →' });
  await expect(next).toBeEnabled({ timeout: 60_000 });
  await next.click();
  await expect(page.getByLabel('HTTP request').first()).toContainText('client_secret=service-secret');
});
