import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage, BACK_FROM_THE_AS, type Decision } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, ID_TOKEN_CHECKLIST, RS_CHECKLIST, SIGN_IN_PROLOGUE } from './pages/flow-player';

/** Steps to the AS, signs in with the AS page's own Fill button, decides, and is back on the player. */
async function signInAndDecide(page: Page, decision: Decision): Promise<FlowPlayerPage> {
  const player = new FlowPlayerPage(page);
  await player.open('authorization-code');
  await player.stepThrough(SIGN_IN_PROLOGUE);
  await player.goToAuthorizationServer();
  await new AsSignInPage(page).signInWithFillButton('alice');
  await new AsConsentPage(page).decide(decision);
  await expect(player.heading(BACK_FROM_THE_AS[decision])).toBeVisible({ timeout: 60_000 });
  return player;
}

test('authorization code: sign in, consent, tokens verified, API 200, userinfo, axe clean', async ({ page }) => {
  const player = await signInAndDecide(page, 'Allow');
  await player.next.click();
  await expect(player.heading('The client checks state and iss')).toBeVisible();
  await player.next.click();
  await expect(player.request().first()).toContainText('code_verifier=');
  await expect(player.response().first()).toContainText('HTTP/1.1 200');
  await player.next.click();
  await expect(player.checklist(ID_TOKEN_CHECKLIST)).not.toContainText('failed:');
  await player.next.click();
  // The RS's own report of this answer (its Flowlab-Checks header).
  await expect(player.checklist(RS_CHECKLIST)).toContainText('passed: Token has the scope this endpoint needs');
  await expect(player.checklist(RS_CHECKLIST)).not.toContainText('failed:');
  await player.next.click();
  await expect(player.heading('Ask the UserInfo endpoint about the user')).toBeVisible();
  await expect(player.response().first()).toContainText('HTTP/1.1 200');
  await expectNoAxeViolations(page);
});

test('authorization code: denying consent brings back access_denied', async ({ page }) => {
  const player = await signInAndDecide(page, 'Deny');
  // No code came back, and the step says so rather than describing one.
  await expect(page.getByText('No code was issued, so there is nothing to redeem', { exact: false })).toBeVisible();
  await expect(page.getByText('The code is in the URL', { exact: false })).toHaveCount(0);
  await player.next.click();
  await expect(player.error()).toContainText('access_denied');
});

test('authorization code: a tampered state is refused', async ({ page }) => {
  const player = await signInAndDecide(page, 'Allow');
  await page.getByRole('button', { name: 'Tamper with state' }).click();
  await player.next.click();
  await expect(player.error()).toContainText('state_mismatch');
});
