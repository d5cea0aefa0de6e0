// npm run bench flows — the flow player in a production build (dist dir .next-benchflows):
//   first-load JavaScript of every flow page (each script the browser loads, gzip-compressed here);
//   and the time from a "Next" click to the next step's card rendered, measured in the page with the
//   player's performance marks (flowlab:next → flowlab:step-shown: React commit of the new step, before
//   the step's own request is answered, so the server's time is excluded).
// Budgets (issue #4): first-load JS ≤ 280 KB gzip per flow page; Next → step ≤ 100 ms.
// BENCH_SKIP_BUILD=1 reuses an existing .next-benchflows build. The server is started here and stopped by PID.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { firstLoadJs } from './servers-lib/first-load-js.mjs';
import { buildAndStartApp, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 3297;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = '.next-benchflows';
const BUDGET_JS_KB = 280;
const BUDGET_STEP_MS = 100;
const FLOWS = ['authorization-code', 'client-credentials', 'device-code', 'refresh-token'];
const STEP_RUNS = 7;
stopAllOnExit();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function pageJs(browser, slug) {
  const page = await browser.newPage();
  const js = await firstLoadJs(page, `${BASE}/flows/${slug}`);
  await page.close();
  return js;
}

/** Clicks Next on the first step (once its request is answered) and reads the marks; repeated from a fresh run. */
async function nextToStep(page, slug) {
  const samples = [];
  for (let run = 0; run < STEP_RUNS; run++) {
    await page.goto(`${BASE}/flows/${slug}`);
    const next = page.getByRole('button', { name: 'Next →' });
    // The player restores the previous run from sessionStorage: start a fresh one.
    await page.getByRole('button', { name: 'Reset' }).click();
    await next.waitFor();
    await page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.includes('Next →'));
        return b && !b.disabled;
      },
      null,
      { timeout: 30_000 },
    );
    await page.evaluate(() => performance.clearMarks());
    await next.click();
    await page.waitForFunction(
      () => performance.getEntriesByName('flowlab:step-shown').length + performance.getEntriesByName('flowlab:step-settled').length > 0,
      null,
      { timeout: 30_000 },
    );
    samples.push(
      await page.evaluate(() => {
        const shown = performance.getEntriesByName('flowlab:step-shown')[0] ?? performance.getEntriesByName('flowlab:step-settled')[0];
        return shown.startTime - performance.getEntriesByName('flowlab:next')[0].startTime;
      }),
    );
  }
  return samples;
}

async function main() {
  const server = await buildAndStartApp(root, DIST, PORT, { FLOWLAB_ORIGIN: BASE });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await waitForUrl(`${BASE}/flows`, 60_000, server);
    const jsRows = [];
    for (const slug of FLOWS) {
      const js = await pageJs(browser, slug);
      const kb = js.gzip / 1024;
      jsRows.push({
        page: `/flows/${slug}`,
        files: js.files,
        'raw KB': +(js.raw / 1024).toFixed(1),
        'gzip KB': +kb.toFixed(1),
        budget: kb <= BUDGET_JS_KB ? 'OK' : 'OVER',
      });
    }
    console.log(`\nFirst-load JS per flow page (budget ≤ ${BUDGET_JS_KB} KB gzip):`);
    console.table(jsRows);

    const page = await browser.newPage();
    const stepRows = [];
    for (const slug of FLOWS) {
      const samples = await nextToStep(page, slug);
      const m = median(samples);
      stepRows.push({
        flow: slug,
        runs: samples.length,
        'median ms': +m.toFixed(1),
        'max ms': +Math.max(...samples).toFixed(1),
        budget: m <= BUDGET_STEP_MS ? 'OK' : 'OVER',
      });
    }
    console.log(`\nNext click → next step rendered, step 1 → 2, server time excluded (budget ≤ ${BUDGET_STEP_MS} ms):`);
    console.table(stepRows);
  } finally {
    await browser.close();
    await stopProcess(server);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
