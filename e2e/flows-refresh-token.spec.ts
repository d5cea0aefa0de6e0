import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Many pages and requests per test, against a dev server that compiles routes on first use.
test.slow();

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/** Steps to the AS, signs in as the demo user and decides; returns on the player. */
async function signIn(page: Page, decision: 'Allow' | 'Deny') {
  await page.goto('/flows/refresh-token');
  const next = page.getByRole('button', { name: 'Next →' });
  for (const title of ['Discover the authorization server', 'Make a PKCE code verifier and its S256 challenge', 'Build the authorization URL']) {
    // A dev server compiles each route on its first request: allow for it.
    await expect(heading(page, title)).toBeVisible({ timeout: 120_000 });
    await expect(next).toBeEnabled({ timeout: 60_000 });
    await next.click();
  }
  await page.getByRole('button', { name: 'Go to the authorization server' }).click();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('offline_access')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: decision }).click();
  await expect(heading(page, 'The redirect comes back to the client')).toBeVisible({ timeout: 60_000 });
}

/** The two refresh tokens of the comparison table on screen: [old, new]. */
async function comparedRefreshTokens(page: Page): Promise<[string, string, string]> {
  const row = page.getByRole('table', { name: /Old vs new/ }).getByRole('row', { name: /refresh_token/ });
  const cells = row.getByRole('cell');
  await expect(cells).toHaveCount(3);
  return [await cells.nth(0).innerText(), await cells.nth(1).innerText(), await cells.nth(2).innerText()];
}

test('refresh token: sign in, two rotations, the replay revokes the family, axe clean', async ({ page }) => {
  await signIn(page, 'Allow');
  const next = page.getByRole('button', { name: 'Next →' });
  await next.click();
  await expect(heading(page, 'The client checks state and iss')).toBeVisible();
  await next.click();
  await expect(heading(page, 'Redeem the code: the first refresh token')).toBeVisible();
  await expect(page.getByLabel('HTTP response').first()).toContainText('"refresh_token"');
  await expect(page.getByRole('region', { name: 'The refresh-token family' })).toContainText('current');

  await next.click();
  await expect(heading(page, 'Refresh: a new access token, and a new refresh token')).toBeVisible();
  await expect(page.getByLabel('HTTP request').first()).toContainText('grant_type=refresh_token');
  const [first, second, verdict] = await comparedRefreshTokens(page);
  expect(first).toMatch(/\S{20,}/);
  expect(second).not.toBe(first);
  expect(verdict).toBe('different');
  await expect(page.getByRole('table', { name: /Old vs new/ }).getByRole('row', { name: /access token jti/ })).toContainText('different');
  await expect(page.getByLabel(/What the client checked in the refresh response/)).not.toContainText('failed:');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await next.click();
  await expect(heading(page, 'Call the API with the new access token')).toBeVisible();
  await expect(page.getByLabel('HTTP response').last()).toContainText('HTTP/1.1 200', { timeout: 60_000 });

  await next.click();
  await expect(heading(page, 'Refresh again: every use rotates')).toBeVisible();
  const [again, third, verdict2] = await comparedRefreshTokens(page);
  expect(again).toBe(second);
  expect(third).not.toBe(second);
  expect(third).not.toBe(first);
  expect(verdict2).toBe('different');

  await next.click();
  await expect(heading(page, 'Replay a spent refresh token')).toBeVisible();
  await expect(next).toBeDisabled();
  await page.getByRole('button', { name: 'Replay the spent refresh token' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'invalid_grant' })).toContainText('already used');
  await expect(page.getByLabel('HTTP request').first()).toContainText(`refresh_token=${first}`);
  await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 400');

  await next.click();
  await expect(heading(page, 'Now the current refresh token is refused too')).toBeVisible();
  await page.getByRole('button', { name: 'Try the current refresh token' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'invalid_grant' })).toBeVisible();
  await expect(page.getByLabel('HTTP request').first()).toContainText(`refresh_token=${third}`);

  await next.click();
  await expect(heading(page, 'And the family\u2019s access token is refused by the API')).toBeVisible();
  await expect(page.getByLabel('HTTP response').first()).toContainText('HTTP/1.1 401');
  await expect(page.getByLabel('HTTP response').first()).toContainText('invalid_token');

  await next.click();
  await expect(heading(page, 'What rotation buys, and what it costs')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The refresh-token family' })).toContainText('revoked with the family');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('refresh token: denying consent brings back access_denied', async ({ page }) => {
  await signIn(page, 'Deny');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('access_denied');
});
