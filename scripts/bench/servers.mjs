// npm run bench servers — Flowlab's token endpoint and resource server vs panva's oidc-provider.
//
// Measures, with autocannon over loopback (10 connections, BENCH_SECONDS per target, default 10):
//   (a) client_credentials token issuance: POST token, Basic service:service-secret, scope photos:read
//   (b) resource-server validation: GET /rs/demo/photos with a pre-issued ES256 at+jwt token, and
//       again rotating 1500 distinct tokens (more than Flowlab's verified-token cache holds), so
//       every request pays for a signature check — the like-for-like with oidc-provider's RS
// against three targets: the Flowlab app under `next start` (production build in .next-bench),
// Flowlab's servers behind the plain node:http adapter, and oidc-provider + a jose-validating RS.
// Every server is started here, by binary, and stopped by PID before the script exits.
// BENCH_SKIP_BUILD=1 reuses an existing .next-bench build; BENCH_SKIP_APP=1 leaves the Next.js app out.
import autocannon from 'autocannon';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runToCompletion, startProcess, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS || 10);
const HOST = '127.0.0.1';
const PORTS = { next: 3290, node: 3291, opAs: 3292, opRs: 3293 };
const BASIC = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
const TOKEN_BODY = 'grant_type=client_credentials&scope=photos%3Aread';
stopAllOnExit();

async function fetchToken(tokenUrl) {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: TOKEN_BODY,
  });
  const body = await res.json().catch(() => ({}));
  if (res.status !== 200 || typeof body.access_token !== 'string') throw new Error(`token request to ${tokenUrl} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

async function load(title, opts) {
  // A short warm-up first: JIT, lazily loaded routes and key caches are not what we measure.
  await autocannon({ ...opts, connections: 10, duration: 2 });
  const r = await autocannon({ ...opts, connections: 10, duration: seconds });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(`  ${title.padEnd(38)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms${bad ? `   (${bad} failed requests!)` : ''}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: bad };
}

/** More distinct tokens than Flowlab's verified-token cache holds (1000), so every request verifies. */
const POOL_SIZE = 1500;

async function tokenPool(tokenUrl) {
  const pool = [];
  while (pool.length < POOL_SIZE) pool.push(...(await Promise.all(Array.from({ length: 10 }, () => fetchToken(tokenUrl)))));
  return pool;
}

async function measure(name, tokenUrl, rsUrl) {
  console.log(`\n${name}`);
  const token = await load('token (client_credentials)', { url: tokenUrl, method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: TOKEN_BODY });
  const accessToken = await fetchToken(tokenUrl);
  const rs = await load('RS GET /photos, one token', { url: rsUrl, headers: { authorization: `Bearer ${accessToken}` } });
  const pool = await tokenPool(tokenUrl);
  let next = 0;
  const rsCold = await load(`RS GET /photos, ${POOL_SIZE} tokens rotating`, {
    url: rsUrl,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${pool[next++ % pool.length]}` } }) }],
  });
  return { token, rs, rsCold };
}

/** `next build`/`next start` rewrite tsconfig.json (adding the dist dir's types) and next-env.d.ts: put them back. */
function protectProjectFiles() {
  const files = ['tsconfig.json', 'next-env.d.ts'].map((f) => `${root}${f}`).filter((f) => existsSync(f));
  const saved = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  return () => {
    for (const [f, text] of saved) if (readFileSync(f, 'utf8') !== text) writeFileSync(f, text);
  };
}

async function flowlabApp() {
  const restore = protectProjectFiles();
  try {
    return await buildAndMeasureApp();
  } finally {
    restore();
  }
}

async function buildAndMeasureApp() {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(`${root}.next-bench/BUILD_ID`)) {
    console.log('\n[1/3] reusing the production build in .next-bench (BENCH_SKIP_BUILD=1)');
  } else {
    console.log('\n[1/3] building the app into .next-bench (next build, 2-4 minutes)…');
    const build = await runToCompletion('next build', `${root}node_modules/.bin/next`, ['build'], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: '.next-bench' } });
    if (!build.ok) throw new Error(`next build failed after ${build.seconds} s:\n${build.log}`);
    console.log(`  built in ${build.seconds} s`);
  }
  const server = startProcess('next start', `${root}node_modules/.bin/next`, ['start', '-p', String(PORTS.next), '-H', HOST], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: '.next-bench' } });
  try {
    await waitForUrl(`http://${HOST}:${PORTS.next}/rs/demo/photos`, 60_000, server);
    return await measure(`Flowlab via Next.js (next start, :${PORTS.next})`, `http://${HOST}:${PORTS.next}/as/demo/token`, `http://${HOST}:${PORTS.next}/rs/demo/photos`);
  } finally {
    await stopProcess(server);
  }
}

async function flowlabNode() {
  console.log('\n[2/3] Flowlab servers on the plain node:http adapter');
  const server = startProcess('flowlab node:http', process.execPath, [`${root}scripts/bench/servers-lib/flowlab-node.mjs`, String(PORTS.node)], { cwd: root });
  try {
    await waitForUrl(`http://${HOST}:${PORTS.node}/rs/demo/photos`, 30_000, server);
    return await measure(`Flowlab via node:http (:${PORTS.node})`, `http://${HOST}:${PORTS.node}/as/demo/token`, `http://${HOST}:${PORTS.node}/rs/demo/photos`);
  } finally {
    await stopProcess(server);
  }
}

async function oidcProvider() {
  console.log('\n[3/3] oidc-provider 9 + a jose-validating node:http RS');
  const server = startProcess('oidc-provider', process.execPath, [`${root}scripts/bench/servers-lib/oidc-provider.mjs`, String(PORTS.opAs), String(PORTS.opRs)], { cwd: root });
  try {
    await waitForUrl(`http://${HOST}:${PORTS.opRs}/rs/demo/photos`, 30_000, server);
    return await measure(`oidc-provider (:${PORTS.opAs}, RS :${PORTS.opRs})`, `http://${HOST}:${PORTS.opAs}/token`, `http://${HOST}:${PORTS.opRs}/rs/demo/photos`);
  } finally {
    await stopProcess(server);
  }
}

async function attempt(label, run) {
  try {
    return await run();
  } catch (err) {
    console.log(`  ${label} could not be measured: ${err instanceof Error ? err.message : err}`);
    return undefined;
  }
}

console.log(`Servers benchmark: autocannon, 10 connections, ${seconds} s per target (+2 s warm-up), loopback only`);
const app = process.env.BENCH_SKIP_APP === '1' ? undefined : await attempt('Flowlab via Next.js', flowlabApp);
const node = await attempt('Flowlab via node:http', flowlabNode);
const op = await attempt('oidc-provider', oidcProvider);

const ratio = (a, b) => (a && b ? (a.rps / b.rps).toFixed(2) : 'n/a');
console.log('\nRatios (requests/s, Flowlab / oidc-provider; > 1 means Flowlab is faster)');
console.log(`  token issuance:  app ${ratio(app?.token, op?.token)}   node:http ${ratio(node?.token, op?.token)}`);
console.log(`  RS, one token:   app ${ratio(app?.rs, op?.rs)}   node:http ${ratio(node?.rs, op?.rs)}   (Flowlab answers from its verified-token cache)`);
console.log(`  RS, ${POOL_SIZE} tokens: app ${ratio(app?.rsCold, op?.rsCold)}   node:http ${ratio(node?.rsCold, op?.rsCold)}   (every request verifies an ES256 signature)`);
process.exit(app && node && op ? 0 : 1);
