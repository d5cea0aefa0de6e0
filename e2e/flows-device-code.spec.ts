import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage, type Decision } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, ID_TOKEN_CHECKLIST, RS_CHECKLIST } from './pages/flow-player';

// RFC 8628 as a person: the player is the TV; a second tab is the phone on which the user approves.
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

// `next dev` compiles each route on its first request, which takes seconds on a busy machine: compile
// the routes this flow uses up front, so the tests time the flow rather than the compiler (a no-op on `next start`).
test.beforeAll(async ({ browser, playwright }, info) => {
  test.setTimeout(180_000);
  const api = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  const paths = [
    '/as/demo/.well-known/openid-configuration',
    '/as/demo/device_authorization',
    '/as/demo/token',
    '/as/demo/device',
    '/as/demo/login',
    '/as/demo/consent',
    '/as/demo/jwks',
    '/rs/demo/photos',
  ];
  for (const path of paths) await api.get(path);
  await api.dispose();
  const page = await browser.newPage({ baseURL: info.project.use.baseURL });
  await page.goto('/flows/device-code');
  await expect(page.getByRole('heading', { name: 'The TV discovers the authorization server' })).toBeVisible({ timeout: 120_000 });
  await page.close();
});

// Several pages and a poll every 5 s per test; a busy machine stretches them.
test.slow();

const pollLog = (page: Page) => page.getByRole('list', { name: 'Polls of the token endpoint, oldest first' });

/** Steps to the TV screen, checks what it shows, and waits for the first authorization_pending: the TV polls by itself. */
async function toPolling(page: Page): Promise<string> {
  const player = new FlowPlayerPage(page);
  const next = player.next;
  await player.open('device-code');
  await player.stepThrough(['The TV discovers the authorization server', 'Ask for a device code and a user code']);
  await expect(page.getByRole('heading', { name: 'The TV shows the code and starts polling' })).toBeVisible();
  const tv = page.getByRole('figure', { name: /^The TV screen/ });
  const code = tv.getByText(USER_CODE);
  await expect(code).toBeVisible();
  const userCode = (await code.textContent())!;
  await expect(tv).toContainText('/as/demo/device');
  const qr = tv.getByRole('img', { name: /^QR code of the verification link / });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await qr.getAttribute('alt')).toContain(`user_code=${userCode}`);
  // No Next: the first poll went out as soon as the code was on screen, and the learner cannot skip ahead.
  await expect(pollLog(page).getByRole('listitem').first()).toContainText('authorization_pending');
  await expect(pollLog(page).getByRole('listitem').first()).toContainText('at once (first poll)');
  await expect(next).toBeDisabled();
  return userCode;
}

/** The second device: opens the link from the TV screen in a new tab, signs in and decides. */
async function decideOnSecondDevice(page: Page, userCode: string, decision: Decision) {
  const link = page.getByRole('link', { name: 'Open the verification page (second device)' });
  await expect(link).toHaveAttribute('href', new RegExp(`/as/demo/device\\?user_code=${userCode}$`));
  await expect(link).toHaveAttribute('rel', 'noopener');
  const [phone] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(phone.getByLabel('Code')).toHaveValue(userCode);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await new AsSignInPage(phone).signIn('alice', 'wonderland');
  const consent = new AsConsentPage(phone);
  await consent.expectShown('Photo Frame TV', 10_000);
  await consent.decide(decision);
  await expect(phone.getByText('You may return to your device')).toBeVisible();
  await phone.close();
}

test('device code: approve on a second device, the polling TV gets tokens, the ID token verifies, API 200, axe clean', async ({ page }) => {
  const userCode = await toPolling(page);
  await decideOnSecondDevice(page, userCode, 'Allow');
  // The next scheduled poll (within the 5 s interval) brings the tokens; nobody presses Next.
  await expect(page.getByRole('heading', { name: 'After you allow, the next poll returns the tokens' })).toBeVisible({ timeout: 20_000 });
  const response = page.getByRole('table', { name: 'The token response of the last poll (RFC 6749 §5.1)' });
  for (const field of ['access_token', 'id_token', 'refresh_token'])
    await expect(response.getByRole('rowheader', { name: field })).toBeVisible();
  // The log: the TV polled while the user decided, and the 200 with the tokens ended the polling.
  const log = pollLog(page);
  await expect(log).toContainText('authorization_pending');
  await expect(log.getByRole('listitem').last()).toContainText('HTTP 200');
  // The poll that brought the tokens is this step's HTTP; the pending ones stay folded in the log.
  await expect(page.getByRole('region', { name: 'HTTP in this step' }).getByLabel('HTTP response')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'HTTP in this step' }).getByLabel('HTTP response')).toContainText('"access_token"');
  const next = page.getByRole('button', { name: 'Next →' });
  await next.click();
  await expect(page.getByLabel(ID_TOKEN_CHECKLIST)).toContainText('passed:');
  await expect(page.getByLabel(ID_TOKEN_CHECKLIST)).not.toContainText('failed:');
  await next.click();
  await expect(page.getByLabel(RS_CHECKLIST)).toContainText('passed: Token has the scope this endpoint needs');
  await expect(page.getByLabel(RS_CHECKLIST)).not.toContainText('failed:');
  await expect(page.getByLabel('HTTP response').last()).toContainText('HTTP/1.1 200');
  await expectNoAxeViolations(page);
});

test('device code: denying on the second device ends the flow with access_denied', async ({ page }) => {
  const userCode = await toPolling(page);
  await decideOnSecondDevice(page, userCode, 'Deny');
  await expect(page.getByRole('heading', { name: 'You denied: access_denied' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('access_denied');
  await expect(page.getByRole('status').filter({ hasText: 'The flow has ended.' })).toBeVisible();
});

test('device code: polling too fast is answered slow_down and the interval grows by 5 s', async ({ page }) => {
  await toPolling(page);
  const interval = page.getByText(/^Polling interval:/);
  await expect(interval).toHaveText('Polling interval: 5 s');
  // Poll now until the AS says slow_down: one early poll may land 5 s after the previous one on a busy
  // machine, but two in a row are a round trip apart, far inside the interval.
  const log = pollLog(page);
  const entries = log.getByRole('listitem');
  for (let tries = 0; tries < 3; tries++) {
    const before = await entries.count();
    await page.getByRole('button', { name: 'Poll now (too fast)' }).click();
    await expect(entries).toHaveCount(before + 1);
    if ((await entries.last().textContent())?.includes('slow_down')) break;
  }
  await expect(entries.last()).toContainText('slow_down');
  await expect(entries.last()).toContainText('early (Poll now)');
  await expect(interval).toHaveText('Polling interval: 10 s');
  await expectNoAxeViolations(page);
});

test('device code: each poll folds into the log with its own request and response', async ({ page }) => {
  await toPolling(page);
  // The polling step has no HTTP pane of its own: every poll is a line of the log.
  await expect(page.getByRole('heading', { name: 'HTTP in this step' })).toHaveCount(0);
  const first = pollLog(page).getByRole('listitem').first();
  await expect(first.getByLabel('HTTP request')).toHaveCount(0);
  // A disclosure, opened with the keyboard.
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(first.getByLabel('HTTP request')).toContainText('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code');
  await expect(first.getByLabel('HTTP response')).toContainText('HTTP/1.1 400');
  await expect(first.getByLabel('HTTP response')).toContainText('"error": "authorization_pending"');
  await expectNoAxeViolations(page);
});
