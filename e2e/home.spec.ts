import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './pages/axe';

test('the home page has three doors by intent, a picture of a flow, and no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OAuth');
  const doors = [
    ['Learn how OAuth works', 'Start learning', '/learn'],
    ['Debug a token', 'Open the JWT debugger', '/jwt'],
    ['Run a workshop', 'Open the attack lab', '/attacks'],
  ] as const;
  for (const [intent, cta, href] of doors) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: intent }) });
    await expect(card.getByRole('link', { name: cta })).toHaveAttribute('href', href);
  }
  await expect(page.getByText('Coming soon')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /^Authorization code with PKCE/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Flows', 'JWT debugger', 'Attack lab']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('links prefetch a page on intent (hover, focus), not on sight, and navigate without a reload', async ({ page }) => {
  const prefetched: string[] = [];
  page.on('request', (r) => {
    if (r.headers()['next-router-prefetch']) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto('/attacks/alg-none');
  // Every nav link and the logo are on screen: none of their pages is fetched while this one starts.
  await expect(page.getByRole('group', { name: 'Server' })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await page.evaluate(() => Object.assign(window, { flowlabSamePage: true }));
  await nav.getByRole('link', { name: 'JWT debugger' }).hover();
  await expect.poll(() => prefetched).toContain('/jwt');
  await nav.getByRole('link', { name: 'Learn' }).focus();
  await expect.poll(() => prefetched).toContain('/learn');
  await nav.getByRole('link', { name: 'JWT debugger' }).click();
  await expect(page).toHaveURL(/\/jwt$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { flowlabSamePage?: boolean }).flowlabSamePage)).toBe(true);
});

test('a skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/jwt');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation folds into a Menu button that discloses it, by keyboard', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'JWT debugger' })).toBeHidden();
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'JWT debugger' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    // Following a link closes the menu on the new page, which marks its section as current.
    await menu.click();
    await nav.getByRole('link', { name: 'Flows' }).click();
    await expect(page).toHaveURL(/\/flows$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(nav.getByRole('link', { name: 'Flows' })).toHaveAttribute('aria-current', 'page');
  });
});

test('an unknown URL gets the branded 404 with the site navigation', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'JWT debugger' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Flows' })).toHaveAttribute('href', '/flows');
  await expectNoAxeViolations(page);
});

test('an unknown grant is the same 404', async ({ page }) => {
  const res = await page.goto('/flows/no-such-grant');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
});

test('the favicon is served, as an ICO and as an SVG icon', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toContain('image/');
  await page.goto('/');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain('<svg');
});
