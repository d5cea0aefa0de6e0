import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/** Switches the OS colour scheme; the page follows it (the default theme is "system"), the AS's own pages too. */
export async function emulateSystemScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

/** Issue #12: axe clean in the light and in the dark theme; leaves the page light. */
export async function expectNoAxeViolationsInBothThemes(page: Page): Promise<void> {
  await emulateSystemScheme(page, 'light');
  await expectNoAxeViolations(page);
  await emulateSystemScheme(page, 'dark');
  await expectNoAxeViolations(page);
  await emulateSystemScheme(page, 'light');
}
