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

const TO_SIGN_IN = [
  'Mallory runs an authorization server of her own',
  'The client reads both servers’ metadata',
  'Alice picks “Sign in with Evil AS”',
];

/** Up to the hand-off, then Alice signs in at the honest AS (where Mallory's redirect sent her) and comes back to the attack. */
async function aliceSignsIn(page: Page, lab: AttackPage) {
  await lab.stepThrough(TO_SIGN_IN);
  await expect(lab.heading('Mallory’s AS redirects Alice to the honest AS')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the authorization server' }).click();
  await expect(page).toHaveURL(/\/as\/[\w-]+\/authorize/, { timeout: 60_000 });
  await new AsSignInPage(page).signIn();
  await new AsConsentPage(page).decide('Allow');
  await expect(page).toHaveURL(/\/attacks\/mix-up/, { timeout: 60_000 });
  await expect(lab.heading('The client checks the authorization response')).toBeVisible({ timeout: 60_000 });
}

test.describe('attack lab: mix-up', () => {
  test.describe.configure({ timeout: 240_000 });

  test('vulnerable: without iss the client sends the honest AS’s code and verifier to the Evil AS, and Mallory reads Alice’s photos', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('mix-up');
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page);
    await aliceSignsIn(page, lab);
    await expect(page.getByText('iss = (not sent)')).toBeVisible();
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack succeeded/);
    expect(outcome).toContain('Alice’s photos');
    await expect(console_(page).getByText('code_verifier', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('hardened: the honest AS names itself in iss, the client refuses the response, and Mallory’s console stays empty', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.openAttack('mix-up', '?server=hardened');
    await expect(page.getByRole('radio', { name: 'Hardened' })).toBeChecked({ timeout: 60_000 });
    await aliceSignsIn(page, lab);
    await expect(lab.checklist('What the client checked (RFC 9207 §2.4)')).toContainText(
      /failed: iss is the authorization server we used — expected \S+\/as\/[\w-]+, got \S+\/as\/[\w-]+/,
    );
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack blocked/);
    expect(outcome).toContain('issuer_mismatch');
    expect(outcome).toContain('her site received nothing');
    await expect(console_(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
});
