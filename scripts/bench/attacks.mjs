// npm run bench attacks — the attack lab in a production build (dist dir .next-benchattacks):
// - page weight: every script an attack page requests on a cold visit, until its first step has
//   its answer (Playwright network events, each body gzip-compressed, summed). Budget (issue #8):
//   ≤ 300 KB gzip per attack page.
// - time to a playable lab: page load → the first step's answer (the lab realm is made with
//   POST /api/realms on first use and reused for the tab), and a whole run to its Outcome.
// BENCH_SKIP_BUILD=1 reuses an existing .next-benchattacks build. The server is started here and stopped by PID.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { pageScripts } from './servers-lib/page-scripts.mjs';
import { buildAndStartApp, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 3297;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = '.next-benchattacks';
const BUDGET_JS_KB = 300;
stopAllOnExit();

/** The playable attacks, read from the built index page (its links), so a new attack is measured without editing this file. */
async function playable(page) {
  await page.goto(`${BASE}/attacks`);
  return page.$$eval('a[href^="/attacks/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
}

async function main() {
  const server = await buildAndStartApp(root, DIST, PORT);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let over = 0;
  try {
    await waitForUrl(`${BASE}/attacks`, 60_000, server);
    const paths = await playable(await browser.newPage());
    const rows = [];
    for (const path of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = Date.now();
      const next = page.getByRole('button', { name: 'Next →' });
      let firstStep = 0;
      const js = await pageScripts(page, `${BASE}${path}`, 1500, async () => {
        await next.waitFor();
        firstStep = Date.now() - t0;
      });
      const t1 = Date.now();
      for (let i = 0; i < 20 && !(await page.getByRole('region', { name: 'Outcome' }).isVisible()); i++) {
        // A step that waits for the learner (a sign-in on the AS, a password form) never enables Next by itself.
        const ready = await page
          .waitForFunction(
            () => {
              const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.includes('Next →'));
              return document.querySelector('[aria-label="Outcome"]') || (b && !b.disabled);
            },
            undefined,
            { timeout: 20_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (!ready) break;
        if (await page.getByRole('region', { name: 'Outcome' }).isVisible()) break;
        // Attacks that wait for the learner (a sign-in, a crack) are measured up to that step only.
        if ((await next.isDisabled()) || (await page.getByRole('button', { name: /Go to|Crack|Sign in/ }).count())) break;
        await next.click();
      }
      const outcome = (await page.getByRole('region', { name: 'Outcome' }).isVisible()) ? `${Date.now() - t1} ms` : 'needs the learner';
      const kb = js.gzip / 1024;
      if (kb > BUDGET_JS_KB) over++;
      rows.push({
        page: path,
        scripts: js.files.length,
        'KB gzip': +kb.toFixed(1),
        budget: kb <= BUDGET_JS_KB ? 'OK' : 'OVER',
        'load → first step (ms)': firstStep,
        'steps → Outcome': outcome,
      });
      await context.close();
    }
    console.log(
      `\nAttack pages: scripts requested on a cold visit up to the first step, gzip, prefetched routes not counted (budget ≤ ${BUDGET_JS_KB} KB each)`,
    );
    console.table(rows);
  } finally {
    await browser.close();
    stopProcess(server);
  }
  if (over) process.exitCode = 1;
}

await main();
