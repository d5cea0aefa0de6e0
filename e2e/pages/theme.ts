import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/** Switches the OS colour scheme; the page follows it (the default theme is "system"), the AS's own pages too. */
export async function emulateSystemScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

/** Issue #12: axe clean in the light and in the dark theme; leaves the page light. */
export async function expectNoAxeViolationsInBothThemes(page: Page, exclude?: string): Promise<void> {
  await emulateSystemScheme(page, 'light');
  await expectNoAxeViolations(page, exclude);
  await emulateSystemScheme(page, 'dark');
  await expectNoAxeViolations(page, exclude);
  await emulateSystemScheme(page, 'light');
}

/** Records, before any of the page's own scripts run, whether <html> was dark when <body> was created: before first paint. */
export async function recordThemeAtBody(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { darkAtBody: boolean }).darkAtBody = document.documentElement.classList.contains('dark');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}
/** What recordThemeAtBody() saw: was the page dark before first paint? */
export const darkAtBody = (page: Page) => page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody);
