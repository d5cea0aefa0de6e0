import { expect, test } from '@playwright/test';
import { AttackPage, recordOffOrigin } from './pages/attack-lab';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { expectNoAxeViolations } from './pages/axe';
import { SIGN_IN_PROLOGUE } from './pages/flow-player';

test.describe('attack lab: browser-flow attacks, part 2', () => {
  // Each mode crosses the AS's real pages twice over (refresh-replay: 14 steps a side): minutes on a loaded machine.
  test.describe.configure({ timeout: 360_000 });

  test('refresh-replay: without rotation Mallory’s copy keeps minting Alice’s tokens; with reuse detection it is refused and Alice is signed out', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('refresh-replay');
    await lab.stepThrough(SIGN_IN_PROLOGUE);
    await expect(lab.heading('Alice signs in to the photo gallery')).toBeVisible();
    await expectNoAxeViolations(page);
    await lab.aliceSignsIn('refresh-replay');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await lab.stepThrough(SIGN_IN_PROLOGUE);
    await lab.aliceSignsIn('refresh-replay');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('invalid_grant');
    expect(hardened).toContain('Alice is signed out');
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('code-interception: without PKCE Mallory redeems the code her app intercepted; the hardened AS wants the verifier she lacks', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('code-interception');
    await expect(page.getByLabel('Variant of the attack')).toHaveValue('no-pkce', { timeout: 60_000 });
    await lab.stepThrough(['Alice’s client reads the authorization server’s metadata', 'Alice’s client builds its authorization request']);
    await expect(lab.heading('Alice signs in and consents')).toBeVisible();
    await expectNoAxeViolations(page);
    await lab.aliceSignsIn('code-interception');
    await expect(lab.heading('Mallory’s app receives the authorization response')).toBeVisible({ timeout: 60_000 });
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await lab.stepThrough(['Alice’s client reads the authorization server’s metadata', 'Alice’s client builds its authorization request']);
    await lab.aliceSignsIn('code-interception');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('code_verifier');
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });

  test('code-interception, downgrade: the stripped challenge goes unnoticed at the loose AS; the hardened AS refuses the stripped request', async ({
    page,
  }) => {
    const lab = new AttackPage(page);
    await lab.openAttack('code-interception', '?server=vulnerable&variant=downgrade');
    await expect(page.getByLabel('Variant of the attack')).toHaveValue('downgrade', { timeout: 60_000 });
    const toAs = [
      'Alice’s client reads the authorization server’s metadata',
      'Alice’s client builds its authorization request',
      'Mallory strips the code_challenge from the request',
    ];
    await lab.stepThrough(toAs);
    await lab.aliceSignsIn('code-interception');
    expect(await lab.playToOutcome()).toMatch(/^Attack succeeded/);

    await lab.server('Hardened');
    await lab.stepThrough(toAs);
    // The hardened AS refuses before any sign-in: an error redirect to the client's callback (RFC 6749 §4.1.2.1).
    await page.getByRole('button', { name: 'Go to the authorization server' }).click();
    await expect(page).toHaveURL(/\/attacks\/code-interception/, { timeout: 60_000 });
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('PKCE is required');
  });

  test('missing-state: a client that skips the state check signs Alice in as Mallory; the hardened client refuses the planted response', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    await lab.onPhone();
    const toMallorysSignIn = [
      'Mallory reads the authorization server’s metadata',
      'Mallory starts a sign-in at the photo gallery, with her own account',
    ];
    const plantAndVisit = async () => {
      await lab.stepThrough(toMallorysSignIn);
      await page.getByRole('button', { name: 'Go to the authorization server' }).click();
      await new AsSignInPage(page).signIn('mallory', 'mischief');
      await new AsConsentPage(page).decide('Allow');
      await expect(lab.heading('Mallory stops before her code is redeemed')).toBeVisible({ timeout: 60_000 });
      await lab.stepThrough(['Mallory stops before her code is redeemed', 'Mallory puts her callback URL on her page']);
      await page.getByRole('button', { name: 'Open Mallory’s page as Alice' }).click();
      await expect(page.getByRole('heading', { name: 'Mallory’s site' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Claim your prize' }).click();
      await expect(lab.heading('Alice’s client receives an authorization response it never asked for')).toBeVisible({ timeout: 60_000 });
    };
    await lab.openAttack('missing-state');
    await expect(page.getByLabel('Variant of the attack')).toHaveValue('no-pkce', { timeout: 60_000 });
    await expectNoAxeViolations(page);
    await plantAndVisit();
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('sub is "mallory"');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    // The variant picks the Vulnerable realm's weaknesses only: the Hardened side does not offer it.
    await expect(page.getByLabel('Variant of the attack')).toHaveCount(0);
    await plantAndVisit();
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('The state in the response is not the one this client sent');
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
});
