// npm run bench redis — what keeping the server state in Redis costs, next to the in-memory store.
//   store ops/s   each Store operation, 1 in flight (latency-bound: one round trip each) and 64 in
//                 flight (sent back to back on one connection), memory vs a real redis-server on loopback
//   token req/s   client_credentials at /as/demo/token, in process (lib/server-router.ts, no HTTP,
//                 no Next.js), 10 in flight, memory vs Redis; and GET /rs/demo/photos with one token
// Redis here is a redis-server this script starts on a free loopback port (test/redis-server.ts;
// installed from Debian when missing) and kills by PID at the end. It shares the machine's cores
// with this process. BENCH_SECONDS (default 2) per figure.
import { createJiti } from 'jiti';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

const root = fileURLToPath(new URL('../../', import.meta.url));
const jiti = createJiti(import.meta.url, { alias: { '@': root } });
const { startRedisServer } = await jiti.import(`${root}test/redis-server.ts`);
const { MemoryStore } = await jiti.import(`${root}lib/store/memory-store.ts`);
const { RedisStore } = await jiti.import(`${root}lib/store/redis-store.ts`);
const { newServerState, setServerState } = await jiti.import(`${root}lib/realms/registry.ts`);
const { handleServerRequest } = await jiti.import(`${root}lib/server-router.ts`);

const SECONDS = Number(process.env.BENCH_SECONDS || 2);
const ORIGIN = 'http://localhost:3000';
const BASIC = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;

/** Runs `op(i)` with `inFlight` concurrent callers for SECONDS; returns ops/s. */
async function rate(op, inFlight) {
  let i = 0;
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      await op(i++);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / ((performance.now() - start) / 1000);
}

const fmt = (n) => (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0)).padStart(7);

const server = await startRedisServer();
// A fast store writes more entries in a figure's seconds than a kind may hold (rt: 200,000): the raw store
// figures lift the bounds of the kinds they write, so they measure the operation, not a full kind's refusal.
const limits = Object.fromEntries(['rt', 'dpop-jti', 'code', 'rate', 'device'].map((kind) => [kind, 100_000_000]));
const redis = new RedisStore({ url: server.url, keyPrefix: 'bench:', limits });
const memory = new MemoryStore({ limits });
const stores = { memory, redis };
try {
  console.log(
    `redis-server ${server.url} (pid ${server.pid}); ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; ${SECONDS} s per figure\n`,
  );
  // Values shaped like a refresh-token record (~250 bytes of JSON).
  const record = {
    clientId: 'web',
    sub: 'alice',
    scope: ['openid', 'profile', 'offline_access'],
    authTime: 1_800_000_000,
    familyId: 'f'.repeat(22),
    grantId: 'g'.repeat(22),
    familyExpiresAt: 1_800_086_400,
  };
  const ops = {
    set: (s, i) => s.set(`bench|rt:${i}`, record, 60),
    get: (s, i) => s.get(`bench|rt:${i % 1000}`),
    setIfAbsent: (s, i) => s.setIfAbsent(`bench|dpop-jti:${i}`, 1, 60),
    'consume (after set)': async (s, i) => {
      await s.set(`bench|code:${i}`, record, 60);
      await s.consume(`bench|code:${i}`);
    },
    increment: (s, i) => s.increment(`bench|rate:login:${i % 100}`, 60),
    'compareAndSet (get + CAS)': async (s, i) => {
      const key = `bench|device:${i % 1000}`;
      const cur = await s.get(key);
      await s.compareAndSet(key, cur, { polls: (cur?.polls ?? 0) + 1 }, 60);
    },
  };
  for (const s of Object.values(stores)) for (let i = 0; i < 1000; i++) await s.set(`bench|rt:${i}`, record, 600);

  console.log('store ops/s            memory (1 / 64 in flight)   redis (1 / 64 in flight)   redis ÷ memory at 64');
  for (const [name, op] of Object.entries(ops)) {
    const m1 = await rate((i) => op(memory, i), 1);
    const m64 = await rate((i) => op(memory, i), 64);
    const r1 = await rate((i) => op(redis, i), 1);
    const r64 = await rate((i) => op(redis, i), 64);
    console.log(`${name.padEnd(26)} ${fmt(m1)} / ${fmt(m64)}          ${fmt(r1)} / ${fmt(r64)}          ${(r64 / m64).toFixed(3)}×`);
  }

  const tokenRequest = () =>
    handleServerRequest(
      new Request(`${ORIGIN}/as/demo/token`, {
        method: 'POST',
        headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=photos%3Aread',
      }),
    );
  console.log('\nin process, 10 in flight     memory       redis    redis ÷ memory');
  const figures = {};
  for (const [name, store] of Object.entries({
    memory: new MemoryStore(),
    redis: new RedisStore({ url: server.url, keyPrefix: 'bench-app:' }),
  })) {
    setServerState(newServerState(store));
    const first = await tokenRequest();
    if (first.status !== 200) throw new Error(`${name}: token endpoint answered ${first.status}: ${await first.text()}`);
    const { access_token: token } = await first.json();
    // Warm-up: JIT and key caches are not what is measured.
    await rate(tokenRequest, 10);
    const tokenRps = await rate(async () => {
      const res = await tokenRequest();
      if (res.status !== 200) throw new Error(`${name}: token endpoint answered ${res.status}`);
      await res.arrayBuffer();
    }, 10);
    const rsRps = await rate(async () => {
      const res = await handleServerRequest(new Request(`${ORIGIN}/rs/demo/photos`, { headers: { authorization: `Bearer ${token}` } }));
      if (res.status !== 200) throw new Error(`${name}: RS answered ${res.status}`);
      await res.arrayBuffer();
    }, 10);
    figures[name] = { tokenRps, rsRps };
    if (store.close) await store.close();
  }
  const row = (label, key) =>
    console.log(
      `${label.padEnd(26)} ${fmt(figures.memory[key])}     ${fmt(figures.redis[key])}     ${(figures.redis[key] / figures.memory[key]).toFixed(2)}×`,
    );
  row('token (client_credentials)', 'tokenRps');
  row('RS GET /photos, one token', 'rsRps');
} finally {
  await redis.close();
  await server.stop();
}
