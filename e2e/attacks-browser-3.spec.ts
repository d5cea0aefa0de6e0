import { expect, test, type Page } from '@playwright/test';
import { AttackPage, recordOffOrigin, attackerConsole } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';

/** Plays up to the hand-off and opens Mallory's prize page as Alice. */
async function openMallorysPage(page: Page, lab: AttackPage) {
  await lab.stepThrough([
    'Mallory reads the authorization server’s metadata',
    'Mallory starts an authorization request of her own',
    'Mallory checks whether the AS’s pages may be framed',
  ]);
  await expect(lab.heading('Alice opens Mallory’s prize page')).toBeVisible();
  await page.getByRole('button', { name: 'Open Mallory’s page as Alice' }).click();
  await expect(page.getByRole('heading', { name: 'Mallory’s site: you have won a prize!' })).toBeVisible();
}

test.describe('attack lab: clickjacking the consent page', () => {
  test.describe.configure({ timeout: 240_000 });

  test('vulnerable: the consent page renders in Mallory’s frame, the decoy click is an Allow, and she reads Alice’s photos', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('clickjacking');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page);

    await openMallorysPage(page, lab);
    const frame = page.frameLocator('#frame');
    await frame.getByLabel('Username').fill('alice');
    await frame.getByLabel('Password').fill('wonderland');
    await frame.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText('The decoy now sits exactly under its Allow button', { timeout: 30_000 });
    // Alice clicks what she sees: the red decoy. The half-transparent frame above it takes the click.
    const box = (await page.getByRole('button', { name: 'Claim your prize' }).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('status')).toContainText('Alice’s click went to the framed Allow button', { timeout: 30_000 });
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    await expect(page).toHaveURL(/\/attacks\/clickjacking/);
    await expect(attackerConsole(page).getByText('code', { exact: true }).first()).toBeVisible({ timeout: 15_000 });

    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack succeeded/);
    expect(outcome).toContain('neither a frame-ancestors directive nor X-Frame-Options');
    expect(outcome).toContain('Alice’s photos');
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('hardened: the browser refuses to frame the AS page, the decoy presses nothing, and Mallory’s console stays empty', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.openAttack('clickjacking', '?server=hardened');
    await expect(page.getByRole('radio', { name: 'Hardened' })).toBeChecked({ timeout: 60_000 });
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });

    await openMallorysPage(page, lab);
    await expect(page.getByRole('status')).toContainText('The browser refused to show the authorization server’s page in Mallory’s frame', {
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: 'Claim your prize' })).toBeDisabled();
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    await expect(page).toHaveURL(/\/attacks\/clickjacking/);

    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack blocked/);
    expect(outcome).toContain("frame-ancestors 'none' and X-Frame-Options: DENY");
    expect(outcome).toContain('refused to render the consent page');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
});

/** Plays the token-storage attack up to the AS, signs in as Alice and comes back. */
async function signInAsAlice(page: Page, lab: AttackPage) {
  await lab.stepThrough(['Alice opens the photo app', 'The app builds its authorization request']);
  await expect(lab.heading('Alice signs in on the authorization server')).toBeVisible();
  await lab.aliceSignsIn('token-storage');
}

test.describe('attack lab: token storage and XSS', () => {
  test.describe.configure({ timeout: 240_000 });

  test('vulnerable: the payload reads the token from localStorage, posts it to Mallory, and she reads Alice’s photos', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('token-storage');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page);
    await signInAsAlice(page, lab);
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack succeeded/);
    expect(outcome).toContain('Alice’s photos');
    await expect(attackerConsole(page).getByText('access_token', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('hardened: behind an HttpOnly cookie the payload finds nothing and the console stays empty, yet it still calls the API through the backend', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.openAttack('token-storage', '?server=hardened');
    await expect(page.getByRole('radio', { name: 'Hardened' })).toBeChecked({ timeout: 60_000 });
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await signInAsAlice(page, lab);
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack blocked/);
    expect(outcome).toContain('the payload found no token');
    expect(outcome).toContain('HTTP 200 with Alice’s photos');
    expect(await page.evaluate(() => document.cookie)).not.toContain('bff_session');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
});
