import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { AttackPage } from './pages/attack-lab';
import { expectNoAxeViolations } from './pages/axe';
import { FlowPlayerPage, PlayerNavigation, SIGN_IN_PROLOGUE } from './pages/flow-player';

/**
 * The trainer's player (issue #12): every step listed from the start with the true total, focus on the
 * step's primary action after the AS hand-off and on the way back, auto-play with a speed and holds,
 * presenter mode by keyboard alone, and the run's export (Mermaid text, HAR file).
 */

const CLIENT_CREDENTIALS = [
  'Discover the authorization server',
  'Ask for a token as the client itself',
  'Call the API',
  'Why there is no user and no refresh token',
];

/** Presses → once the step has its answer (Next enabled), and waits for the next step's heading. */
async function arrowTo(page: Page, player: FlowPlayerPage, title: string) {
  await expect(player.next).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press('ArrowRight');
  await expect(player.heading(title)).toBeVisible({ timeout: 60_000 });
}

test('every step of the authorization code flow is listed from the start, and focus follows the trip to the AS', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  const nav = new PlayerNavigation(page);
  await player.open('authorization-code');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(nav.counter).toHaveText('Step 1 of 11');
  const listed = await nav.listed();
  expect(listed).toHaveLength(11);
  expect(listed.filter((t) => t.includes('(not reached yet)'))).toHaveLength(10);
  expect(listed.at(-1)).toMatch(/^11\. Done/);
  // Steps ahead are not controls yet.
  await expect(nav.stepList.getByRole('listitem').getByRole('button')).toHaveCount(1);

  for (const title of [...SIGN_IN_PROLOGUE.slice(1), 'The browser goes to the authorization server']) await arrowTo(page, player, title);
  // The hand-off: its button has focus (it fell to the body before: 21 Tab presses away).
  const go = page.getByRole('button', { name: 'Go to the authorization server' });
  expect(await nav.tabsUntilFocused(go, 2)).toBeLessThanOrEqual(2);
  await expect(nav.counter).toHaveText('Step 4 of 11');
  await page.keyboard.press('Enter');

  await new AsSignInPage(page).signInWithFillButton('alice');
  await new AsConsentPage(page).decide('Allow');
  await expect(player.heading('The redirect comes back to the client')).toBeVisible({ timeout: 60_000 });
  // Back from the AS, the run resumes with focus on the step's action (Next), not on the body.
  expect(await nav.tabsUntilFocused(player.next, 2)).toBeLessThanOrEqual(2);
  await expect(nav.counter).toHaveText('Step 5 of 11');
  await page.keyboard.press('Enter');
  await expect(player.heading('The client checks state and iss')).toBeVisible();
  await expect(nav.stepList.getByRole('listitem').getByRole('button')).toHaveCount(6);
  await expectNoAxeViolations(page);
});

/** The step's card and its diagram, both whole on screen: the part of the page each one covers lies in the viewport. */
async function wholeOnScreen(page: Page, what: ReturnType<Page['locator']>) {
  const box = await what.boundingBox();
  const { width, height } = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height + 1 && box.x + box.width <= width + 1;
}

const figure = (page: Page) => page.getByRole('figure', { name: 'Diagram: who talks to whom in this step' });

