// Child process of scripts/bench/servers.mjs: Flowlab's servers (lib/server-router.ts) behind the
// plain node:http adapter (lib/http-adapters/node-http.ts), without Next.js.
// The lib is TypeScript and Node 20 cannot run it directly: jiti (a devDependency)
// transpiles it once at start-up; the running code is the same.
// Usage: node flowlab-node.mjs <port>
import { createJiti } from 'jiti';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const jiti = createJiti(import.meta.url, { alias: { '@': root } });
const { handleServerRequest } = await jiti.import(`${root}lib/server-router.ts`);
const { createNodeHttpServer } = await jiti.import(`${root}lib/http-adapters/node-http.ts`);

const port = Number(process.argv[2] || 3291);
const server = createNodeHttpServer(handleServerRequest);
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => console.log(`flowlab node:http listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
