import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Whether a frame's document has the page's origin (about:blank and srcdoc frames inherit it; data: ones do not). */
function sameOrigin(url: string, origin: string): boolean {
  if (url === '' || url === 'about:blank' || url === 'about:srcdoc') return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * DESIGN.md: axe finds no violations on any page.
 *
 * axe runs in the page (axe.run, AxeBuilder's legacy mode): by default AxeBuilder also opens a blank tab for every
 * check, loads axe's source into it a second time and aggregates there (axe.finishRun), which made each of the
 * suite's ~70 checks two to three times as long for the same rules, passes and violations (the refresh-replay
 * attack page on a loaded 2-core machine: 13.6 s -> 4.6 s). axe.run covers same-origin frames only, so a page with
 * a frame from elsewhere is still checked the default way, which covers every frame.
 * `exclude`: a part checked elsewhere (a frame axe cannot script).
 */
export async function expectNoAxeViolations(page: Page, exclude?: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  const all = new AxeBuilder({ page });
  const builder = exclude ? all.exclude(exclude) : all;
  const inPage = page.frames().every((frame) => sameOrigin(frame.url(), origin));
  const results = await (inPage ? builder.setLegacyMode() : builder).analyze();
  expect(results.violations).toEqual([]);
}
