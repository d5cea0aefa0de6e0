// Child process of scripts/bench/servers.mjs (target `app-direct`): the measurement behind issue #11's
// question "does a thin front server that hands the machine-facing endpoints straight to the handlers
// lift the app to ≥ 0.8× oidc-provider?". A bench-only experiment, NOT what `npm start` runs.
//
// It is scripts/serve.mjs's production server (the same listener: path guard, peer-address stamp)
// with one change: a request for a machine-facing endpoint (token, introspect, revoke, jwks, userinfo,
// device_authorization, both discovery documents, /rs/{realm}/photos|profile, /api/weaknesses,
// /api/realms[/{id}]) skips Next's router and calls the route file's own exported method from Next's
// compiled route module (<distDir>/server/app/<route>/route.js). Those entries all load through one
// Turbopack runtime ([turbopack]_runtime.js, one module cache per process), so the handler that runs
// is the very module instance Next would have run: one store, one realm registry, one set of keys,
// one verified-token cache — no second copy of lib/ (as importing dist/mock would make). Everything
// else (pages, the AS's HTML pages, /attacker, /bff, methods a route file does not export) goes to Next.
// Response headers: next.config's `headers()` rules, read from <distDir>/routes-manifest.json, plus the
// `Vary` Next puts on every app-route answer. Not replicated: Next's gzip of bodies ≥ 1 KB when the
// client asks for it (the load generator does not).
// Usage: NEXT_DIST_DIR=.next-bench node app-direct.mjs <port>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPeerHeaderName } from '../../../lib/http/peer-header.mjs';
import { peerStampingListener } from '../../serve.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const distDir = join(root, process.env.NEXT_DIST_DIR || '.next');
const port = Number(process.argv[2] || 3298);
const hostname = '127.0.0.1';
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

const AS_ENDPOINTS = new Set(['token', 'introspect', 'revoke', 'jwks', 'userinfo', 'device_authorization']);
const RS_ENDPOINTS = new Set(['photos', 'profile']);

/** The app route (its folder under app/) and params for a machine-facing path, else undefined (→ Next). */
function directRoute(pathname) {
  let m = /^\/as\/([^/]+)\/([a-z_]+)$/.exec(pathname);
  if (m && AS_ENDPOINTS.has(m[2])) return { page: `as/[realm]/${m[2]}`, params: { realm: decodeURIComponent(m[1]) } };
  if ((m = /^\/as\/([^/]+)\/\.well-known\/openid-configuration$/.exec(pathname)))
    return { page: 'as/[realm]/.well-known/openid-configuration', params: { realm: decodeURIComponent(m[1]) } };
  if ((m = /^\/\.well-known\/oauth-authorization-server\/as\/([^/]+)$/.exec(pathname)))
    return { page: '.well-known/oauth-authorization-server/as/[realm]', params: { realm: decodeURIComponent(m[1]) } };
  m = /^\/rs\/([^/]+)\/([a-z]+)$/.exec(pathname);
  if (m && RS_ENDPOINTS.has(m[2])) return { page: `rs/[realm]/${m[2]}`, params: { realm: decodeURIComponent(m[1]) } };
  if (pathname === '/api/weaknesses' || pathname === '/api/realms') return { page: pathname.slice(1), params: {} };
  if ((m = /^\/api\/realms\/([^/]+)$/.exec(pathname))) return { page: 'api/realms/[id]', params: { id: decodeURIComponent(m[1]) } };
  return undefined;
}

const requireFromDist = createRequire(join(distDir, 'server', 'app', 'index.js'));
const headerRules = JSON.parse(readFileSync(join(distDir, 'routes-manifest.json'), 'utf8')).headers.map((rule) => ({
  regex: new RegExp(rule.regex),
  headers: rule.headers,
}));
const userlands = new Map();

/** The route file's exports (GET, POST, …) from Next's compiled module, loaded once. */
function userlandOf(page) {
  let loaded = userlands.get(page);
  if (!loaded) {
    const { routeModule } = requireFromDist(join(distDir, 'server', 'app', page, 'route.js'));
    loaded = routeModule.ensureUserland().then(() => routeModule.userland);
    userlands.set(page, loaded);
  }
  return loaded;
}

/** Serves a machine-facing request itself; false when Next should (not such a path, or a method the route file lacks). */
async function serveDirect(req, res) {
  const q = req.url.indexOf('?');
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  const route = directRoute(pathname);
  if (!route) return false;
  const method = (await userlandOf(route.page))[req.method];
  if (typeof method !== 'function') return false;
  const headers = new Headers();
  // req.headers, not rawHeaders: the listener has replaced any client-sent peer header with the socket's.
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  let body;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (chunks.length) body = Buffer.concat(chunks);
  }
  const request = new Request(new URL(req.url, `http://localhost:${port}`), { method: req.method, headers, body });
  const response = await method(request, { params: Promise.resolve(route.params) });
  const out = {};
  for (const rule of headerRules) if (rule.regex.test(pathname)) for (const h of rule.headers) out[h.key] = h.value;
  out.Vary = VARY;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  const text = response.body ? await response.text() : undefined;
  res.writeHead(response.status, out);
  res.end(text);
  return true;
}

process.env.NODE_ENV = 'production';
const name = installPeerHeaderName();
const { default: next } = await import('next');
const server = createServer();
const app = next({ dev: false, dir: root, hostname: 'localhost', port, httpServer: server });
await app.prepare();
const nextHandle = app.getRequestHandler();
server.keepAliveTimeout = 30_000;
server.on(
  'request',
  peerStampingListener(
    async (req, res) => {
      if (!(await serveDirect(req, res))) await nextHandle(req, res);
    },
    { name, trustedHops: 0 },
  ),
);
server.listen(port, hostname, () => console.log(`app-direct (bench only) on http://${hostname}:${port}`));
process.on('SIGTERM', () => {
  // Every route.js (the direct ones and those Next loaded itself) runs on server/chunks/[turbopack]_runtime.js,
  // one module cache: one copy of lib/ for all route handlers. (Pages render on the separate ssr/ runtime, in
  // Next as in this server; they share the state through globalThis, lib/realms/registry.ts.)
  const runtimes = Object.keys(requireFromDist.cache)
    .filter((f) => f.endsWith('[turbopack]_runtime.js'))
    .map((f) => f.slice(distDir.length + 1));
  const routes = Object.keys(requireFromDist.cache).filter((f) => f.startsWith(distDir) && f.endsWith('/route.js')).length;
  console.log(`app-direct: ${routes} route modules loaded; Turbopack runtimes: ${runtimes.join(', ')}`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
