import { expect, test, type Page } from '@playwright/test';
import { AttackPage, recordOffOrigin, attackerConsole } from './pages/attack-lab';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';

/** Plays up to the hand-off and opens Mallory's link as Alice. */
async function openMallorysLink(page: Page, lab: AttackPage) {
  await lab.stepThrough([
    'Mallory reads the authorization server’s metadata',
    'Mallory crafts an authorization link with a bent redirect_uri',
  ]);
  await expect(lab.heading('Alice opens the link, signs in and consents')).toBeVisible();
  await page.getByRole('button', { name: 'Open Mallory’s link as Alice' }).click();
}

test.describe('attack lab: browser-flow attacks', () => {
  // A browser-flow attack crosses several real pages (the AS's, Mallory's) in each mode: more than the default minute on a shared machine.
  test.describe.configure({ timeout: 240_000 });

  test('redirect-uri: the loose AS sends Alice’s code to Mallory, who reads her photos; the hardened AS shows an error page and her console stays empty', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('redirect-uri');
    await expect(page.getByLabel('Loose matching')).toHaveValue('prefix', { timeout: 60_000 });
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page);

    await openMallorysLink(page, lab);
    await new AsSignInPage(page).signIn();
    const consent = new AsConsentPage(page);
    await consent.expectShown('Photo Gallery (single-page app)');
    await consent.decide('Allow');
    // The code landed on Mallory's site; her page leads back to the attack.
    await expect(page).toHaveURL(/\/attacker\/[\w-]+\/cb\?code=/);
    await expect(page.getByRole('heading', { name: 'Mallory’s site' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    await expect(page).toHaveURL(/\/attacks\/redirect-uri/);
    await expect(attackerConsole(page).getByText('code', { exact: true }).first()).toBeVisible({ timeout: 15_000 });

    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await openMallorysLink(page, lab);
    // RFC 6749 §4.1.2.1: an error page, no redirect.
    await expect(page.getByRole('alert')).toContainText('The redirect_uri is not registered');
    await expect(page).toHaveURL(/\/as\/[\w-]+\/authorize/);
    await page.goBack();
    await expect(page).toHaveURL(/\/attacks\/redirect-uri/);
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('error page (HTTP 400');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('redirect-uri, PKCE variant: the code still reaches Mallory, but without Alice’s client’s verifier she cannot redeem it', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.openAttack('redirect-uri', '?server=vulnerable&variant=pkce');
    await expect(page.getByLabel('Loose matching')).toHaveValue('pkce', { timeout: 60_000 });
    await openMallorysLink(page, lab);
    await new AsSignInPage(page).signIn();
    await new AsConsentPage(page).decide('Allow');
    await expect(page.getByRole('heading', { name: 'Mallory’s site' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the lab' }).click();
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack blocked/);
    expect(outcome).toContain('code_verifier');
    expect(off).toEqual([]);
  });
});
