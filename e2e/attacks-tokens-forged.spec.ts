import { expect, test } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';

/** Forged-token attacks of issue #8: each in both modes, with opposite Outcomes and axe-clean pages. */
const ATTACKS = [
  { slug: 'algorithm-confusion', title: 'Algorithm confusion (RS256 → HS256)', blocked: /401 invalid_token.*algorithm/s },
  { slug: 'embedded-jwk', title: 'Embedded jwk header', blocked: /401 invalid_token.*key/s },
  { slug: 'jku', title: 'jku: a key set chosen by the token', blocked: /401 invalid_token.*key/s },
  { slug: 'kid-traversal', title: 'kid path traversal', blocked: /401 invalid_token.*algorithm/s },
  { slug: 'unverified-signature', title: 'Unverified signature', blocked: /401 invalid_token.*signature does not verify/s },
] as const;

test.describe('attack lab: forged tokens', () => {
  for (const a of ATTACKS) {
    test(`${a.slug}: the vulnerable RS serves Alice’s photos, the hardened one refuses the token`, async ({ page }) => {
      // Two full runs (each with a fresh lab realm) and two axe scans: more than the default 60 s on a busy machine.
      test.slow();
      const lab = new AttackPage(page);
      await lab.onPhone();
      await lab.openAttack(a.slug);
      const vulnerable = await lab.playToOutcome();
      expect(vulnerable).toMatch(/^Attack succeeded/);
      expect(vulnerable).toContain('Alice’s photos');
      await expectNoAxeViolations(page);

      await lab.onDesktop();
      await lab.server('Hardened');
      await expect(page).toHaveURL(/server=hardened/);
      const hardened = await lab.playToOutcome();
      expect(hardened).toMatch(/^Attack blocked/);
      expect(hardened).toMatch(a.blocked);
      await expectNoAxeViolations(page);
    });
  }

  test('jku outside the lab: the vulnerable RS refuses it and says nothing was fetched', async ({ page }) => {
    const lab = new AttackPage(page);
    await lab.openAttack('jku', '?server=vulnerable&variant=elsewhere');
    await expect(page.getByLabel('Where jku points')).toHaveValue('elsewhere');
    const outcome = await lab.playToOutcome();
    expect(outcome).toMatch(/^Attack blocked/);
    expect(outcome).toContain('nothing was requested');
  });

  test('the index links every forged-token attack', async ({ page }) => {
    await page.goto('/attacks');
    for (const a of ATTACKS) await expect(page.getByRole('link', { name: a.title })).toHaveAttribute('href', `/attacks/${a.slug}`);
  });
});
