// npm run bench servers — Flowlab's token endpoint and resource server vs panva's oidc-provider.
//
// Measures, with wrk (or autocannon; servers-lib/load.mjs) over loopback (10 connections; BENCH_ROUNDS rounds, default 3, of
// BENCH_SECONDS each, default 5; the median round is reported):
//   token   client_credentials issuance: POST token, Basic service:service-secret, scope photos:read
//   rs      GET /rs/demo/photos with one pre-issued ES256 at+jwt token (a client reusing its token)
//   rs-cold the same rotating 1500 distinct tokens — more than Flowlab's verified-token cache holds —
//           so every request pays for a signature check: the like-for-like with oidc-provider's RS
// against these targets: the Flowlab app under `npm start` (scripts/serve.cjs, production build in .next-bench: the servers'
// paths answered by dist/app/front.mjs without Next.js), the same build with them in Next.js's route handlers
// (app-next, FLOWLAB_SERVE_VIA_NEXT=1),
// Flowlab's servers behind the plain node:http adapter, and oidc-provider + a jose-validating RS, as it runs by default
// and (op-pool) with the libuv thread pool flowlab-mock sizes for itself (bin/thread-pool.cjs).
// All servers run at once and each round measures the targets back to back, in turn, so bursts of
// background load on a shared machine hit them alike; the median of the rounds is reported. Each round also reads the
// server's CPU time (its process group, /proc: servers-lib/cpu-time.mjs): requests per CPU-second, which the rest of a
// busy shared machine does not skew the way it skews requests/s, is printed and compared as well. Every server is started here, by binary, and stopped
// by PID before the script exits.
// BENCH_SKIP_BUILD=1 reuses an existing .next-bench build (and dist/mock); BENCH_SKIP_APP=1 leaves the Next.js app out;
// BENCH_TARGETS=mock,op runs only the targets named (mock2: flowlab-mock --workers 2 on a redis-server it starts). The fourth target, flowlab-mock, runs from its compiled bundle
// (bin/flowlab-mock.cjs → dist/mock, built here by scripts/build-mock.mjs) in one process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { groupCpuSeconds } from './servers-lib/cpu-time.mjs';
import { chooseLoadGenerator } from './servers-lib/load.mjs';
import { runToCompletion, startApp, startProcess, stopAllOnExit, stopProcess, waitForUrl } from './servers-lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS || 5);
const rounds = Number(process.env.BENCH_ROUNDS || 3);
const HOST = '127.0.0.1';
/** BENCH_PORT_BASE moves the ten ports (default 3290–3299), so that two people's runs on one machine do not collide. */
const BASE = Number(process.env.BENCH_PORT_BASE || 3290);
const PORTS = {
  next: BASE,
  node: BASE + 1,
  opAs: BASE + 2,
  opRs: BASE + 3,
  mock: BASE + 4,
  mock2: BASE + 5,
  redis: BASE + 6,
  appNext: BASE + 7,
  opPoolAs: BASE + 8,
  opPoolRs: BASE + 9,
};
/** The libuv thread pool flowlab-mock runs with (bin/thread-pool.cjs): what `op-pool` gives oidc-provider too. */
const { threadPoolSize } = createRequire(import.meta.url)('../../bin/thread-pool.cjs');
const MOCK_POOL = threadPoolSize(process.env, availableParallelism());
const BASIC = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
const TOKEN_BODY = 'grant_type=client_credentials&scope=photos%3Aread';
/** More distinct tokens than Flowlab's verified-token cache holds (1000), so every request verifies. */
const POOL_SIZE = 1500;
/** A comma-separated list from the environment; undefined when unset. */
const listFromEnv = (name) => process.env[name]?.split(',').map((item) => item.trim());
/** BENCH_TARGETS=mock,op runs only those targets (ids: app, app-next, node, mock, mock2, op, op-pool). */
const ONLY = listFromEnv('BENCH_TARGETS');
/** BENCH_SCENARIOS=rs-cold runs only the scenarios named (token, rs, rs-cold). */
const SCENARIOS = listFromEnv('BENCH_SCENARIOS');
stopAllOnExit();

