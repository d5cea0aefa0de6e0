import { expect, type Page } from '@playwright/test';

/** Asserts the page is no wider than the viewport; on failure names the elements that stick out. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const r = await page.evaluate(() => {
    const vw = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const offenders: string[] = [];
    if (scrollWidth > vw) {
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= vw + 0.5) continue;
        // Inside a box that scrolls or clips by itself: that box is the one to report.
        let p = el.parentElement;
        let clipped = false;
        for (; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') clipped = true;
        if (!clipped && offenders.length < 8)
          offenders.push(
            `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(box.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
          );
      }
    }
    return { scrollWidth, vw, offenders };
  });
  // Soft: one run reports every step that overflows, not only the first.
  expect
    .soft(r.scrollWidth, `${where}: the page is ${r.scrollWidth} px wide in a ${r.vw} px window; sticking out: ${r.offenders.join(' · ')}`)
    .toBeLessThanOrEqual(r.vw);
}
