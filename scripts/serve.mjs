#!/usr/bin/env node
// npm run dev / npm start: Next.js (dev with Turbopack, or the production build) behind a thin
// node:http server that owns the socket, so the servers' rate limits key on an address the client
// cannot forge. Next.js keeps a client-sent X-Forwarded-For and route handlers never see the socket;
// this server strips client copies of an internal header whose name is random per process, and sets
// it to the socket's address (lib/http/peer-header.mjs, read by lib/http/peer.ts). Plain JS: it runs
// without a TypeScript loader.
//
//   node scripts/serve.cjs dev   [-H host] [-p port] [--webpack]   like `next dev`
//   node scripts/serve.cjs start [-H host] [-p port]               like `next start`
// (scripts/serve.cjs, the entry, sizes libuv's thread pool for `start`, then calls main() here.)
//
// Under `start`, the servers' paths (/as, /rs, /api, …: lib/app-server/front.ts) are answered without
// Next.js by dist/app/front.mjs, which `npm run build` compiles; everything else goes to Next.js.
// FLOWLAB_SERVE_VIA_NEXT=1 sends them to Next.js's route handlers too (as `dev` always does).
//
// No -H: listens on every interface (localhost, 127.0.0.1 and the LAN address alike), as `next start`
// does. FLOWLAB_TRUSTED_PROXY_HOPS=N believes the N-th X-Forwarded-For entry from the right instead
// of the socket (only behind N proxies that append to it).
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { forbiddenMethodAnswer, invalidPathAnswer } from '../lib/http/path-guard.mjs';
import { installPeerHeaderName, parseTrustedHops, stampPeerHeader, TRUSTED_HOPS_ENV } from '../lib/http/peer-header.mjs';
import { SERVE_OPTIONS } from './serve-options.cjs';

export { stampPeerHeader };

const USAGE = 'usage: node scripts/serve.cjs dev|start [-H|--hostname host] [-p|--port port] [--webpack (dev)]';

/**
 * The command line of `npm run dev -- …` / `npm start -- …`. Port: -p, else $PORT, else 3000 (as
 * `next` reads them). Throws with the usage line on anything it does not know.
 */
export function parseServeArgs(argv, env = process.env) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: SERVE_OPTIONS });
  const [mode, ...rest] = positionals;
  if (values.help) return { help: true };
  if ((mode !== 'dev' && mode !== 'start') || rest.length > 0) throw new Error(USAGE);
  if (mode === 'start' && (values.webpack || values.turbopack)) throw new Error(`--webpack/--turbopack are for dev only\n${USAGE}`);
  if (values.webpack && values.turbopack) throw new Error(`pass either --webpack or --turbopack\n${USAGE}`);
  const portText = values.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new Error(`invalid port "${portText}"\n${USAGE}`);
  return { dev: mode === 'dev', hostname: values.hostname || undefined, port, webpack: !!values.webpack };
}

/**
 * A node:http listener that refuses undecodable paths and methods a web Request cannot carry, then
 * hands a server path to `direct.handle` when given (which reads the peer from the socket itself:
 * lib/http-adapters/node-http.ts), and every other request, stamped with the peer header, to `handle`.
 */
export function peerStampingListener(handle, { name, trustedHops }, direct) {
  return (req, res) => {
    const refused = invalidPathAnswer(req.url) ?? forbiddenMethodAnswer(req.method, req.url);
    if (refused) {
      res.writeHead(refused.status, refused.headers);
      res.end(refused.body);
      return;
    }
    if (direct?.isServerPath(req.url)) {
      direct.handle(req, res);
      return;
    }
    stampPeerHeader(req.headers, { name, remoteAddress: req.socket.remoteAddress, trustedHops });
    Promise.resolve(handle(req, res)).catch((err) => {
      console.error('[flowlab] request failed', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  };
}

const FRONT_MODULE = new URL('../dist/app/front.mjs', import.meta.url);

/**
 * The production answer to the servers' paths without Next.js (`frontModule`, default
 * dist/app/front.mjs), or a reason it is not used. `distDir`: Next's build folder, whose BUILD_ID must
 * not be newer than the module. `origin` and `peer`: lib/app-server/front.ts's options.
 */
export async function loadFrontServer({ env = process.env, distDir, origin, peer, frontModule = FRONT_MODULE }) {
  if (env.FLOWLAB_SERVE_VIA_NEXT === '1') return { reason: 'FLOWLAB_SERVE_VIA_NEXT=1' };
  const file = fileURLToPath(frontModule);
  if (!existsSync(file)) return { reason: 'dist/app/front.mjs is missing (`npm run build` compiles it)' };
  const buildId = `${distDir}/BUILD_ID`;
  if (existsSync(buildId) && statSync(buildId).mtimeMs > statSync(file).mtimeMs + 1000)
    return { reason: `dist/app/front.mjs is older than ${distDir} (run \`npm run build\`, which builds both)` };
  const { createFrontServer, isServerPath } = await import(frontModule.href);
  return { handle: createFrontServer({ origin, peer }), isServerPath };
}

const urlHost = (hostname) => (hostname.includes(':') ? `[${hostname}]` : hostname);

/** The URLs to print: localhost, and every LAN address when listening on all interfaces. */
function urls(hostname, port) {
  if (hostname && hostname !== '0.0.0.0' && hostname !== '::') return [`http://${urlHost(hostname)}:${port}`];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a.address}:${port}`);
  return [`http://localhost:${port}`, ...lan];
}

/** Serves as the command line says (scripts/serve.cjs, what `npm run dev` / `npm start` run, calls it). */
export async function main() {
  let options;
  let trustedHops;
  try {
    options = parseServeArgs(process.argv.slice(2));
    trustedHops = parseTrustedHops(process.env[TRUSTED_HOPS_ENV]);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { dev, hostname, port, webpack } = options;
  // Before Next.js loads: React and Next pick their build from NODE_ENV, and route handlers read
  // the header name from process.env (same process).
  process.env.NODE_ENV = dev ? 'development' : 'production';
  const name = installPeerHeaderName();

  const { default: next } = await import('next');
  const server = createServer();
  const root = fileURLToPath(new URL('..', import.meta.url));
  const app = next({
    dev,
    dir: root,
    hostname: hostname ?? 'localhost',
    port,
    httpServer: server,
    ...(dev ? (webpack ? { webpack: true } : { turbopack: true }) : {}),
  });
  await app.prepare();
  const peer = { name, trustedHops };
  const front = dev
    ? { reason: 'next dev' }
    : await loadFrontServer({
        distDir: `${root}${process.env.NEXT_DIST_DIR || '.next'}`,
        origin: `http://${urlHost(hostname ?? 'localhost')}:${port}`,
        peer,
      });
  const servers = front.handle ? 'servers without Next.js' : dev ? 'servers in Next.js' : `servers in Next.js: ${front.reason}`;
  server.on('request', peerStampingListener(app.getRequestHandler(), peer, front.handle ? front : undefined));
  server.on('error', (err) => {
    console.error(`[flowlab] cannot listen on ${hostname ?? '*'}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const how = dev ? `next dev, ${webpack ? 'webpack' : 'Turbopack'}` : 'production build';
    const trust = trustedHops ? `, believing ${trustedHops} proxy hop(s) of X-Forwarded-For` : '';
    console.log(`▲ Flowlab ready (${how}, ${servers}${trust}) on ${urls(hostname, port).join('  ')}`);
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    Promise.allSettled([app.close()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