async function fetchToken(tokenUrl) {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: TOKEN_BODY,
  });
  const body = await res.json().catch(() => ({}));
  if (res.status !== 200 || typeof body.access_token !== 'string')
    throw new Error(`token request to ${tokenUrl} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

async function tokenPool(tokenUrl) {
  const pool = [];
  while (pool.length < POOL_SIZE) pool.push(...(await Promise.all(Array.from({ length: 10 }, () => fetchToken(tokenUrl)))));
  return pool;
}

const load = chooseLoadGenerator();

async function warmUp(request) {
  // JIT, lazily loaded routes and key caches are not what we measure.
  await load.run(request, { connections: 10, seconds: 2 });
}

async function once(request, proc) {
  const cpuBefore = groupCpuSeconds(proc.child.pid);
  const { total, ...figures } = await load.run(request, { connections: 10, seconds });
  const cpu = cpuBefore === undefined ? undefined : groupCpuSeconds(proc.child.pid) - cpuBefore;
  // Requests per CPU-second of the server's processes: what a core of its own would serve, however loaded the machine is.
  return { ...figures, perCpuSecond: cpu ? total / cpu : undefined };
}

/** The round with the median requests/s, the median requests per CPU-second, and the failures of all rounds. */
function median(runs) {
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const perCpu = runs.map((r) => r.perCpuSecond).filter((v) => v !== undefined);
  return {
    ...[...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)],
    perCpuSecond: perCpu.length ? middle(perCpu) : undefined,
    failed: runs.reduce((n, r) => n + r.failed, 0),
    all: runs.map((r) => Math.round(r.rps)),
  };
}

function print(title, r) {
  const latency = `p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
  const perCpu = r.perCpuSecond ? `${r.perCpuSecond.toFixed(0).padStart(6)} req/CPU-s   ` : '';
  const failed = r.failed ? `   (${r.failed} failed requests!)` : '';
  console.log(`  ${title.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s   ${latency}   ${perCpu}rounds ${r.all.join('/')}${failed}`);
}

const scenarios = {
  token: (t) => ({
    url: t.tokenUrl,
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    body: TOKEN_BODY,
  }),
  rs: (t) => ({ url: t.rsUrl, headers: { authorization: `Bearer ${t.pool[0]}` } }),
  'rs-cold': (t) => ({ url: t.rsUrl, bearerTokens: t.pool }),
};
const chosenScenarios = Object.keys(scenarios).filter((id) => !SCENARIOS || SCENARIOS.includes(id));
const TITLES = {
  token: 'token: client_credentials',
  rs: 'RS GET /photos, one token',
  'rs-cold': `RS GET /photos, ${POOL_SIZE} tokens rotating`,
};

/** `next build`/`next start` rewrite tsconfig.json (adding the dist dir's types) and next-env.d.ts: put them back. */
function protectProjectFiles() {
  const files = ['tsconfig.json', 'next-env.d.ts'].map((f) => `${root}${f}`).filter((f) => existsSync(f));
  const saved = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  return () => {
    for (const [f, text] of saved) if (readFileSync(f, 'utf8') !== text) writeFileSync(f, text);
  };
}

/** The standalone server runs from its compiled bundle (dist/mock), as an installed package would. */
async function buildMock() {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(`${root}dist/mock/cli.mjs`)) return true;
  const build = await runToCompletion('build-mock', process.execPath, [`${root}scripts/build-mock.mjs`], { cwd: root, env: process.env });
  if (!build.ok) console.log(`  build-mock failed after ${build.seconds} s; flowlab-mock is left out:\n${build.log}`);
  return build.ok;
}

async function buildApp() {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(`${root}.next-bench/BUILD_ID`)) {
    console.log('\nreusing the production build in .next-bench (BENCH_SKIP_BUILD=1)');
    return true;
  }
  console.log('\nbuilding the app into .next-bench (next build, up to a few minutes)…');
  const build = await runToCompletion('next build', `${root}node_modules/.bin/next`, ['build'], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: '.next-bench' },
  });
  if (!build.ok) console.log(`  next build failed after ${build.seconds} s; the app is left out:\n${build.log}`);
  else console.log(`  built in ${build.seconds} s`);
  return build.ok;
}

