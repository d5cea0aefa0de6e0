import { expect, test } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';
import { RS_CHECKLIST } from './pages/flow-player';

test.describe('attack lab: token attacks', () => {
  test('the index lists every attack by group, each with its spec section', async ({ page }) => {
    await page.goto('/attacks');
    await expect(page.getByRole('heading', { name: 'Attack lab', level: 1 })).toBeVisible();
    for (const group of ['Token attacks', 'Browser-flow attacks', 'Deprecated grants'])
      await expect(page.getByRole('heading', { name: group })).toBeVisible();
    await expect(page.getByRole('link', { name: 'alg: none' })).toHaveAttribute('href', '/attacks/alg-none');
    await expectNoAxeViolations(page);
  });

  test('alg none: the vulnerable RS serves Alice’s photos, the hardened one refuses the token', async ({ page }) => {
    // Two runs and two axe scans of a long page: allow for a loaded machine.
    test.slow();
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('alg-none');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    // The RS's own report says which check the weakness weakened.
    await lab.back.click();
    await expect(lab.checklist(RS_CHECKLIST)).toContainText('Algorithm on the allow-list');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await expect(page).toHaveURL(/server=hardened/);
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('401 invalid_token');
    await expectNoAxeViolations(page);
  });

  test('alg None (a spelling of none) from a trainer’s link: same side and variant, opposite outcomes', async ({ page }) => {
    const lab = new AttackPage(page);
    await lab.openAttack('alg-none', '?server=vulnerable&variant=nOnE');
    await expect(page.getByLabel('Spelling of none')).toHaveValue('nOnE');
    expect(await lab.playToOutcome()).toMatch(/^Attack succeeded.*alg "nOnE"/s);
    await lab.server('Hardened');
    await expect(page.getByLabel('Spelling of none')).toHaveValue('nOnE');
    expect(await lab.playToOutcome()).toMatch(/^Attack blocked/);
  });
});

test('presenter mode from a trainer’s link: no options, keyboard stepping to the Outcome, reset in one click', async ({ page }) => {
  // Side by side (one press, one step); presenter.spec.ts plays the narrower screens, card then diagram.
  await page.setViewportSize({ width: 1400, height: 900 });
  const lab = new AttackPage(page);
  await lab.openAttack('alg-none', '?server=hardened&present=1');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Server' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Mallory gets a real token of her own' })).toBeVisible();
  // The title's `alg` is a code span: the heading's name reads without the backticks.
  for (const title of ['Forge: set alg to none and drop the signature', 'Mallory presents the forged token to the API']) {
    await expect(lab.next).toBeEnabled();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(lab.next).toBeEnabled();
  await page.keyboard.press('Space');
  await expect(lab.outcome).toContainText(/^Attack blocked/);
  await expect(page).toHaveURL(/present=1/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('heading', { name: 'Mallory gets a real token of her own' })).toBeVisible();
  await expect(lab.outcome).toBeHidden();
});
