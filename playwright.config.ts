import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

// E2E_PORT/NEXT_DIST_DIR let several people run e2e in one checkout; E2E_DEV=1 uses `next dev`.
// The server is scripts/serve.cjs (what `npm run dev` / `npm start` run): it stamps each request with
// its socket address for the rate limits, and without -H listens on every interface, so specs can
// open the app at localhost and at 127.0.0.1 alike.
const port = Number(process.env.E2E_PORT || 3100);
const dev = process.env.E2E_DEV === '1';
const executablePath = findChromium();

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Spec files run side by side (E2E_WORKERS, default 2: this machine has two cores); the tests of one
  // file run in order. Every test makes what it changes itself (its own lab realm, its own sign-in).
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // Several runs can share a checkout (one per developer server); each keeps its own artifacts.
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    // The diagram's current exchange otherwise runs a dash animation at frame rate: about a fifth of a core per
    // open flow page, for as long as it is open. e2e/motion.spec.ts checks the animation and its reduced form.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  webServer: {
    command: `node scripts/serve.cjs ${dev ? 'dev' : 'start'} -p ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
