import { expect, test } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';
import { RS_CHECKLIST } from './pages/flow-player';

// Each test opens its own page, so the lab makes its own realms for it (per tab): no state is shared.
test.describe('attack lab: missing claim checks', () => {
  test('expired: the vulnerable RS accepts a token after its exp, the hardened one refuses it', async ({ page }) => {
    test.slow();
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('missing-claim-checks');
    await expect(page.getByLabel('Missing check')).toHaveValue('expired');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('the expired token');
    expect(vulnerable).toContain('the printing service’s photos');
    await lab.back.click();
    await expect(lab.checklist(RS_CHECKLIST)).toContainText(/skipped[^\n]*Not expired \(exp\)/);
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('401 invalid_token — The access token has expired');
    await expectNoAxeViolations(page);
  });

  test('audience (a trainer’s link): the print API’s token is accepted by the vulnerable RS and refused on aud by the hardened one', async ({
    page,
  }) => {
    test.slow();
    const lab = new AttackPage(page);
    await lab.openAttack('missing-claim-checks', '?server=vulnerable&variant=audience');
    await expect(page.getByLabel('Missing check')).toHaveValue('audience');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('https://print.example/api');
    await expectNoAxeViolations(page);

    await lab.server('Hardened');
    await expect(page.getByLabel('Missing check')).toHaveValue('audience');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('not meant for this resource server');
    await lab.back.click();
    await expect(lab.checklist(RS_CHECKLIST)).toContainText(/passed[^\n]*iss is this realm’s issuer/);
    await expect(lab.checklist(RS_CHECKLIST)).toContainText(/failed[^\n]*aud names this resource server/);
    await expectNoAxeViolations(page);
  });
});
