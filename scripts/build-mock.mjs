// npm run build (after next build): compiles the standalone mock server (lib/mock-server/) into
// dist/mock/*.mjs, plain ES modules that Node 20 runs without a TypeScript loader: bin/flowlab-mock.cjs
// imports dist/mock/cli.mjs, and `import { startMockServer } from 'flowlab/mock'` resolves to
// dist/mock/index.mjs. Dependencies (jose, zod) stay imports of the installed packages.
// Types: dist/mock/index.d.mts from tsc (tsconfig.mock.json, declarations only).
// Also dist/app/front.mjs (lib/app-server/front.ts): what `npm start` (scripts/serve.cjs → serve.mjs) answers the
// servers' paths with, without Next.js. Not part of the package (package.json "files").
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist/mock`;
const appOut = `${root}dist/app`;
const started = Date.now();
await rm(out, { recursive: true, force: true });
await rm(appOut, { recursive: true, force: true });
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^jose(\/|$)/, /^zod(\/|$)/];
/** One rolldown build of `input` (name → entry) into `dir`. */
const compile = (input, dir) =>
  build({
    cwd: root,
    input,
    platform: 'node',
    external,
    resolve: { alias: { '@': root.replace(/\/$/, '') } },
    transform: { target: 'node20' },
    output: { dir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', sourcemap: true },
    logLevel: 'warn',
  });
await compile({ cli: `${root}lib/mock-server/cli.ts`, index: `${root}lib/mock-server/index.ts` }, out);
await compile({ front: `${root}lib/app-server/front.ts` }, appOut);
const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.mock.json`], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.error('build-mock: tsc (declarations) failed');
  process.exit(1);
}
console.log(`build-mock: dist/mock and dist/app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
