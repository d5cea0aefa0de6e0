import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, RS_CHECKLIST } from './pages/flow-player';

test('client credentials: token with Basic auth, RS answers 200, no refresh token, axe clean', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('client-credentials');
  await player.stepThrough(['Discover the authorization server']);
  await expect(player.heading('Ask for a token as the client itself')).toBeVisible();
  await expect(player.request().first()).toContainText('authorization: Basic');
  await expect(player.response().first()).toContainText('HTTP/1.1 200');
  await expect(player.response().first()).not.toContainText('refresh_token');
  await player.next.click();
  await expect(player.heading('Call the API')).toBeVisible();
  await expect(player.checklist(RS_CHECKLIST)).toContainText('passed: Token has the scope this endpoint needs');
  await expect(player.checklist(RS_CHECKLIST)).not.toContainText('failed:');
  await expect(player.response().last()).toContainText('HTTP/1.1 200');
  expect(new URL(page.url()).searchParams.get('step')).toBeNull();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/step=2/);
  await expect(player.heading('Ask for a token as the client itself')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('client credentials: client_secret_post puts the secret in the body', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('client-credentials');
  await page.getByLabel('Client authentication').selectOption('client_secret_post');
  await page.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  await player.next.click();
  await expect(player.request().first()).toContainText('client_secret=service-secret');
});
