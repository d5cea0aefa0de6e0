import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './pages/no-sideways-scroll';
import { AsConsentPage } from './pages/as-consent';
import { AsSignInPage } from './pages/as-sign-in';
import { FlowPlayerPage } from './pages/flow-player';
import { expectNoAxeViolationsInBothThemes } from './pages/theme';
import { ATTACKS } from '../components/attack-lab/attack-registry';

// Issue #12 "Phones and small screens": no page scrolls sideways on a phone; wide content (JSON,
// tokens, tables, HTTP) scrolls inside its own box. Each page is opened once, at 390 px: a flow is
// walked step by step there with the width checked on every step (an attack's steps are checked by its own spec,
// which plays one side of it at 390 px); then the same page is resized to 320 and to 1400 px and checked again. axe runs at 390 px in the light and in the dark
// theme (contrast does not change with the width; every other spec runs axe at 1400 px, and
// theme.spec.ts runs it dark at 1400 px on a flow step and the debugger). One load per page, not one
// per width, keeps the spec to a few minutes in CI.
test.slow();
// Each test opens its own page and changes nothing on the servers (the flows and attacks make their own sign-ins and
// lab realms): the pages spread over both workers instead of one worker walking all 29 while the other idles at the end.
test.describe.configure({ mode: 'parallel' });

/** A signed HS256 token with long values and time claims: the debugger's widest content. */
function sampleToken(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: 'a-rather-long-key-identifier-without-any-spaces-0123456789' });
  const body = b64({
    iss: 'http://localhost:3000/as/demo',
    sub: 'alice',
    aud: 'http://localhost:3000/rs/demo',
    iat: now,
    nbf: now,
    exp: now + 600,
    scope: 'openid profile email offline_access photos:read photos:write',
    jti: 'x'.repeat(64),
  });
  const sig = createHmac('sha256', 'your-256-bit-secret').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

type Check = (where: string) => Promise<void>;

/**
 * Presses Next through a flow, checking the width on every settled step, until the flow ends or no
 * step can go on by itself (`max` bounds it). `onStep` may act on a step (sign in, approve).
 */
async function walkFlow(page: Page, check: Check, max: number, onStep?: (title: string) => Promise<void>): Promise<void> {
  const player = new FlowPlayerPage(page);
  const title = page.locator('#step-title');
  for (let i = 0; i < max; i++) {
    await expect(title).toBeVisible({ timeout: 60_000 });
    const now = (await title.textContent()) ?? '';
    await onStep?.(now);
    await expect(page.getByText('Waiting for the server…')).toHaveCount(0, { timeout: 30_000 });
    await check(`step ${i + 1} "${now}"`);
    if (await page.getByText('The flow has ended.').isVisible()) return;
    if (!(await player.next.isEnabled())) return;
    await player.next.click();
    await expect(title).not.toHaveText(now, { timeout: 30_000 });
  }
}

/** The AS's own pages: signs in as alice and allows (they are checked for width on the way). */
async function signInAndAllow(page: Page, check: Check): Promise<void> {
  await new FlowPlayerPage(page).goToAuthorizationServer();
  await expect(page.getByLabel('Username')).toBeVisible();
  await check('AS login page');
  await new AsSignInPage(page).signIn();
  await expect(page.getByRole('button', { name: 'Allow' })).toBeVisible();
  await check('AS consent page');
  await new AsConsentPage(page).decide('Allow');
}

interface PageCase {
  name: string;
  /** Opens the page and brings it to the state worth measuring, checking the width along the way. */
  visit: (page: Page, check: Check) => Promise<void>;
  /** At 390 px only: walks the page's steps (a flow or an attack run) after the first load. */
  walk?: (page: Page, check: Check) => Promise<void>;
}

const simple = (path: string, heading?: string): PageCase => ({
  name: path,
  visit: async (page, check) => {
    const res = await page.goto(path);
    expect(res?.status()).toBeLessThan(path.startsWith('/no-such') ? 500 : 400);
    await expect(heading ? page.getByRole('heading', { level: 1, name: heading }) : page.getByRole('heading', { level: 1 })).toBeVisible();
    await check('on load');
  },
});

/** A flow or an attack page: opened on its first step; walked (at 390 px) with `walk`. */
const player = (path: string, walk: PageCase['walk']): PageCase => ({
  name: path,
  visit: async (page, check) => {
    await page.goto(path);
    await expect(page.locator('#step-title')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Waiting for the server…')).toHaveCount(0, { timeout: 30_000 });
    await check('first step');
  },
  walk,
});

/** Every page of the site. Add a page here and it is checked at every width. */
const PAGES: PageCase[] = [
  simple('/'),
  simple('/flows'),
  simple('/attacks'),
  simple('/learn'),
  simple('/learn/glossary'),
  simple('/no-such-page'),
  {
    name: '/jwt with a token',
    visit: async (page, check) => {
      await page.goto('/jwt');
      await page.getByRole('textbox', { name: 'Encoded token' }).fill(sampleToken());
      await expect(page.getByTestId('decoded')).toContainText('photos:write');
      await check('token decoded');
    },
  },
  player('/flows/authorization-code', async (page, check) => {
    await walkFlow(page, check, 4);
    await signInAndAllow(page, check);
    await walkFlow(page, check, 12);
  }),
  player('/flows/refresh-token', async (page, check) => {
    await walkFlow(page, check, 4);
    await signInAndAllow(page, check);
    await walkFlow(page, check, 6);
  }),
  player('/flows/client-credentials', (page, check) => walkFlow(page, check, 10)),
  player('/flows/device-code', async (page, check) => {
    let approved = false;
    await walkFlow(page, check, 10, async () => {
      const link = page.getByRole('link', { name: 'Open the verification page (second device)' });
      if (approved || !(await link.isVisible())) return;
      approved = true;
      const [phone] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await phone.getByRole('button', { name: 'Continue' }).click();
      await new AsSignInPage(phone).signIn();
      await new AsConsentPage(phone).decide('Allow');
      await expect(phone.getByText('You may return to your device')).toBeVisible();
      await phone.close();
      // The TV's next poll brings the tokens.
      await expect(page.getByRole('button', { name: 'Next →' })).toBeEnabled({ timeout: 30_000 });
    });
  }),
  // Every attack, on its first step. Its other steps are measured at 390 px where the attack is played: each attack
  // spec plays one side of it on a phone (AttackPage.onPhone(): every step, the AS's pages, the Outcome).
  ...ATTACKS.filter((a) => a.playable).map((a) => player(`/attacks/${a.slug}`, undefined)),
];

for (const p of PAGES) {
  test(`${p.name}: no sideways scroll at 390 px${p.walk ? ' on any step' : ''}, at 320 and at 1400 px; axe clean in both themes at 390 px`, async ({
    page,
  }) => {
    const at =
      (width: number): Check =>
      (where) =>
        expectNoSidewaysScroll(page, `${p.name} at ${width} px, ${where}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await p.visit(page, at(390));
    if (p.walk) await p.walk(page, at(390));
    await expectNoAxeViolationsInBothThemes(page);
    // The dark theme must not widen anything either.
    await at(390)('after the theme checks');
    await page.setViewportSize({ width: 320, height: 640 });
    await at(320)('resized from 390 px');
    await page.setViewportSize({ width: 1400, height: 900 });
    await at(1400)('resized from 320 px');
  });
}
