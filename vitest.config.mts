import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const shared = {
  environment: 'node' as const,
  setupFiles: ['./vitest.setup.ts'],
  testTimeout: 20_000,
  // No ready-made RSA pairs: a server keeps 8 so a lab realm is made fast, but each test file is its own process and
  // would make 8 it never uses (about a third of the CPU time of the machines/ and lib/realms/ tests).
  env: { FLOWLAB_RSA_POOL_SIZE: '0' },
};
/** Folders whose tests run without isolation (project `unit-shared-modules`). */
const SHARED_MODULES = ['lib/jwt/**', 'lib/http-trace/**', 'lib/resource-server/**'];
const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    // Worker threads, not forked processes: a file starts in a thread of a running process instead of a new one
    // (the whole suite on this 2-core machine: 198 s in threads; forks took 304 s). Each file still gets its own module
    // graph (isolate), and a thread's process.env is its own copy.
    pool: 'threads',
    // Two files at a time: on a 2-core machine Vitest's default is one worker (cores - 1), and many files mostly
    // wait (the pack project's npm install, the cluster's child processes, the servers' HTTP round trips).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['{lib,machines,components,app,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.redis.test.ts', ...SHARED_MODULES],
        },
      },
      // Pure files (no vi.mock, no module-level state a test relies on being fresh) share one module graph per worker
      // instead of one per file: on 2 cores the per-file fork and re-import cost more than these tests do
      // (these 26 files: 27 s isolated, 14 s shared, back to back). A file that mocks a module (login.test.ts mocks
      // node:crypto) must stay in `unit`.
      {
        extends: true,
        test: { ...shared, name: 'unit-shared-modules', include: SHARED_MODULES.map((d) => `${d}/*.test.{ts,tsx}`), isolate: false },
      },
      // Tests against a real redis-server, started for the run (installed from Debian when missing): test/redis-global-setup.ts.
      {
        extends: true,
        test: { ...shared, name: 'redis', include: ['{lib,scripts}/**/*.redis.test.ts'], globalSetup: ['./test/redis-global-setup.ts'] },
      },
      // The server integration suite again, against a fresh hardened lab realm made through POST /api/realms:
      // both targets must pass the same checks (lib/oauth-server/integration/harness.ts reads FLOWLAB_TEST_REALM).
      {
        extends: true,
        test: {
          ...shared,
          name: 'integration@lab-realm',
          include: ['lib/oauth-server/integration/**/*.test.ts'],
          env: { ...shared.env, FLOWLAB_TEST_REALM: 'lab' },
        },
      },
      // The published package (lib/mock-server/installed-package.pack.ts): builds dist/mock, npm pack, installs the
      // tarball into a fresh project and drives the installed flowlab-mock with oauth4webapi (about a minute).
      {
        extends: true,
        test: { ...shared, name: 'pack', include: ['lib/mock-server/**/*.pack.ts'], testTimeout: 60_000, hookTimeout: 300_000 },
      },
    ],
  },
});