test.describe('presenter mode side by side (1400×900)', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('presenter mode driven by the keyboard alone: → and space step, ← reviews, Escape leaves', async ({ page }) => {
    const player = new FlowPlayerPage(page);
    const nav = new PlayerNavigation(page);
    await page.goto('/flows/client-credentials?present=1');
    await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible({ timeout: 60_000 });
    await expect(nav.presenter).toHaveAttribute('aria-pressed', 'true');
    await expect(nav.stepList).toBeHidden();
    await expect(nav.counter).toHaveText('Step 1 of 4');

    await arrowTo(page, player, CLIENT_CREDENTIALS[1]);
    await expect(nav.counter).toHaveText('Step 2 of 4');
    await expect(player.next).toBeEnabled();
    await page.keyboard.press('Space');
    await expect(player.heading(CLIENT_CREDENTIALS[2])).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(player.heading(CLIENT_CREDENTIALS[1])).toBeVisible();
    await expect(page).toHaveURL(/step=2/);
    await page.keyboard.press('ArrowRight');
    await expect(player.heading(CLIENT_CREDENTIALS[2])).toBeVisible();
    await expect(player.next).toBeEnabled();
    await page.keyboard.press('Space');
    await expect(player.heading(CLIENT_CREDENTIALS[3])).toBeVisible();
    await expect(nav.counter).toHaveText('Step 4 of 4');
    await expect(page).toHaveURL(/present=1/);

    await page.keyboard.press('Escape');
    await expect(nav.presenter).toHaveAttribute('aria-pressed', 'false');
    await expect(page).not.toHaveURL(/present=1/);
    await expect(nav.stepList.getByRole('listitem').getByRole('button')).toHaveCount(4);
  });

  test('entered with its button, presenter mode takes focus to Next: the first space steps, it does not press the button again', async ({
    page,
  }) => {
    const player = new FlowPlayerPage(page);
    const nav = new PlayerNavigation(page);
    await player.open('client-credentials');
    await expect(player.next).toBeEnabled({ timeout: 60_000 });
    await nav.presenter.click();
    await expect(nav.presenter).toHaveAttribute('aria-pressed', 'true');
    await expect(player.next).toBeFocused();
    await page.keyboard.press('Space');
    await expect(player.heading(CLIENT_CREDENTIALS[1])).toBeVisible({ timeout: 60_000 });
    await expect(nav.presenter).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/present=1/);
  });

  test('presenter mode survives the trip to the AS: the run comes back to the next step in presenter mode', async ({ page }) => {
    const player = new FlowPlayerPage(page);
    const nav = new PlayerNavigation(page);
    await page.goto('/flows/authorization-code?present=1');
    await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
    for (const title of [...SIGN_IN_PROLOGUE.slice(1), 'The browser goes to the authorization server']) await arrowTo(page, player, title);
    await expect(page.getByRole('button', { name: 'Go to the authorization server' })).toBeFocused();
    await page.keyboard.press('Enter');
    await new AsSignInPage(page).signInWithFillButton('alice');
    await new AsConsentPage(page).decide('Allow');
    await expect(player.heading('The redirect comes back to the client')).toBeVisible({ timeout: 60_000 });
    await expect(nav.presenter).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/present=1/);
    await expect(nav.stepList).toBeHidden();
  });

  test('one step per screen: the card and the whole diagram beside it, with the diagram’s labels at 12 px or more', async ({ page }) => {
    const player = new FlowPlayerPage(page);
    await page.goto('/flows/authorization-code?present=1');
    await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
    await arrowTo(page, player, 'Make a PKCE code verifier and its S256 challenge');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    // Nothing above the run: the site header and the page's introduction step aside.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    expect(await wholeOnScreen(page, page.getByRole('region', { name: 'Make a PKCE code verifier and its S256 challenge' }))).toBe(true);
    expect(await wholeOnScreen(page, figure(page))).toBe(true);
    const sizes = await page
      .locator('[data-testid="edge-label"]')
      .evaluateAll((els) =>
        els.map((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight)),
      );
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size, `a label drawn at ${size.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    // The projector's dark theme (the system's, by default), AA contrast there too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html.dark')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
});

test('presenter mode at 1280×720 and at 150 % zoom: each step is its card, then its diagram, each whole on screen', async ({ browser }) => {
  // 1280×720 at 150 % zoom is a CSS viewport of 853×480 drawn at a device scale of 1.5; that one in the dark theme (axe too).
  for (const screen of [
    { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
    { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5, colorScheme: 'dark' as const },
  ]) {
    const context = await browser.newContext(screen);
    const page = await context.newPage();
    const player = new FlowPlayerPage(page);
    const nav = new PlayerNavigation(page);
    const at = `${screen.viewport.width}×${screen.viewport.height}`;
    await page.goto('/flows/client-credentials?present=1');
    const card = page.getByRole('region', { name: CLIENT_CREDENTIALS[0] });
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(figure(page), at).toHaveCount(0);
    await expect(page.getByText(/^Next shows this step’s diagram, then the next step;/)).toBeVisible();
    await expect(player.next).toBeEnabled({ timeout: 60_000 });

    // → : the same step's diagram, on a screen of its own under the step's heading.
    await page.keyboard.press('ArrowRight');
    await expect(figure(page).locator('.react-flow__node').first(), at).toBeVisible();
    await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible();
    await expect(nav.counter).toHaveText('Step 1 of 4');
    await expect(card).toHaveCount(0);
    expect(await wholeOnScreen(page, figure(page)), at).toBe(true);

    // → : the next step's card; ← : back to the previous step's diagram, then its card.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('region', { name: CLIENT_CREDENTIALS[1] })).toBeVisible({ timeout: 60_000 });
    await expect(figure(page)).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(figure(page)).toBeVisible();
    await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(card).toBeVisible();
    await expect(nav.counter).toHaveText('Step 1 of 4');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), at).toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  }
});

test('one part per screen, the hand-off: its diagram does not leave focus on the body, and ← brings back the action', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await page.goto('/flows/authorization-code?present=1');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  const go = page.getByRole('button', { name: 'Go to the authorization server' });
  // Card, diagram, card, diagram… up to the hand-off's card: its action has focus.
  while (!(await go.isVisible())) {
    await expect(player.next).toBeEnabled({ timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
  }
  await expect(go).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(figure(page)).toBeVisible();
  await expect(go).toHaveCount(0);
  // The action went with the card: focus is on the step's heading, not lost to the body.
  await expect(page.locator('#step-title')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(go).toBeFocused();
});

test('auto-play, one part per screen: each step’s card then its diagram, to the whole run’s diagram at the end', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  const nav = new PlayerNavigation(page);
  await page.goto('/flows/client-credentials?present=1');
  await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible({ timeout: 60_000 });
  await nav.speed.selectOption('fast');
  await nav.autoPlay.click();
  await expect(nav.status).toContainText('Auto-play: this step’s diagram in 2 s.');
  await expect(figure(page)).toBeVisible({ timeout: 10_000 });
  await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible();
  await expect(player.heading(CLIENT_CREDENTIALS[3])).toBeVisible({ timeout: 60_000 });
  // The last step's card, then its diagram (the whole run), and auto-play ends there.
  await expect(figure(page)).toBeVisible({ timeout: 10_000 });
  await expect(nav.status).toContainText('Auto-play: the run has ended.');
  await expect(nav.counter).toHaveText('Step 4 of 4');
});

test('a link to a step the run cannot reach by itself says where it holds; a step that is no number leaves the URL', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await page.goto('/flows/authorization-code?step=7&present=1');
  // Step 4 needs the learner (the sign-in at the AS): the run stops there, and says so.
  await expect(player.heading('The browser goes to the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('toolbar', { name: 'Flow controls' }).getByRole('status')).toHaveText(
    'The link asks for step 7; the run holds at step 4 until you act on it.',
  );
  for (const junk of ['0', 'abc', '-2', '1e3']) {
    await page.goto(`/flows/client-credentials?step=${junk}`);
    await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible({ timeout: 60_000 });
    await expect(page, junk).not.toHaveURL(/step=/);
  }
});

test('auto-play at the fast speed says its delay, plays a flow to its end, and the speed is a choice', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  const nav = new PlayerNavigation(page);
  await player.open('client-credentials');
  await expect(player.heading(CLIENT_CREDENTIALS[0])).toBeVisible({ timeout: 60_000 });
  await expect(nav.speed.locator('option')).toHaveText(['Slow (8 s per step)', 'Normal (4 s per step)', 'Fast (2 s per step)']);
  await nav.speed.selectOption('fast');
  await nav.autoPlay.click();
  await expect(nav.autoPlay).toHaveAttribute('aria-pressed', 'true');
  await expect(nav.status).toContainText('Auto-play: next step in 2 s.');
  await expect(player.heading(CLIENT_CREDENTIALS[3])).toBeVisible({ timeout: 60_000 });
  await expect(nav.status).toContainText('Auto-play: the run has ended.');
});

test('auto-play holds at the sign-in hand-off, and goes on by itself after the trip to the AS', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  const nav = new PlayerNavigation(page);
  await player.open('authorization-code');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await nav.speed.selectOption('fast');
  await nav.autoPlay.click();
  await expect(player.heading('The browser goes to the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(nav.status).toContainText('Auto-play paused: this step needs you.');
  await player.goToAuthorizationServer();
  await new AsSignInPage(page).signInWithFillButton('alice');
  await new AsConsentPage(page).decide('Allow');
  await expect(player.heading('The redirect comes back to the client')).toBeVisible({ timeout: 60_000 });
  await expect(nav.autoPlay).toHaveAttribute('aria-pressed', 'true');
  await expect(player.heading('Done')).toBeVisible({ timeout: 60_000 });
  await expect(nav.counter).toHaveText('Step 11 of 11');
});

test('the export: from the step list mid-run, and at the end a Mermaid text and a HAR with one entry per exchange', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const player = new FlowPlayerPage(page);
  await player.open('client-credentials');
  await player.stepThrough(CLIENT_CREDENTIALS.slice(0, 1));
  const toggle = page.getByRole('button', { name: 'Export this run…' });
  await toggle.click();
  await expect(page.getByLabel('Mermaid sequence diagram')).toContainText('GET /as/demo/.well-known/openid-configuration');
  await page.getByRole('button', { name: 'Hide the export' }).click();

  await player.stepThrough(CLIENT_CREDENTIALS.slice(1, 3));
  await expect(player.heading(CLIENT_CREDENTIALS[3])).toBeVisible();
  const region = page.getByRole('region', { name: 'Export this run' });
  const text = await region.getByLabel('Mermaid sequence diagram').inputValue();
  expect(text).toMatch(/^sequenceDiagram\n {2}title Flowlab: Client credentials\n/);
  expect(text).toContain('participant AuthServer as Authorization Server');
  const arrows = text.split('\n').filter((l) => /^ {2}\w+->>\w+: /.test(l));
  expect(arrows.length).toBeGreaterThanOrEqual(3);

  await region.getByRole('button', { name: 'Copy Mermaid text' }).click();
  await expect(region.getByRole('status')).toHaveText('Mermaid text copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  const [mmd] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Download Mermaid (.mmd)' }).click()]);
  expect(mmd.suggestedFilename()).toBe('flowlab-client-credentials.mmd');
  expect(await readFile((await mmd.path())!, 'utf8')).toBe(text);

  const [file] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Download HAR' }).click()]);
  expect(file.suggestedFilename()).toBe('flowlab-client-credentials.har');
  const har = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    log: { version: string; entries: Array<{ request: { method: string; url: string }; response: { status: number } }> };
  };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries).toHaveLength(arrows.length);
  expect(har.log.entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toEqual(
    expect.arrayContaining(['GET /as/demo/.well-known/openid-configuration', 'POST /as/demo/token', 'GET /rs/demo/photos']),
  );
  expect(har.log.entries.every((e) => e.response.status === 200)).toBe(true);
  await expectNoAxeViolations(page);
});

test('an attack lists its steps from the start and exports its run with Mallory in it', async ({ page }) => {
  const lab = new AttackPage(page);
  const nav = new PlayerNavigation(page);
  await lab.openAttack('alg-none', '?server=vulnerable');
  await expect(page.getByRole('heading', { name: 'Mallory gets a real token of her own' })).toBeVisible({ timeout: 60_000 });
  await expect(nav.counter).toHaveText('Step 1 of 4');
  expect(await nav.listed()).toHaveLength(4);
  expect(await lab.playToOutcome()).toMatch(/^Attack succeeded/);
  await expect(nav.counter).toHaveText('Step 4 of 4');
  const text = await page.getByRole('region', { name: 'Export this run' }).getByLabel('Mermaid sequence diagram').inputValue();
  expect(text).toContain('Mallory->>ResourceServer: GET /rs/');
});
