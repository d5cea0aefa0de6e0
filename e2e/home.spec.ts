import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('the home page links to the three surfaces and has no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('OAuth');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Flows', 'JWT debugger', 'Attack lab']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
