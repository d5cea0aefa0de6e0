// npm test — every check, in order: typecheck and lint (side by side: each is single-threaded, and CI has two
// cores), unit tests, the production build, Playwright e2e. Stops at the first failure; prints how long each took.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`, resolving to its exit code. */
function run(script, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

async function step(name, ...scripts) {
  const started = Date.now();
  const codes = await Promise.all(scripts.map((s) => (typeof s === 'string' ? run(s) : run(s.script, s.env))));
  const seconds = Math.round((Date.now() - started) / 1000);
  if (codes.some((c) => c !== 0)) {
    console.error(`\ntest: ${name} failed after ${seconds} s`);
    process.exit(1);
  }
  console.log(`test: ${name} passed in ${seconds} s`);
}

const started = Date.now();
await step('typecheck + lint', 'typecheck', 'lint');
await step('unit tests', 'test:unit');
// The typecheck above covered the build's tsconfig (with .next/types from next typegen), so the build skips its
// own repeat of it (next.config.ts reads FLOWLAB_BUILD_TYPECHECKED); `npm run build` alone still checks.
await step('build', { script: 'build', env: { FLOWLAB_BUILD_TYPECHECKED: '1' } });
await step('e2e', 'test:e2e');
console.log(`test: all green in ${Math.round((Date.now() - started) / 1000)} s`);
