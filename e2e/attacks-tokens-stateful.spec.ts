import { expect, test } from '@playwright/test';
import { AttackPage } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';

test.describe('attack lab: cracked, revoked and stolen tokens', () => {
  // Each test plays two runs against two fresh lab realms (key generation): more than the default minute on a busy machine.
  test.describe.configure({ timeout: 150_000 });

  test('weak HMAC secret: cracked in the browser and forged on the vulnerable side; nothing to crack on the hardened side', async ({
    page,
  }) => {
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('weak-hmac-secret');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('cracked secret');
    expect(vulnerable).toContain('Alice’s photos');
    for (let i = 0; i < 3; i++) await lab.back.click();
    const cracker = page.getByRole('region', { name: 'The secret cracker' });
    await expect(cracker).toContainText('secret found');
    await expect(cracker).toContainText(/guesses in [\d.]+ s \([\d,]+ a second\)/);
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('401 invalid_token');
    for (let i = 0; i < 3; i++) await lab.back.click();
    await expect(cracker).toContainText('There is no HMAC secret to crack: the token is ES256');
    await expectNoAxeViolations(page);
  });

  test('revocation: the revoked JWT still works at the vulnerable RS; the opaque token is refused at once', async ({ page }) => {
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('revocation');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('after it was revoked');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('401 invalid_token');
    await expectNoAxeViolations(page);
  });

  test('stolen token: a bearer token works from Mallory’s machine; a DPoP-bound one and its copied proof are refused', async ({ page }) => {
    const lab = new AttackPage(page);
    await lab.onPhone();
    await lab.openAttack('stolen-token-dpop');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('stolen bearer token');
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toMatch(/invalid_dpop_proof[\s\S]*invalid_dpop_proof/);
    await expectNoAxeViolations(page);
  });
});
