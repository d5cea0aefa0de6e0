import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './pages/axe';
import { AttackPage } from './pages/attack-lab';
import { FlowPlayerPage } from './pages/flow-player';
import { darkAtBody, recordThemeAtBody } from './pages/theme';

// Issue #12: dark mode that follows prefers-color-scheme, a system / light / dark choice in the header
// that is remembered and applied before first paint, AA contrast in both; and a diagram legible at 1400 px.

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Colour theme' });
const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'));

test.describe('theme', () => {
  test('follows the system by default, also when the system switches while the page is open', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await recordThemeAtBody(page);
    await page.goto('/');
    expect(await darkAtBody(page)).toBe(true);
    await expect(themeSelect(page)).toHaveValue('system');
    const bodyBg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await bodyBg();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => isDark(page)).toBe(false);
    expect(await bodyBg()).not.toBe(darkBg);
  });

  test('a chosen theme wins over the system, is remembered, and is there before first paint', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await recordThemeAtBody(page);
    await page.goto('/jwt');
    await themeSelect(page).selectOption('dark');
    expect(await isDark(page)).toBe(true);
    await page.reload();
    expect(await darkAtBody(page)).toBe(true);
    await expect(themeSelect(page)).toHaveValue('dark');

    // Light on a dark system, on another page (a full load).
    await page.emulateMedia({ colorScheme: 'dark' });
    await themeSelect(page).selectOption('light');
    await page.goto('/learn');
    expect(await darkAtBody(page)).toBe(false);
    await expect(themeSelect(page)).toHaveValue('light');

    // Back to the system's choice: nothing is stored.
    await themeSelect(page).selectOption('system');
    expect(await isDark(page)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('flowlab:theme'))).toBeNull();
  });

  test('a hand-edited stored theme reads as system', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('flowlab:theme', '"><img src=x>'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(themeSelect(page)).toHaveValue('system');
    expect(await isDark(page)).toBe(true);
  });

  test('dark: AA contrast on a flow step with the diagram, raw HTTP and inspector, and in the debugger', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const flow = new FlowPlayerPage(page);
    await flow.open('client-credentials');
    await flow.stepThrough(['Discover the authorization server']);
    await expect(page.getByRole('heading', { name: 'Live inspector: tokens so far' })).toBeVisible();
    await expect(flow.next).toBeEnabled({ timeout: 30_000 });
    await flow.next.click();
    await expect(page.getByText('Waiting for the server…')).toHaveCount(0, { timeout: 30_000 });
    expect(await isDark(page)).toBe(true);
    await expectNoAxeViolations(page);
  });
});

/** Size on screen of the text in `el`: its CSS font size times the scale the diagram is drawn at. */
async function renderedSizes(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const h = el as HTMLElement;
      const scale = h.getBoundingClientRect().width / h.offsetWidth;
      return parseFloat(getComputedStyle(h).fontSize) * scale;
    }),
  );
}

/** Pairs of (label, node) boxes that overlap, by the label's text. */
async function labelsOnNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = (sel: string) =>
      [...document.querySelectorAll(sel)].map((e) => ({ text: (e.textContent ?? '').slice(0, 40), r: e.getBoundingClientRect() }));
    const nodes = boxes('.react-flow__node');
    return boxes('[data-testid="edge-label"]').flatMap((l) =>
      nodes
        .filter((n) => l.r.left < n.r.right && l.r.right > n.r.left && l.r.top < n.r.bottom && l.r.bottom > n.r.top)
        .map((n) => `"${l.text}" on "${n.text}"`),
    );
  });
}

/** Edge ends (on screen) farther than 6 px from every node's box: an arrow that stops short of a party or starts off one. */
async function looseEdgeEnds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const near = (x: number, y: number) => nodes.some((r) => x >= r.left - 6 && x <= r.right + 6 && y >= r.top - 6 && y <= r.bottom + 6);
    return [...document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')].flatMap((path) => {
      const m = path.getScreenCTM();
      if (!m) return [];
      return [0, path.getTotalLength()]
        .map((at) => new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(m))
        .filter((p) => !near(p.x, p.y))
        .map((p) => `${path.closest('.react-flow__edge')?.getAttribute('data-id') ?? '?'} ends at ${Math.round(p.x)},${Math.round(p.y)}`);
    });
  });
}

