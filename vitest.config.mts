import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const shared = {
  environment: 'node' as const,
  setupFiles: ['./vitest.setup.ts'],
  testTimeout: 20_000,
};
const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['{lib,machines,components,app,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.redis.test.ts'],
        },
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
          env: { FLOWLAB_TEST_REALM: 'lab' },
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
