import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { AttackPage, attackerConsole, recordOffOrigin } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, RS_CHECKLIST } from './pages/flow-player';

const T = 60_000;

async function makeLabRealm(page: Page) {
  await page.getByRole('button', { name: 'Make a lab realm that allows it' }).click();
  await expect(page).toHaveURL(/\?realm=[\w-]{16,64}$/, { timeout: T });
  await expect(page.getByRole('region', { name: 'Lab realm' })).toContainText('deliberately weakened', { timeout: T });
}

test.describe('deprecated grants and the attacks they enable', () => {
  // Each test signs in on the AS and plays two runs end to end.
  test.describe.configure({ timeout: 240_000 });

  test('the Flows page lists both deprecated grants, marked deprecated', async ({ page }) => {
    await page.goto('/flows');
    await expect(page.getByText('Implicit grant (deprecated)')).toBeVisible();
    await expect(page.getByText('Resource owner password credentials (deprecated)')).toBeVisible();
  });

  test('implicit: demo refuses with unsupported_response_type; a lab realm that allows it delivers the token in the fragment', async ({
    page,
  }) => {
    const flow = new FlowPlayerPage(page);
    await flow.open('implicit');
    await expect(page.getByRole('note', { name: 'Deprecated grant' })).toBeVisible({ timeout: T });
    await flow.stepThrough(['Discover the authorization server', 'Build the authorization URL with response_type=token']);
    await flow.goToAuthorizationServer();
    await expect(flow.heading('The redirect comes back with the token in the fragment')).toBeVisible({ timeout: T });
    await flow.next.click();
    await expect(flow.heading('No token: the authorization server refused')).toBeVisible({ timeout: T });
    await expect(flow.error()).toContainText('unsupported_response_type');
    await expectNoAxeViolations(page);

    await flow.open('implicit');
    await makeLabRealm(page);
    await flow.stepThrough(['Discover the authorization server', 'Build the authorization URL with response_type=token']);
    await flow.goToAuthorizationServer();
    await new AsSignInPage(page).signIn();
    const consent = new AsConsentPage(page);
    await consent.expectShown('Legacy SPA (implicit)');
    await consent.decide('Allow');
    await expect(flow.heading('The redirect comes back with the token in the fragment')).toBeVisible({ timeout: T });
    await expect(page.locator('mark')).toContainText('#access_token=');
    await expectNoAxeViolations(page);
    await flow.stepThrough([
      'The redirect comes back with the token in the fragment',
      'The client checks state and iss, and takes the token',
      'Call the API with the token from the URL',
    ]);
    await expect(flow.heading('Use instead: authorization code + PKCE')).toBeVisible({ timeout: T });
    await flow.back.click();
    await expect(flow.checklist(RS_CHECKLIST)).toBeVisible();
  });

  test('password: demo refuses with unsupported_grant_type; a lab realm that allows it issues tokens for the password', async ({
    page,
  }) => {
    const flow = new FlowPlayerPage(page);
    await flow.open('password');
    await expect(page.getByRole('note', { name: 'Deprecated grant' })).toBeVisible({ timeout: T });
    await flow.stepThrough(['Discover the authorization server']);
    const form = page.getByRole('form', { name: 'Legacy App — sign in' });
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password').fill('wonderland');
    await form.getByRole('button', { name: 'Sign in to Legacy App' }).click();
    await expect(flow.heading('The flow stopped on an error')).toBeVisible({ timeout: T });
    await expect(flow.error()).toContainText('unsupported_grant_type');
    await expectNoAxeViolations(page);

    await flow.open('password');
    await makeLabRealm(page);
    await flow.stepThrough(['Discover the authorization server']);
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password').fill('wonderland');
    await form.getByRole('button', { name: 'Sign in to Legacy App' }).click();
    await flow.stepThrough(['The app posts your password to the token endpoint', 'Call the API']);
    await expect(flow.heading('Use instead: authorization code + PKCE')).toBeVisible({ timeout: T });
    await expectNoAxeViolations(page);
  });

  test('password-grant attack: the password is harvested in both modes; only the vulnerable AS turns it into tokens', async ({ page }) => {
    const lab = new AttackPage(page);
    await lab.onPhone();
    const console = page.getByRole('region', { name: 'Attacker’s console' });
    const phish = async () => {
      const form = page.getByRole('form', { name: 'PhotoPrint — sign in with your Photo Gallery account' });
      await form.getByLabel('Username').fill('alice', { timeout: T });
      await form.getByLabel('Password').fill('wonderland');
      await form.getByRole('button', { name: 'Sign in and print my photos' }).click();
    };
    await lab.openAttack('password-grant');
    await phish();
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expect(console).toContainText('wonderland', { timeout: T });
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await phish();
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('unsupported_grant_type');
    expect(hardened).toContain('not the phishing');
    await expect(console).toContainText('wonderland', { timeout: T });
    await expectNoAxeViolations(page);
  });

  test('implicit attack: a script on the callback page sends the fragment to Mallory; the hardened AS issues no token and her console stays empty', async ({
    page,
  }) => {
    const lab = new AttackPage(page);
    await lab.onPhone();
    const console = page.getByRole('region', { name: 'Attacker’s console' });
    const toTheAs = async () => {
      await lab.stepThrough(['The legacy single-page app finds its authorization server', 'The app asks for a token in the URL']);
      await lab.goToAuthorizationServer();
    };
    await lab.openAttack('implicit');
    await toTheAs();
    await new AsSignInPage(page).signIn();
    const consent = new AsConsentPage(page);
    await consent.expectShown('Legacy SPA (implicit)');
    await consent.decide('Allow');
    await expect(lab.heading('The token lands in the callback URL')).toBeVisible({ timeout: T });
    await expect(page.locator('mark')).toContainText('#access_token=');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('Alice’s photos');
    await expect(console).toContainText('access_token', { timeout: T });
    await expectNoAxeViolations(page);

    await lab.onDesktop();
    await lab.server('Hardened');
    await toTheAs();
    await expect(lab.heading('The token lands in the callback URL')).toBeVisible({ timeout: T });
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('unsupported_response_type');
    await expect(console.getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('implicit attack, token injection: Alice’s token for Mallory’s quiz app signs Mallory in at the legacy app; the hardened app refuses it', async ({
    page,
    baseURL,
  }) => {
    const off = recordOffOrigin(page, baseURL!);
    const lab = new AttackPage(page);
    const quiz = 'Which Wonderland character are you? (a quiz: Mallory’s app)';
    const aliceAllowsTheQuiz = async () => {
      await lab.stepThrough(['The legacy single-page app finds its authorization server', 'Mallory’s quiz app asks Alice to sign in']);
      await expect(lab.heading('Alice signs in to the quiz and allows it')).toBeVisible({ timeout: T });
      await lab.goToAuthorizationServer();
      await new AsSignInPage(page).signIn();
      const consent = new AsConsentPage(page);
      await consent.expectShown(quiz);
      await consent.decide('Allow');
      await expect(page).toHaveURL(/\/attacks\/implicit/, { timeout: T });
      await expect(lab.heading('The quiz app redeems the code: Alice’s token, issued to Mallory’s app')).toBeVisible({ timeout: T });
    };
    await lab.openAttack('implicit', '?server=vulnerable&variant=injection');
    await expect(page.getByLabel('Variant')).toHaveValue('injection', { timeout: T });
    // From the first step the list shows this variant's own steps ahead, not the leak's.
    const steps = page.getByRole('navigation', { name: 'Steps of this run' });
    await expect(steps).toContainText('Mallory swaps Alice’s token into the legacy app’s callback', { timeout: T });
    await expect(steps).not.toContainText('The app asks for a token in the URL');
    await aliceAllowsTheQuiz();
    await lab.stepThrough(['The quiz app redeems the code: Alice’s token, issued to Mallory’s app']);
    await expect(lab.heading('Mallory swaps Alice’s token into the legacy app’s callback')).toBeVisible({ timeout: T });
    await expect(page.locator('mark')).toContainText('#access_token=');
    const vulnerable = await lab.playToOutcome();
    expect(vulnerable).toMatch(/^Attack succeeded/);
    expect(vulnerable).toContain('signed Mallory’s browser in as Alice');
    expect(vulnerable).toContain('Use the authorization code grant with PKCE');
    // Nothing leaked to her site in this variant: she holds the token through her own app.
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);

    await lab.server('Hardened');
    await expect(page.getByLabel('Variant')).toHaveValue('injection');
    await aliceAllowsTheQuiz();
    const hardened = await lab.playToOutcome();
    expect(hardened).toMatch(/^Attack blocked/);
    expect(hardened).toContain('refused to sign anyone in');
    expect(hardened).toContain('mallory-quiz');
    await lab.back.click();
    await expect(lab.checklist('The legacy app’s backend: is this token for me?')).toContainText('aud contains this client');
    await expect(attackerConsole(page).getByTestId('attacker-console-empty')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(off).toEqual([]);
  });
});