/** Parties whose box reaches past the diagram's own box by more than a pixel: a picture fitted to stale node sizes. */
async function nodesOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!box) return ['no diagram'];
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].flatMap((n) => {
      const r = n.getBoundingClientRect();
      const out = r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1;
      return out
        ? [
            `${n.innerText.split('\n')[0]} at ${Math.round(r.top - box.top)}..${Math.round(r.bottom - box.top)} of ${Math.round(box.height)}`,
          ]
        : [];
    });
  });
}

test.describe('diagram at 1400 px', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('presenter mode on an attack: every party stays inside the picture as Mallory learns more (refit on measured sizes)', async ({
    page,
  }) => {
    const lab = new AttackPage(page);
    await lab.openAttack('alg-none', '?server=vulnerable&present=1');
    const title = page.locator('#step-title');
    for (let i = 0; i < 3; i++) {
      await expect(lab.next).toBeEnabled({ timeout: 60_000 });
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      // The fit follows the nodes' measuring, a frame or two after the step appears.
      await expect.poll(() => nodesOutside(page), { message: `step ${i + 1}`, timeout: 5_000 }).toEqual([]);
      const now = await title.textContent();
      await page.keyboard.press('ArrowRight');
      await expect(title).not.toHaveText(now ?? '', { timeout: 30_000 });
    }
  });

  test('presenter mode: every edge starts and ends on a party’s box (the diagram is not CSS-zoomed under React Flow)', async ({ page }) => {
    const flow = new FlowPlayerPage(page);
    await page.goto('/flows/client-credentials?present=1');
    const title = page.locator('#step-title');
    for (let i = 0; i < 3; i++) {
      await expect(flow.next).toBeEnabled({ timeout: 60_000 });
      const now = await title.textContent();
      await page.keyboard.press('ArrowRight');
      await expect(title).not.toHaveText(now ?? '', { timeout: 30_000 });
      await expect(page.getByText('Waiting for the server…')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.locator('.react-flow__edge').first()).toBeVisible();
      expect(await looseEdgeEnds(page), `step ${i + 2}`).toEqual([]);
    }
  });

  test('labels and subtitles ≥ 12 px on screen, no label on a node, no tab stop, and the end shows the whole run', async ({ page }) => {
    const flow = new FlowPlayerPage(page);
    await flow.open('client-credentials');
    const title = page.locator('#step-title');
    const figure = page.getByRole('figure', { name: 'Diagram: who talks to whom in this step' });
    for (let i = 0; i < 8; i++) {
      await expect(title).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText('Waiting for the server…')).toHaveCount(0, { timeout: 30_000 });
      const where = `step ${i + 1} "${await title.textContent()}"`;
      for (const size of [
        ...(await renderedSizes(page, '[data-testid="edge-label"]')),
        ...(await renderedSizes(page, '.react-flow__node div div')),
      ]) {
        expect(size, `${where}: text drawn at ${size.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
      }
      expect(await labelsOnNodes(page), where).toEqual([]);
      // A picture, not a control: nothing in it takes focus but React Flow's attribution link.
      const focusable = await figure
        .locator('[tabindex]:not([tabindex="-1"]), a[href], button')
        .evaluateAll((els) => els.filter((e) => !e.closest('.react-flow__attribution')).map((e) => e.outerHTML.slice(0, 80)));
      expect(focusable, where).toEqual([]);
      if (await page.getByText('The flow has ended.').isVisible()) break;
      await expect(flow.next).toBeEnabled({ timeout: 30_000 });
      const now = await title.textContent();
      await flow.next.click();
      await expect(title).not.toHaveText(now ?? '', { timeout: 30_000 });
    }
    await expect(page.getByText('The flow has ended.')).toBeVisible();
    // The end: every edge drawn has its exchanges written on it, and none is grey.
    const edges = await figure.locator('.react-flow__edge').count();
    expect(edges).toBeGreaterThanOrEqual(2);
    await expect(figure.getByTestId('edge-label')).toHaveCount(edges);
    await expect(figure.getByTestId('edge-label')).toContainText([/POST \/token/, /GET \/photos/]);
  });
});
