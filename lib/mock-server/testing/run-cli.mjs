// Runs flowlab-mock's command (lib/mock-server/cli.ts) from the source tree, without the compiled bundle:
// jiti (a devDependency) transpiles the TypeScript at start-up, in the primary and in each --workers worker
// (node:cluster forks this same file). For tests; the published command is bin/flowlab-mock.cjs.
// Usage: node lib/mock-server/testing/run-cli.mjs [flowlab-mock flags]
import { createJiti } from 'jiti';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const jiti = createJiti(import.meta.url, { alias: { '@': root } });
const { main } = await jiti.import(`${root}lib/mock-server/cli.ts`);
const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
