// bench flows: first-load JS of a flow page (budget 280 KB gzip) and Next-click → step rendered
// (budget 100 ms, server time excluded), measured in the page with performance marks.
// BENCH_FLOWS_URL=http://host:port reuses a running app (use `next start` for production figures);
// otherwise `next dev` is started on port 3295 with dist dir .next-benchflows (dev JS is not minified: indicative only).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from '../find-chromium.mjs';

const external = process.env.BENCH_FLOWS_URL;
const base = external ?? 'http://localhost:3295';
let server;
if (!external) {
  server = spawn('./node_modules/.bin/next', ['dev', '-p', '3295'], { env: { ...process.env, NEXT_DIST_DIR: '.next-benchflows' }, stdio: 'ignore' });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
}
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let jsBytes = 0;
  const js = new Set();
  cdp.on('Network.responseReceived', (e) => { if (e.response.mimeType.includes('javascript')) js.add(e.requestId); });
  cdp.on('Network.loadingFinished', (e) => { if (js.has(e.requestId)) jsBytes += e.encodedDataLength; });
  await page.goto(`${base}/flows/client-credentials`, { waitUntil: 'networkidle', timeout: 180_000 });
  await page.goto(`${base}/flows/client-credentials`, { waitUntil: 'networkidle' });
  jsBytes = 0; js.clear();
  await page.reload({ waitUntil: 'networkidle' });
  console.log(`first-load JS /flows/client-credentials: ${(jsBytes / 1024).toFixed(1)} KB transferred (budget 280 KB gzip)`);
  const next = page.getByRole('button', { name: 'Next →' });
  const samples = [];
  for (let run = 0; run < 5; run++) {
    await page.getByRole('button', { name: 'Reset' }).click();
    await next.waitFor();
    await page.waitForFunction(() => !document.querySelector('[role=status]')?.textContent?.includes('Waiting'));
    await page.evaluate(() => performance.clearMarks());
    await next.click();
    await page.waitForFunction(() => performance.getEntriesByName('flowlab:step-shown').length > 0, null, { timeout: 10_000 });
    samples.push(await page.evaluate(() => performance.getEntriesByName('flowlab:step-shown')[0].startTime - performance.getEntriesByName('flowlab:next')[0].startTime));
  }
  samples.sort((a, b) => a - b);
  console.log(`Next click → step rendered (no server time): median ${samples[2].toFixed(1)} ms, max ${samples[4].toFixed(1)} ms over 5 (budget 100 ms)`);
} finally {
  await browser.close();
  server?.kill();
}
