// npm run bench crack — the HS256 cracker's guesses per second over the shipped wordlist
// (public/wordlists/common-secrets.txt) against a token whose secret is its LAST line, so every
// guess is made: lib/jwt/crack (pure TypeScript, loaded with jiti) vs node:crypto createHmac vs
// WebCrypto importKey + sign per guess, all in Node; then the real thing, crack.worker.ts bundled
// with rolldown and run in a Web Worker of headless Chromium (playwright-core), served from 127.0.0.1.
// Target: ≥ 100,000 guesses/s in the worker. The machine may be shared: CPU-time rates are printed
// beside wall-clock ones for the Node runs (a shared core slows the wall clock, not the CPU time).
import { createJiti } from 'jiti';
import { createHmac, webcrypto } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const jiti = createJiti(import.meta.url, { alias: { '@': root } });
const { crackHs256 } = await jiti.import(`${root}lib/jwt/crack/crack.ts`);
const { WordlistCursor, countWords } = await jiti.import(`${root}lib/jwt/crack/wordlist.ts`);
const { findChromium } = await import(`${root}scripts/find-chromium.mjs`);

const WORDLIST = 'wordlists/common-secrets.txt';
const bytes = new Uint8Array(readFileSync(`${root}public/${WORDLIST}`));
const total = countWords(bytes);
const keys = [];
for (const c = new WordlistCursor(bytes); c.advance();) keys.push(bytes.subarray(c.start, c.end));
const secret = Buffer.from(keys[keys.length - 1]).toString('utf8');
// A typical access token of a lab realm (~400 characters signed: 6 SHA-256 blocks of message).
const b64url = (s) => Buffer.from(s).toString('base64url');
const header = { alg: 'HS256', typ: 'at+jwt', kid: 'lab-hs256' };
const payload = {
  iss: 'http://localhost:3000/as/lab-0123456789abcdef',
  sub: 'alice',
  aud: 'http://localhost:3000/rs/lab-0123456789abcdef',
  client_id: 'spa-client',
  scope: 'openid profile read:notes',
  iat: 1764590000,
  exp: 1764593600,
  jti: 'f2d0b1c4-6a47-4d3e-9b1a-3c5e7f9a1b2c',
};
const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
const inputBytes = Buffer.from(input);
const expected = createHmac('sha256', secret).update(input).digest();
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(
  `wordlist: ${fmt(total)} secrets (${(bytes.length / 1024 / 1024).toFixed(2)} MB); token's signing input ${input.length} bytes; secret = last line ${JSON.stringify(secret)}`,
);

async function timed(label, count, fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label}: ${fmt((count * 1000) / ms)} guesses/s wall (${fmt(count)} in ${(ms / 1000).toFixed(2)} s), ${fmt((count * 1000) / cpuMs)} per CPU-second`,
  );
  return { out, rate: (count * 1000) / ms };
}

// Warm-up: let the JIT see the hot loop before timing.
await crackHs256(
  token,
  keys.slice(0, 20000).map((k) => Buffer.from(k).toString('utf8')),
);

const mine = await timed('lib/jwt/crack crackHs256 (pure TS, wordlist bytes), Node', total, () => crackHs256(token, bytes));
if (mine.out.found !== secret || mine.out.tried !== total) throw new Error(`crackHs256 found ${mine.out.found} after ${mine.out.tried}`);

await timed('node:crypto createHmac per guess, Node', keys.length, () => {
  let hit;
  for (const k of keys) if (createHmac('sha256', k).update(inputBytes).digest().equals(expected)) hit = k;
  if (!hit) throw new Error('createHmac missed the secret');
});

const WEBCRYPTO_GUESSES = Number(process.env.BENCH_CRACK_WEBCRYPTO || 50_000);
await timed(`WebCrypto importKey + sign per guess, Node (last ${fmt(WEBCRYPTO_GUESSES)} lines)`, WEBCRYPTO_GUESSES, async () => {
  let hit;
  for (const k of keys.slice(-WEBCRYPTO_GUESSES)) {
    const key = await webcrypto.subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (Buffer.from(await webcrypto.subtle.sign('HMAC', key, inputBytes)).equals(expected)) hit = k;
  }
  if (!hit) throw new Error('WebCrypto missed the secret');
});

await inChromium();
process.exit(0);

/** The bundled worker in headless Chromium, driven through the protocol of lib/jwt/crack/protocol.ts. */
async function inChromium() {
  const executablePath = findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    console.log('Chromium Web Worker: not measured — no Chromium found (set CHROMIUM_PATH).');
    return;
  }
  const { rolldown } = await import('rolldown');
  const { chromium } = await import('playwright-core');
  const bundle = await rolldown({ input: `${root}lib/jwt/crack/crack.worker.ts`, platform: 'browser', logLevel: 'warn' });
  const workerJs = (await bundle.generate({ format: 'esm', minify: true })).output[0].code;
  if (/\bnode:/.test(workerJs)) throw new Error('the worker bundle imports node: modules');
  const page = `<!doctype html><meta charset="utf-8"><title>crack bench</title><script type="module">
    window.crack = (token, url) => new Promise((resolve) => {
      const worker = new Worker('/crack.worker.js', { type: 'module' });
      const progress = [];
      worker.onmessage = ({ data }) => {
        if (data.type === 'crack.progress') progress.push(data.tried);
        else { worker.terminate(); resolve({ ...data, progressReports: progress.length }); }
      };
      worker.onerror = (e) => resolve({ type: 'worker.error', message: e.message });
      worker.postMessage({ type: 'crack.start', token, wordlist: { url } });
    });
  </script>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (path === '/crack.worker.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(workerJs);
    else if (path === `/${WORDLIST}`) res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await tab.evaluate(([t, u]) => window.crack(t, u), [token, `/${WORDLIST}`]));
    for (const r of runs)
      if (r.type !== 'crack.done' || r.found !== secret || r.tried !== total) throw new Error(`worker answered ${JSON.stringify(r)}`);
    const rates = runs.map((r) => r.rate);
    console.log(
      `Chromium ${browser.version()} Web Worker (crack.worker.ts, rolldown bundle ${(workerJs.length / 1024).toFixed(1)} KB): ` +
        `${rates.map(fmt).join(' / ')} guesses/s over 3 runs, best ${fmt(Math.max(...rates))} (${fmt(total)} in ${(runs[rates.indexOf(Math.max(...rates))].ms / 1000).toFixed(2)} s, ` +
        `${runs[0].progressReports} progress reports) — target ≥ 100,000`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
