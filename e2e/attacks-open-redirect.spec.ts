import { expect, test, type Page } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';

/** Every request the browser makes in a test must stay on the app's origin (issue #9: nothing leaves it). */
function recordOffOrigin(page: Page, baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  const off: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) off.push(r.url());
  });
  return off;
}

const console_ = (page: Page) => page.getByRole('region', { name: 'Attacker’s console' });

async function openLink(page: Page, lab: AttackPage, craftTitle: string) {
  await lab.stepThrough(['Mallory reads the authorization server’s metadata', craftTitle]);
  await expect(lab.heading('Alice opens the link, signs in and consents')).toBeVisible();
  await page.getByRole('button', { name: 'Open Mallory’s link as Alice' }).click();
}

test.describe('attack lab: the client’s open redirector', () => {
  test.describe.configure({ timeout: 240_000 });

  test('open-redirect: the implicit token rides the fragment through the client’s redirector to Mallory; hardened: an error page and an empty console', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    const craft = 'Mallory crafts an implicit link whose redirect_uri goes through the client’s redirector';
    await lab.openAttack('open-redirect');
    await expect(page.getByLabel('Lax redirect check')).toHaveValue('extra-query', { timeout: 60_000 });
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page);

    await openLink(page, lab, craft);
    await new AsSignInPage(page).signIn();
    await new AsConsentPage(page).decide('Allow');
    // The client's callback redirected without a fragment; Chromium kept the token's fragment (RFC 9110 §10.2.2).
    await expect(page).toHaveURL(/\/attacker\/[\w-]+\/or#access_token=/);
    await expect(page.getByRole('heading', { name: 'Mallory’s site' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    await expect(page).toHaveURL(/\/attacks\/open-redirect/);
    await expect(console_(page).getByText('access_token', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await openLink(page, lab, craft);
    await expect(page.getByRole('alert')).toContainText('The redirect_uri is not registered');
    await page.goBack();
    await expect(page).toHaveURL(/\/attacks\/open-redirect/);
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('error page (HTTP 400');
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('redirect-uri, extra-query variant: the client’s redirector forwards Alice’s code to Mallory; hardened: an error page', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    const craft = 'Mallory crafts an authorization link with a bent redirect_uri';
    await lab.openAttack('redirect-uri', '?server=vulnerable&variant=extra-query');
    await expect(page.getByLabel('Loose matching')).toHaveValue('extra-query', { timeout: 60_000 });
    await openLink(page, lab, craft);
    await new AsSignInPage(page).signIn();
    await new AsConsentPage(page).decide('Allow');
    await expect(page).toHaveURL(/\/attacker\/[\w-]+\/cb\?code=/);
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    await expectNoAxeViolations(page);

    await lab.server('Hardened');
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await openLink(page, lab, craft);
    await expect(page.getByRole('alert')).toContainText('The redirect_uri is not registered');
    await page.goBack();
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible();
    expect(off).toEqual([]);
  });
});
