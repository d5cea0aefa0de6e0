import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage, BACK_FROM_THE_AS, type Decision } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, RS_CHECKLIST, SIGN_IN_PROLOGUE } from './pages/flow-player';

// Many pages and requests per test, against a dev server that compiles routes on first use.
test.slow();

const heading = (page: Page, name: string) => new FlowPlayerPage(page).heading(name);

/** Steps to the AS, signs in as the demo user (typing, as a person does) and decides; returns on the player. */
async function signIn(page: Page, decision: Decision) {
  const player = new FlowPlayerPage(page);
  await player.open('refresh-token');
  await player.stepThrough(SIGN_IN_PROLOGUE, 120_000);
  await player.goToAuthorizationServer();
  await new AsSignInPage(page).signIn('alice', 'wonderland');
  const consent = new AsConsentPage(page);
  await consent.expectShown('offline_access');
  await consent.decide(decision);
  await expect(heading(page, BACK_FROM_THE_AS[decision])).toBeVisible({ timeout: 60_000 });
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
  await expectNoAxeViolations(page);

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
  // The RS's own report: every check of the token itself passed; only the lookup of its grant failed.
  const report = new FlowPlayerPage(page).checklist(RS_CHECKLIST);
  await expect(report).toContainText('failed: Not revoked');
  await expect(report).toContainText('passed: Signature verifies');

  await next.click();
  await expect(heading(page, 'What rotation buys, and what it costs')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The refresh-token family' })).toContainText('revoked with the family');
  await expectNoAxeViolations(page);
});

test('refresh token: denying consent brings back access_denied', async ({ page }) => {
  await signIn(page, 'Deny');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('access_denied');
});
