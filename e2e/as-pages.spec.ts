import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { darkAtBody, expectNoAxeViolationsInBothThemes, recordThemeAtBody } from './pages/theme';

/**
 * Issue #12 on the AS's own pages (login, consent, device, errors): the learner's theme (the OS setting or the
 * site's stored choice, before first paint), AA contrast and axe clean in both, the AS party colour, a skip link,
 * and focus on the first field. They keep their own look: no site navigation.
 */

const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
function authorizeUrl(baseURL: string): string {
  const params = new URLSearchParams({
    client_id: 'spa',
    redirect_uri: `${baseURL}/flows/callback`,
    response_type: 'code',
    scope: 'openid photos:read',
    state: 'e2e-state',
    nonce: 'e2e-nonce',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `/as/demo/authorize?${params}`;
}

const headerBackground = (page: Page) => page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor);

// The AS party colour of the diagram (app/globals.css --party-as): #047857 light, #6ee7b7 dark.
const AS_LIGHT = 'rgb(4, 120, 87)';
const AS_DARK = 'rgb(110, 231, 183)';

test('the login page follows the OS theme before first paint, in the AS party colour, without the site navigation', async ({
  page,
  baseURL,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await recordThemeAtBody(page);
  await page.goto(authorizeUrl(baseURL!));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await darkAtBody(page)).toBe(true);
  expect(await headerBackground(page)).toBe(AS_DARK);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Colour theme' })).toHaveCount(0);
  // An OS switch while the page is open recolours it.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(await headerBackground(page)).toBe(AS_LIGHT);
});

test('the theme chosen on the site applies on the AS pages, whatever the OS says', async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/flows');
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('dark');
  await recordThemeAtBody(page);
  await page.goto(authorizeUrl(baseURL!));
  expect(await darkAtBody(page)).toBe(true);
  await page.goto('/flows');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('light');
  await page.goto('/as/demo/device');
  expect(await darkAtBody(page)).toBe(false);
  expect(await headerBackground(page)).toBe(AS_LIGHT);
});

test('login, consent, device and error pages: axe clean in both themes, focus on the first field, a working skip link', async ({
  page,
  baseURL,
}) => {
  // Login: focus on Username; the skip link is one Shift+Tab before it and moves focus to the content.
  await page.goto(authorizeUrl(baseURL!));
  await expect(page.getByLabel('Username')).toBeFocused();
  await expectNoAxeViolationsInBothThemes(page);
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Consent: focus on its heading, never on Allow, which is the next Tab stop.
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wonderland');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeFocused();
  await expectNoAxeViolationsInBothThemes(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Allow' })).toBeFocused();

  // Device: focus on Code; a wrong code's error page keeps it there; axe in both themes with the error shown.
  await page.goto('/as/demo/device');
  await expect(page.getByLabel('Code')).toBeFocused();
  await page.keyboard.type('BCDF-GHJK');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('not valid');
  await expect(page.getByLabel('Code')).toBeFocused();
  await expectNoAxeViolationsInBothThemes(page);

  // An error page (unknown client: shown, never redirected): the skip link is the first Tab stop.
  await page.goto('/as/demo/authorize?client_id=nobody&response_type=code');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});