const TARGETS = [
  {
    id: 'app',
    name: 'Flowlab app (npm start)',
    start: () => startApp(root, '.next-bench', PORTS.next),
    tokenUrl: `http://${HOST}:${PORTS.next}/as/demo/token`,
    rsUrl: `http://${HOST}:${PORTS.next}/rs/demo/photos`,
  },
  {
    // The same build with the servers' paths in Next.js's route handlers (what `npm start` did before
    // lib/app-server/front.ts, and what `npm run dev` does): what Next.js costs them.
    id: 'app-next',
    name: 'app, servers in Next.js',
    start: () => startApp(root, '.next-bench', PORTS.appNext, { FLOWLAB_SERVE_VIA_NEXT: '1' }),
    tokenUrl: `http://${HOST}:${PORTS.appNext}/as/demo/token`,
    rsUrl: `http://${HOST}:${PORTS.appNext}/rs/demo/photos`,
  },
  {
    id: 'node',
    name: 'Flowlab node:http adapter',
    start: () =>
      startProcess('flowlab node:http', process.execPath, [`${root}scripts/bench/servers-lib/flowlab-node.mjs`, String(PORTS.node)], {
        cwd: root,
      }),
    tokenUrl: `http://${HOST}:${PORTS.node}/as/demo/token`,
    rsUrl: `http://${HOST}:${PORTS.node}/rs/demo/photos`,
  },
  {
    id: 'mock',
    name: 'flowlab-mock (dist, 1 process)',
    start: () =>
      startProcess('flowlab-mock', process.execPath, [`${root}bin/flowlab-mock.cjs`, '--port', String(PORTS.mock)], { cwd: root }),
    tokenUrl: `http://${HOST}:${PORTS.mock}/as/demo/token`,
    rsUrl: `http://${HOST}:${PORTS.mock}/rs/demo/photos`,
  },
  {
    // Both cores: two workers, the load generator and Redis share them (the machine has 2).
    id: 'mock2',
    name: 'flowlab-mock --workers 2 + Redis',
    start: () => {
      // redis-server (no persistence, noeviction as production should run), stopped with the rest on exit.
      startProcess('redis-server', 'redis-server', [
        '--port',
        String(PORTS.redis),
        '--bind',
        HOST,
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ]);
      return startProcess(
        'flowlab-mock --workers 2',
        process.execPath,
        [`${root}bin/flowlab-mock.cjs`, '--port', String(PORTS.mock2), '--workers', '2', '--redis', `redis://${HOST}:${PORTS.redis}`],
        { cwd: root },
      );
    },
    tokenUrl: `http://${HOST}:${PORTS.mock2}/as/demo/token`,
    rsUrl: `http://${HOST}:${PORTS.mock2}/rs/demo/photos`,
  },
  {
    id: 'op',
    name: 'oidc-provider 9 + jose RS',
    start: () =>
      startProcess(
        'oidc-provider',
        process.execPath,
        [`${root}scripts/bench/servers-lib/oidc-provider.mjs`, String(PORTS.opAs), String(PORTS.opRs)],
        { cwd: root },
      ),
    tokenUrl: `http://${HOST}:${PORTS.opAs}/token`,
    rsUrl: `http://${HOST}:${PORTS.opRs}/rs/demo/photos`,
  },
  {
    // flowlab-mock sizes libuv's thread pool to the cores besides the event loop's (bin/thread-pool.cjs), where
    // oidc-provider runs with libuv's default of 4: the same server with flowlab-mock's pool, for a like-for-like figure.
    id: 'op-pool',
    name: `oidc-provider, ${MOCK_POOL}-thread pool`,
    start: () =>
      startProcess(
        'oidc-provider (pool as flowlab-mock)',
        process.execPath,
        [`${root}scripts/bench/servers-lib/oidc-provider.mjs`, String(PORTS.opPoolAs), String(PORTS.opPoolRs)],
        { cwd: root, env: { ...process.env, UV_THREADPOOL_SIZE: MOCK_POOL } },
      ),
    tokenUrl: `http://${HOST}:${PORTS.opPoolAs}/token`,
    rsUrl: `http://${HOST}:${PORTS.opPoolRs}/rs/demo/photos`,
  },
];

