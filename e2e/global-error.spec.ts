import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test, type Page } from '@playwright/test';
import { GlobalErrorDocument } from '../components/ui/global-error-document';
import { expectNoAxeViolations } from './pages/axe';
import { expectNoSidewaysScroll } from './pages/no-sideways-scroll';
import { darkAtBody, recordThemeAtBody } from './pages/theme';

// Issue #12: the page shown when the root layout fails (app/global-error.tsx) is Flowlab's, in either theme, with the way back.
// Next draws it only when the root layout itself throws, and no route of the app can be made to do that (none should, in
// production). So the browser is served the component's own markup, with the site's stylesheet, at a URL only this test's
// page.route() answers: nothing on the server renders or throws it, in the demo realm or any other.
const AT = '/__e2e-global-error';

async function openGlobalError(page: Page): Promise<void> {
  await page.goto('/');
  const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(sheets.length).toBeGreaterThan(0);
  const links = sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  const html = `<!DOCTYPE html>${renderToStaticMarkup(createElement(GlobalErrorDocument, { digest: 'e2e-digest', reset: () => {} })).replace('</head>', `${links}</head>`)}`;
  await page.route(`**${AT}`, (route) => route.fulfill({ status: 500, contentType: 'text/html;charset=utf-8', body: html }));
  await page.goto(AT);
  await expect(page.getByRole('heading', { level: 1, name: 'Flowlab could not load' })).toBeVisible();
}

const bodyBg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the global error page: themed before first paint (system or stored choice), axe clean in both themes, the way back', async ({
  page,
}) => {
  await recordThemeAtBody(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await openGlobalError(page);
  expect(await darkAtBody(page)).toBe(false);
  const lightBg = await bodyBg(page);
  await expectNoAxeViolations(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Learn', 'Flows', 'JWT debugger', 'Attack lab']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Flowlab' })).toHaveAttribute('href', '/');
  await expect(page.getByText('e2e-digest')).toBeVisible();
  for (const [width, height] of [
    [390, 844],
    [853, 480],
  ]) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page, `the global error page at ${width} px`);
  }

  // A dark system: dark before the body is drawn, and readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  expect(await darkAtBody(page)).toBe(true);
  expect(await bodyBg(page)).not.toBe(lightBg);
  await expectNoAxeViolations(page);

  // The learner's stored choice wins over the system, as on every other page.
  await page.evaluate(() => localStorage.setItem('flowlab:theme', 'light'));
  await page.reload();
  expect(await darkAtBody(page)).toBe(false);
  // Keyboard: the skip link first, then home.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Flowlab' })).toBeFocused();
});
