import { expect, test, type Locator, type Page } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { FlowPlayerPage, SIGN_IN_PROLOGUE } from './pages/flow-player';

/**
 * Issue #12, keyboard only (no clicks): after the hand-off to the AS and on the way back, focus is on the
 * step's primary action; on the AS's own pages it starts on the first field (never on Allow).
 */

/** Tab presses until `target` has focus (0 when it already has); Infinity after `max`. */
async function tabsUntilFocused(page: Page, target: Locator, max: number): Promise<number> {
  for (let n = 0; n <= max; n++) {
    if (await target.evaluate((el) => el === document.activeElement)) return n;
    await page.keyboard.press('Tab');
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * From a freshly loaded player: Tab to Next once, then Enter on whatever has focus, step after step, each time
 * checking that focus stayed on Next; ends on the hand-off step, where focus must be on its button.
 */
async function keyboardToHandOff(page: Page, player: FlowPlayerPage, titles: readonly string[], handOff: string): Promise<void> {
  await expect(player.heading(titles[0])).toBeVisible({ timeout: 60_000 });
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  expect(await tabsUntilFocused(page, player.next, 60)).toBeLessThan(60);
  for (const title of titles) {
    await expect(player.heading(title)).toBeVisible({ timeout: 60_000 });
    await expect(player.next).toBeEnabled({ timeout: 60_000 });
    await expect(player.next).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(player.heading(handOff)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Go to the authorization server' })).toBeFocused();
}

/** On the AS's pages: sign in (alice by default) and allow, typing and pressing keys only. */
async function keyboardSignInAndAllow(page: Page, username = 'alice', password = 'wonderland', fromHandOff = true): Promise<void> {
  if (fromHandOff) await page.keyboard.press('Enter'); // on "Go to the authorization server"
  await expect(page.getByLabel('Username')).toBeFocused({ timeout: 60_000 });
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  // Consent: focus on the heading, one Tab before Allow (a stray key cannot approve).
  await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeFocused({ timeout: 60_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Allow' })).toBeFocused();
  await page.keyboard.press('Enter');
}

test('authorization code flow: back from the AS, focus is on the step’s primary action, 0 Tab presses away', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('authorization-code');
  await keyboardToHandOff(page, player, SIGN_IN_PROLOGUE, 'The browser goes to the authorization server');
  await keyboardSignInAndAllow(page);
  await expect(player.heading('The redirect comes back to the client')).toBeVisible({ timeout: 60_000 });
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  expect(await tabsUntilFocused(page, player.next, 30)).toBe(0);
  await expect(player.next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(player.heading('The client checks state and iss')).toBeVisible({ timeout: 60_000 });
});

test('attack page: back from the AS, focus is on the step’s primary action, 0 Tab presses away', async ({ page }) => {
  const lab = new AttackPage(page);
  await lab.openAttack('refresh-replay');
  await keyboardToHandOff(page, lab, SIGN_IN_PROLOGUE, 'Alice signs in to the photo gallery');
  await keyboardSignInAndAllow(page);
  await expect(page).toHaveURL(/\/attacks\/refresh-replay/, { timeout: 60_000 });
  const title = page.locator('#step-title');
  await expect(title).not.toHaveText('Alice signs in to the photo gallery', { timeout: 60_000 });
  await expect(lab.next).toBeEnabled({ timeout: 60_000 });
  expect(await tabsUntilFocused(page, lab.next, 30)).toBe(0);
  await expect(lab.next).toBeFocused();
});

test('missing-state: every trip (the AS as Mallory, then Mallory’s page as Alice) starts and ends on the step’s primary action', async ({
  page,
}) => {
  const lab = new AttackPage(page);
  await lab.openAttack('missing-state');
  await keyboardToHandOff(
    page,
    lab,
    ['Mallory reads the authorization server’s metadata', 'Mallory starts a sign-in at the photo gallery, with her own account'],
    'Mallory signs in as herself',
  );
  await keyboardSignInAndAllow(page, 'mallory', 'mischief');
  await expect(lab.heading('Mallory stops before her code is redeemed')).toBeVisible({ timeout: 60_000 });
  await expect(lab.next).toBeEnabled({ timeout: 60_000 });
  await expect(lab.next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lab.heading('Mallory puts her callback URL on her page')).toBeVisible({ timeout: 60_000 });
  await expect(lab.next).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(lab.heading('Alice opens Mallory’s page and follows the link')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Open Mallory’s page as Alice' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mallory’s site' })).toBeVisible({ timeout: 60_000 });
  const prize = page.getByRole('link', { name: 'Claim your prize' });
  expect(await tabsUntilFocused(page, prize, 5)).toBeLessThanOrEqual(5);
  await page.keyboard.press('Enter');
  await expect(lab.heading('Alice’s client receives an authorization response it never asked for')).toBeVisible({ timeout: 60_000 });
  await expect(lab.next).toBeEnabled({ timeout: 60_000 });
  expect(await tabsUntilFocused(page, lab.next, 30)).toBe(0);
});

test('device code: focus on the verification link while the TV polls, on Code there, and on Next once the poll brings the tokens', async ({
  page,
}) => {
  const player = new FlowPlayerPage(page);
  await player.open('device-code');
  await expect(player.heading('The TV discovers the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  expect(await tabsUntilFocused(page, player.next, 60)).toBeLessThan(60);
  for (const title of ['The TV discovers the authorization server', 'Ask for a device code and a user code']) {
    await expect(player.heading(title)).toBeVisible({ timeout: 60_000 });
    await expect(player.next).toBeEnabled({ timeout: 60_000 });
    await expect(player.next).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(player.heading('The TV shows the code and starts polling')).toBeVisible({ timeout: 60_000 });
  const link = page.getByRole('link', { name: 'Open the verification page (second device)' });
  await expect(link).toBeFocused();
  const [phone] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
  await expect(phone.getByLabel('Code')).toBeFocused({ timeout: 60_000 });
  await expect(phone.getByLabel('Code')).not.toHaveValue('');
  await phone.keyboard.press('Enter'); // Continue, with the code from the link
  await keyboardSignInAndAllow(phone, 'alice', 'wonderland', false);
  await expect(phone.getByText('You may return to your device')).toBeVisible({ timeout: 60_000 });
  await phone.close();
  await page.bringToFront();
  // The TV's next poll brings the tokens: the link went with the polling step, focus is on Next.
  await expect(player.heading('After you allow, the next poll returns the tokens')).toBeVisible({ timeout: 60_000 });
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  await expect(player.next).toBeFocused();
});

test('a restart from the keyboard keeps focus on the control pressed: Reset, Apply and restart, the Server switch', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('client-credentials');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  await player.next.press('Enter');
  await expect(player.heading('Ask for a token as the client itself')).toBeVisible({ timeout: 60_000 });
  const reset = page.getByRole('button', { name: 'Reset' });
  await reset.focus();
  await page.keyboard.press('Enter');
  // A new run, back at step 1, and the new Reset button has focus (the old one left with the old run).
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(reset).toBeFocused();
  const apply = page.getByRole('button', { name: 'Apply and restart' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(apply).toBeFocused();

  const lab = new AttackPage(page);
  await lab.openAttack('alg-none');
  const vulnerable = page.getByRole('radio', { name: 'Vulnerable' });
  await expect(vulnerable).toBeChecked({ timeout: 60_000 });
  await vulnerable.focus();
  // Arrow keys move between the radios of a group and check the one they reach: the run restarts on the other side.
  await page.keyboard.press('ArrowRight');
  const hardened = page.getByRole('radio', { name: 'Hardened' });
  await expect(hardened).toBeChecked({ timeout: 60_000 });
  await expect(page.getByText(/Hardened: lab realm/)).toBeVisible({ timeout: 60_000 });
  await expect(hardened).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/Vulnerable: lab realm/)).toBeVisible({ timeout: 60_000 });
  await expect(vulnerable).toBeFocused();
});