console.log(
  `Servers benchmark: ${load.name}, 10 connections, ${rounds} rounds × ${seconds} s per target (after a 2 s warm-up), median shown, loopback only; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const restore = protectProjectFiles();
const targets = [];
try {
  const withApp = process.env.BENCH_SKIP_APP !== '1' && (await buildApp());
  const withMock = await buildMock();
  console.log('\nstarting servers');
  for (const target of TARGETS.filter(
    (t) => (!t.id.startsWith('app') || withApp) && (!t.id.startsWith('mock') || withMock) && (!ONLY || ONLY.includes(t.id)),
  )) {
    const proc = target.start();
    try {
      await waitForUrl(target.rsUrl, 60_000, proc);
      const pool = await tokenPool(target.tokenUrl);
      targets.push({ ...target, proc, pool, results: {} });
    } catch (err) {
      console.log(`  ${target.name} left out: ${err instanceof Error ? err.message : err}`);
      await stopProcess(proc);
    }
  }
  restore(); // the app server has written its types entry by now
  for (const scenario of chosenScenarios) {
    const options = scenarios[scenario];
    console.log(`\n${TITLES[scenario]}`);
    const runs = new Map(targets.map((t) => [t, []]));
    for (const t of targets) await warmUp(options(t));
    for (let round = 0; round < rounds; round++) for (const t of targets) runs.get(t).push(await once(options(t), t.proc));
    for (const t of targets) print(t.name, (t.results[scenario] = median(runs.get(t))));
  }
} finally {
  for (const t of targets) await stopProcess(t.proc);
  restore();
}

const byId = Object.fromEntries(targets.map((t) => [t.id, t.results]));
const ratioOf = (id, scenario, field, against = 'op') => {
  const mine = byId[id]?.[scenario]?.[field];
  const theirs = byId[against]?.[scenario]?.[field];
  return mine && theirs ? (mine / theirs).toFixed(2) : 'n/a';
};
const ratioLine = (scenario, field) =>
  ['app', 'app-next', 'node', 'mock', 'mock2'].map((id) => `${id} ${ratioOf(id, scenario, field).padStart(5)}`).join('   ');
console.log('\nRatios (Flowlab / oidc-provider; > 1 means Flowlab is faster): requests/s, then requests per server CPU-second');
for (const scenario of chosenScenarios) {
  console.log(`  ${TITLES[scenario].padEnd(40)} req/s      ${ratioLine(scenario, 'rps')}`);
  console.log(`  ${''.padEnd(40)} req/CPU-s  ${ratioLine(scenario, 'perCpuSecond')}`);
  const one = byId.mock?.[scenario];
  const two = byId.mock2?.[scenario];
  if (one && two) console.log(`  ${''.padEnd(40)} --workers 2 + Redis / one process: ${(two.rps / one.rps).toFixed(2)}×`);
  if (one && byId['op-pool']?.[scenario])
    console.log(
      `  ${''.padEnd(40)} mock / oidc-provider with the same ${MOCK_POOL}-thread pool: ${ratioOf('mock', scenario, 'rps', 'op-pool')}× req/s, ${ratioOf('mock', scenario, 'perCpuSecond', 'op-pool')}× req/CPU-s`,
    );
}
console.log('  (the one-token RS run is answered from Flowlab’s verified-token cache; the rotating run verifies every signature)');
const expected = TARGETS.filter(
  (t) => (!t.id.startsWith('app') || process.env.BENCH_SKIP_APP !== '1') && (!ONLY || ONLY.includes(t.id)),
).length;
process.exit(targets.length === expected ? 0 : 1);
