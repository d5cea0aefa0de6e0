import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations as noAxeViolations } from './pages/axe';

// The browser part of the authorization code flow, as a person: the AS's own pages.
const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');

function authorizeUrl(baseURL: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: 'spa',
    redirect_uri: `${baseURL}/flows/callback`,
    response_type: 'code',
    scope: 'openid profile photos:read',
    state: 'e2e-state',
    nonce: 'e2e-nonce',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/as/demo/authorize?${params}`;
}

async function signIn(page: Page, baseURL: string) {
  await page.goto(authorizeUrl(baseURL));
  await expect(page.getByText('Demo Identity Provider').first()).toBeVisible();
  await noAxeViolations(page);
  await page.screenshot({ path: 'test-results/as-login.png', fullPage: true });
  await new AsSignInPage(page).signIn('alice', 'wonderland');
  await expect(page.getByText('View your photos')).toBeVisible();
  await expect(page.getByText('Photo Gallery (single-page app)')).toBeVisible();
}

test('sign in and Allow land on the callback with code, state and iss', async ({ page, baseURL }) => {
  await signIn(page, baseURL!);
  await noAxeViolations(page);
  await page.screenshot({ path: 'test-results/as-consent.png', fullPage: true });
  await new AsConsentPage(page).decide('Allow');
  await page.waitForURL(/\/flows\/callback\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(url.searchParams.get('state')).toBe('e2e-state');
  expect(url.searchParams.get('iss')).toBe(`${baseURL}/as/demo`);
});

test('Deny lands on the callback with error=access_denied', async ({ page, baseURL }) => {
  await signIn(page, baseURL!);
  await new AsConsentPage(page).decide('Deny');
  await page.waitForURL(/\/flows\/callback\?/);
  expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
});

test('a wrong password shows the login page again with an error', async ({ page, baseURL }) => {
  await page.goto(authorizeUrl(baseURL!));
  await new AsSignInPage(page).signIn('alice', 'wrong');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('an unregistered redirect_uri shows an error page on the AS, not a redirect', async ({ page, baseURL }) => {
  const response = await page.goto(authorizeUrl(baseURL!, { redirect_uri: 'https://evil.example/cb' }));
  expect(response!.status()).toBe(400);
  expect(new URL(page.url()).pathname).toBe('/as/demo/authorize');
  await expect(page.getByRole('alert')).toContainText('redirect_uri');
  await noAxeViolations(page);
});
