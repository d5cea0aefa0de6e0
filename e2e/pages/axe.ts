import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** DESIGN.md: axe finds no violations on any page. `exclude`: a part checked elsewhere (a frame axe cannot script). */
export async function expectNoAxeViolations(page: Page, exclude?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  expect(results.violations).toEqual([]);
}
