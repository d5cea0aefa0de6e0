import { expect, test, type Page } from '@playwright/test';
import { FlowPlayerPage } from './pages/flow-player';

// The diagram animates the current step's exchange (a running dash) unless the user asks for reduced motion
// (app/globals.css). The other specs run with reduced motion (playwright.config.ts): this one checks both sides.

/** The dash animations running on the diagram's edges. */
const runningDashes = (page: Page) =>
  page.evaluate(
    () =>
      document.getAnimations().filter((a) => a instanceof CSSAnimation && a.animationName === 'dashdraw' && a.playState === 'running')
        .length,
  );

test.use({ reducedMotion: 'no-preference' });

test('the current exchange of the diagram animates, and stands still under prefers-reduced-motion', async ({ page }) => {
  const player = new FlowPlayerPage(page);
  await player.open('authorization-code');
  await expect(player.heading('Discover the authorization server')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.react-flow__edge.animated')).toHaveCount(1);
  await expect.poll(() => runningDashes(page)).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(() => runningDashes(page)).toBe(0);
  // The exchange is still marked current: only the motion stops.
  await expect(page.locator('.react-flow__edge.animated')).toHaveCount(1);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(() => runningDashes(page)).toBeGreaterThan(0);
});
