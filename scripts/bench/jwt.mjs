// npm run bench jwt — the /jwt debugger in a production build (dist dir .next-benchjwt):
//   decode+render time from paste to rendered, for 1 KB, 16 KB and 1 MB tokens, measured inside the
//   page with performance.now() (input event → React commit of the decoded view; "frame" also waits
//   for the next animation frame), median of N runs each;
//   and the page's full script weight: every script /jwt requests on a cold visit (Playwright network
//   events), gzip-compressed here and summed; sign panel, JWE and key import load later with import().
// Budgets (issue #3): 16 KB rendered within 16 ms; /jwt scripts ≤ 180 KB gzip.
// BENCH_SKIP_BUILD=1 reuses an existing .next-benchjwt build. The server is started here and stopped by PID.
import { chromium } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { pageScripts } from './servers-lib/page-scripts.mjs';
import { buildAndStartApp, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 3296;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = '.next-benchjwt';
const BUDGET_16K_MS = 16;
const BUDGET_JS_KB = 180;
stopAllOnExit();

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** An HS256 token of about `bytes` characters; `variant` changes it so every paste renders anew. */
function token(bytes, variant) {
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const base = { sub: `user-${variant}`, iss: 'https://issuer.example', aud: 'api', iat: 1_700_000_000, exp: 4_000_000_000 };
  const fill = Math.max(0, Math.floor(((bytes - header.length - 45) * 3) / 4) - 120); // fixed, so the variant changes the length
  const payload = b64({ ...base, data: 'x'.repeat(fill) });
  const sig = createHmac('sha256', 'bench-secret-bench-secret-bench-secret').update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measurePaste(page, tok) {
  return page.evaluate(async (t) => {
    const area = document.querySelector('textarea');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const target = document.querySelector('[data-testid="decoded"]');
    const done = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the decoded view did not render within 30 s')), 30_000);
      const obs = new MutationObserver(() => {
        if (target.getAttribute('data-token-length') === String(t.length)) {
          obs.disconnect();
          const commit = performance.now();
          requestAnimationFrame(() => resolve({ commit, frame: performance.now() }));
        }
      });
      obs.observe(target, { attributes: true, attributeFilter: ['data-token-length'] });
    });
    const t0 = performance.now();
    setter.call(area, t);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const { commit, frame } = await done;
    return { commit: commit - t0, frame: frame - t0 };
  }, tok);
}

async function main() {
  const server = await buildAndStartApp(root, DIST, PORT);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await waitForUrl(`${BASE}/jwt`, 60_000, server);
    const page = await browser.newPage();
    const js = await pageScripts(page, `${BASE}/jwt`);
    const jsKb = js.gzip / 1024;
    console.log(
      `\n/jwt scripts requested: ${js.files.length} files, ${(js.raw / 1024).toFixed(1)} KB raw, ${jsKb.toFixed(1)} KB gzip (budget ≤ ${BUDGET_JS_KB} KB) ${jsKb <= BUDGET_JS_KB ? 'OK' : 'OVER BUDGET'}`,
    );
    console.table(js.files.map((f) => ({ script: new URL(f.url).pathname, 'KB gzip': +(f.gzip / 1024).toFixed(1) })));

    await page.locator('textarea').first().waitFor();
    const rows = [];
    for (const [label, bytes, runs] of [
      ['1 KB', 1024, 21],
      ['16 KB', 16 * 1024, 21],
      ['1 MB', 1024 * 1024, 7],
    ]) {
      const tokens = [token(bytes, 'a'), token(bytes, 'bbbb')]; // different lengths, so each paste changes data-token-length
      await measurePaste(page, tokens[1]); // warm-up
      const commits = [];
      const frames = [];
      for (let i = 0; i < runs; i++) {
        const r = await measurePaste(page, tokens[i % 2]);
        commits.push(r.commit);
        frames.push(r.frame);
      }
      rows.push({
        size: label,
        chars: tokens[0].length,
        runs,
        'median commit ms': +median(commits).toFixed(2),
        'median to next frame ms': +median(frames).toFixed(2),
        'max commit ms': +Math.max(...commits).toFixed(2),
      });
    }
    console.log('\nPaste → decoded view rendered (inputs ≥ 20,000 characters include the 200 ms debounce):');
    console.table(rows);
    const k16 = rows[1]['median commit ms'];
    console.log(`16 KB budget (≤ ${BUDGET_16K_MS} ms): ${k16} ms ${k16 <= BUDGET_16K_MS ? 'OK' : 'OVER BUDGET'}`);
  } finally {
    await browser.close();
    await stopProcess(server);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
