import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Steps to the AS, signs in as the demo user and decides; returns on the player. */
async function toAuthorizationServer(page: Page) {
  await page.goto('/flows/authorization-code');
  const next = page.getByRole('button', { name: 'Next →' });
  for (const title of ['Discover the authorization server', 'Make a PKCE code verifier and its S256 challenge', 'Build the authorization URL']) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible({ timeout: 60_000 });
    await expect(next).toBeEnabled();
    await next.click();
  }
  await page.getByRole('button', { name: 'Go to the authorization server' }).click();
  // The demo AS's own "Fill demo user" button (a hash-pinned script on the AS page).
  await page.getByRole('button', { name: 'Fill demo user alice' }).click();
  await expect(page.getByLabel('Username')).toHaveValue('alice');
  await expect(page.getByLabel('Password')).toHaveValue('wonderland');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('authorization code: sign in, consent, tokens verified, API 200, userinfo, axe clean', async ({ page }) => {
  await toAuthorizationServer(page);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('heading', { name: 'The redirect comes back to the client' })).toBeVisible({ timeout: 60_000 });
  const next = page.getByRole('button', { name: 'Next →' });
  await next.click();
  await expect(page.getByRole('heading', { name: 'The client checks state and iss' })).toBeVisible();
  await next.click();
  await expect(page.getByLabel('HTTP request').first()).toContainText('code_verifier=');
  await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 200');
  await next.click();
  await expect(page.getByLabel('ID token validation (OIDC Core §3.1.3.7)')).not.toContainText('failed:');
  await next.click();
  await expect(page.getByLabel('What the resource server checked (RFC 9068 §4)')).not.toContainText('failed:');
  await next.click();
  await expect(page.getByRole('heading', { name: 'Ask the UserInfo endpoint about the user' })).toBeVisible();
  await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 200');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('authorization code: denying consent brings back access_denied', async ({ page }) => {
  await toAuthorizationServer(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('heading', { name: 'The redirect comes back to the client' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('access_denied');
});

test('authorization code: a tampered state is refused', async ({ page }) => {
  await toAuthorizationServer(page);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('heading', { name: 'The redirect comes back to the client' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Tamper with state' }).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('state_mismatch');
});
