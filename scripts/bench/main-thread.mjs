// npm run bench main-thread — what the Lighthouse pages (issue #12) cost the browser's main thread, in figures that a
// busy machine does not distort as much as Lighthouse's own: a production build (dist dir .next-benchmainthread), and
// for each page, the median of RUNS cold visits (a fresh browser context, 412×823 like Lighthouse's phone):
// - JS gzip: the scripts the page requests until it is idle (a route prefetched on hover or focus not counted,
//   servers-lib/page-scripts.mjs); "in HTML" is the part named by the server's HTML, needed to hydrate.
// - main-thread CPU: the renderer main thread's tasks (Chrome trace `RunTask`) over the load and 5 s after, in
//   *thread* time (`tdur`): time the thread was not running, because another process had the core, is not counted.
// - longest task, and a TBT estimate: each task's thread time × 4 (Lighthouse's mobile CPU slowdown) less 50 ms,
//   summed. Not Lighthouse's TBT (that one simulates from wall-clock times): a figure to compare builds on a
//   shared machine, where the Lighthouse score of the same build varies by ±15 points from run to run.
// BENCH_PAGES=/jwt,/learn measures only those pages; BENCH_PORT picks the server's port.
// BENCH_SKIP_BUILD=1 reuses the build in BENCH_DIST (default .next-benchmainthread). The server is stopped by PID.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { pageScripts } from './servers-lib/page-scripts.mjs';
import { buildAndStartApp, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PORT = Number(process.env.BENCH_PORT || 3299);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = process.env.BENCH_DIST || '.next-benchmainthread';
const RUNS = Number(process.env.MAIN_THREAD_RUNS || 3);
const PAGES = process.env.BENCH_PAGES
  ? process.env.BENCH_PAGES.split(',')
  : ['/', '/jwt', '/flows/authorization-code', '/learn', '/attacks/alg-none'];
const SLOWDOWN = 4;
const LONG_TASK_MS = 50;
stopAllOnExit();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold visit's main-thread tasks, from a Chrome trace. */
async function traceVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(5000);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  // The page's renderer: the process whose main thread committed the navigation.
  const commit = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url?.startsWith(url));
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.tdur && commit && e.pid === commit.pid && e.tid === commit.tid,
  );
  const ms = tasks.map((t) => t.tdur / 1000);
  return {
    cpu: ms.reduce((a, b) => a + b, 0),
    longest: Math.max(0, ...ms),
    tbt: ms.reduce((a, t) => a + Math.max(0, t * SLOWDOWN - LONG_TASK_MS), 0),
  };
}

/** The scripts named by the server's HTML (what hydration needs), gzip KB. */
async function htmlScriptsKb(all) {
  const html = await (await fetch(`${all.url}`)).text();
  const named = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"(?![^>]*noModule)/gi)].map((m) => new URL(m[1], BASE).href));
  return all.files.filter((f) => named.has(f.url)).reduce((n, f) => n + f.gzip, 0) / 1024;
}

async function main() {
  const server = await buildAndStartApp(root, DIST, PORT);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await waitForUrl(`${BASE}/`, 60_000, server);
    console.log(`${RUNS} cold visits per page, median; TBT estimate = Σ max(0, ${SLOWDOWN} × task thread time − ${LONG_TASK_MS} ms)`);
    console.log('page'.padEnd(28), 'JS gzip KB', 'in HTML', 'main-thread CPU ms', 'longest task ms', 'TBT estimate ms');
    for (const path of PAGES) {
      const context = await browser.newContext();
      const scripts = await pageScripts(await context.newPage(), `${BASE}${path}`);
      const inHtml = await htmlScriptsKb({ url: `${BASE}${path}`, files: scripts.files });
      await context.close();
      const visits = [];
      for (let i = 0; i < RUNS; i++) visits.push(await traceVisit(browser, `${BASE}${path}`));
      const m = (k) => Math.round(median(visits.map((v) => v[k])));
      console.log(
        path.padEnd(28),
        (scripts.gzip / 1024).toFixed(1).padStart(10),
        inHtml.toFixed(1).padStart(7),
        String(m('cpu')).padStart(18),
        String(m('longest')).padStart(15),
        String(m('tbt')).padStart(15),
        `  (TBT estimate per visit: ${visits.map((v) => Math.round(v.tbt)).join(', ')})`,
      );
    }
  } finally {
    await browser.close();
    await stopProcess(server);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
