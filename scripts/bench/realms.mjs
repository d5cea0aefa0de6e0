// npm run bench realms — what a lab realm costs: CPU to create one (POST /api/realms, in-process),
// CPU and time of its first request (its keys are made then: ES256 now, RSA-2048 from a pool refilled
// off the event loop), and memory with 2,000 live realms (the default cap), each used once.
// In-process through lib/server-router.ts (jiti loads the TypeScript), so Next.js's own cost is left out.
import { createJiti } from 'jiti';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
process.env.FLOWLAB_REALM_CREATIONS_PER_MINUTE = '1000000';
const jiti = createJiti(import.meta.url, { alias: { '@': root } });
const { handleServerRequest } = await jiti.import(`${root}lib/server-router.ts`);
const { serverState } = await jiti.import(`${root}lib/realms/registry.ts`);
const ORIGIN = 'http://localhost:3000';
const COUNT = Number(process.env.BENCH_REALMS || 2000);
/** Realms that get a first request (keys made); RSA-2048 generation dominates, so not all 2,000 by default. */
const USED = Number(process.env.BENCH_REALMS_USED || 200);

const create = (weaknesses) =>
  handleServerRequest(
    new Request(`${ORIGIN}/api/realms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ weaknesses }),
    }),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Warm-up: module code paths and the RSA pool.
const { warmKeyPool } = await jiti.import(`${root}lib/realms/keys.ts`);
warmKeyPool();
for (let i = 0; i < 20; i++) await create(['rs-accepts-alg-none']);
global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;

const cpu = [];
const ids = [];
const weaknessSets = [[], ['rs-accepts-alg-none', 'as-pkce-optional'], ['as-redirect-uri-prefix', 'rs-skips-aud', 'as-hs256-weak-secret']];
for (let i = 0; i < COUNT - 20; i++) {
  const start = process.cpuUsage();
  const res = await create(weaknessSets[i % weaknessSets.length]);
  const used = process.cpuUsage(start);
  cpu.push((used.user + used.system) / 1000);
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  ids.push((await res.json()).id);
}
global.gc?.();
const heapCreated = process.memoryUsage().heapUsed;

// First request of each realm: discovery + JWKS (keys made here). Wall time and CPU of all threads.
const firstWall = [];
const firstCpu = [];
const t0 = Date.now();
for (const id of ids.slice(0, USED)) {
  const start = process.cpuUsage();
  const wall = performance.now();
  const res = await handleServerRequest(new Request(`${ORIGIN}/as/${id}/jwks`));
  if (res.status !== 200) throw new Error(`jwks answered ${res.status}`);
  firstWall.push(performance.now() - wall);
  const used = process.cpuUsage(start);
  firstCpu.push((used.user + used.system) / 1000);
}
const usedAll = (Date.now() - t0) / 1000;
global.gc?.();
const heapUsed = process.memoryUsage().heapUsed;
const rss = process.memoryUsage().rss;

console.log(`lab realms: ${serverState().labs.size} live (cap ${serverState().labs.cap})`);
console.log(
  `create (POST /api/realms, in-process): CPU median ${median(cpu).toFixed(2)} ms, p99 ${p99(cpu).toFixed(2)} ms (target < 5 ms)`,
);
const used = firstWall.length;
console.log(
  `first request, ${used} realms one after another (keys made): wall median ${median(firstWall).toFixed(1)} ` +
    `ms, p99 ${p99(firstWall).toFixed(1)} ms; CPU (all threads) median ${median(firstCpu).toFixed(1)} ms ` +
    `— RSA-2048 generation, once the pool of ready pairs is spent; ${usedAll.toFixed(1)} s in all`,
);
console.log(
  `memory: ${mb(heapCreated - heap0)} heap for ${ids.length} created realms (${((heapCreated - heap0) / ids.length / 1024).toFixed(2)} KB each), RSS ${mb(process.memoryUsage().rss - rss0)}`,
);
const perUsed = (heapUsed - heapCreated) / used;
console.log(
  `memory once used: +${(perUsed / 1024).toFixed(1)} KB heap per realm (keys, composed points); ${COUNT} ` +
    `live realms all used ≈ ${mb(heapCreated - heap0 + perUsed * COUNT)} heap; RSS now ${mb(rss - rss0)} ` +
    `above the start (WebCrypto key material lives outside the JS heap)`,
);
process.exit(0);
