// The load generator of `npm run bench servers`: wrk when it is installed (Debian's `wrk`), autocannon otherwise.
// Both get the same request description and report the same figures. wrk is the default because the load
// generator shares this machine's two cores with the servers: measured here (2026-12-07, /proc CPU time over
// 5 s runs against flowlab-mock), wrk spends 10–30 µs of CPU per request and autocannon 40–50 µs, CPU that
// `--workers 2` would otherwise have. BENCH_LOAD=autocannon (or wrk) picks one.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A scenario's request: `bearerTokens`, when given, are sent in turn as `Authorization: Bearer …`, one per request.
 * @typedef {{ url: string, method?: string, headers?: Record<string, string>, body?: string, bearerTokens?: string[] }} LoadRequest
 * @typedef {{ rps: number, total: number, p50: number, p99: number, failed: number }} LoadResult
 */

const hasWrk = () => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

/** The generator chosen by BENCH_LOAD, else wrk when it is on the PATH, else autocannon. */
export function chooseLoadGenerator(wanted = process.env.BENCH_LOAD || undefined) {
  if (wanted === 'autocannon') return autocannonLoad;
  if (wanted !== undefined && wanted !== 'wrk') throw new Error(`BENCH_LOAD must be wrk or autocannon, not ${JSON.stringify(wanted)}`);
  if (hasWrk()) return wrkLoad;
  if (wanted === 'wrk') throw new Error('BENCH_LOAD=wrk, but wrk is not installed (apt-get install wrk)');
  return autocannonLoad;
}

/** Rotating tokens carry the only Authorization header: the two generators would otherwise treat a second one differently. */
function checkRequest(request) {
  if (request.bearerTokens && Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'authorization'))
    throw new Error('a request with bearerTokens sets its own Authorization header');
}

const autocannonLoad = {
  name: 'autocannon',
  /** @param {LoadRequest} request @returns {Promise<LoadResult>} */
  async run(request, { connections, seconds }) {
    checkRequest(request);
    const { bearerTokens, ...plain } = request;
    let next = 0;
    const options = bearerTokens
      ? {
          url: request.url,
          requests: [
            {
              method: request.method ?? 'GET',
              setupRequest: (req) => ({
                ...req,
                headers: { ...req.headers, authorization: `Bearer ${bearerTokens[next++ % bearerTokens.length]}` },
              }),
            },
          ],
        }
      : plain;
    const r = await autocannon({ ...options, connections, duration: seconds });
    return {
      rps: r.requests.average,
      total: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      failed: r.non2xx + r.errors + r.timeouts,
    };
  },
};

/** A Lua string literal (wrk's scripts are Lua): every byte outside printable ASCII, and `"` and `\`, as a three-digit `\ddd` escape (a shorter one would swallow a digit after it). */
const lua = (text) =>
  `"${[...Buffer.from(text)].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${String(b).padStart(3, '0')}`)).join('')}"`;

/** The wrk script of a request: its method, headers and body, the rotating tokens, and a last line of figures to parse. */
function wrkScript(request) {
  const lines = [`wrk.method = ${lua(request.method ?? 'GET')}`];
  if (request.body !== undefined) lines.push(`wrk.body = ${lua(request.body)}`);
  for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`wrk.headers[${lua(name)}] = ${lua(value)}`);
  if (request.bearerTokens) {
    lines.push(`local tokens = {${request.bearerTokens.map((t) => lua(`Bearer ${t}`)).join(',\n')}}`);
    lines.push('local i = 0');
    lines.push('request = function()');
    lines.push('  i = i % #tokens + 1');
    lines.push('  wrk.headers["Authorization"] = tokens[i]');
    lines.push('  return wrk.format()');
    lines.push('end');
  }
  // summary.errors.status counts answers with a status above 399, and autocannon's non2xx every non-2xx one: the
  // same here, where a scenario's answer is 200 or an error. (A wrk `response` function could count 3xx too, but
  // defining one makes wrk read every header and body, which costs load-generator CPU on every request.)
  lines.push('done = function(summary, latency)');
  lines.push('  local e = summary.errors');
  lines.push(
    '  io.write(string.format("FLOWLAB-LOAD %d %d %d %d %d\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))',
  );
  lines.push('end');
  return `${lines.join('\n')}\n`;
}

const wrkLoad = {
  name: 'wrk',
  /** @param {LoadRequest} request @returns {Promise<LoadResult>} */
  async run(request, { connections, seconds }) {
    checkRequest(request);
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-bench-'));
    try {
      const script = join(dir, 'request.lua');
      writeFileSync(script, wrkScript(request));
      // One thread: one core's worth of load generator at most, as autocannon (one event loop) is.
      const out = await new Promise((resolve, reject) => {
        // --timeout 10s: autocannon's default, so a slow answer counts alike in both.
        const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, request.url], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout.on('data', (chunk) => (text += chunk));
        child.stderr.on('data', (chunk) => (text += chunk));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text.slice(-500)}`))));
      });
      const line = out.split('\n').find((l) => l.startsWith('FLOWLAB-LOAD '));
      if (!line) throw new Error(`wrk printed no figures: ${out.slice(-500)}`);
      const [total, durationUs, failed, p50Us, p99Us] = line.split(' ').slice(1).map(Number);
      const ms = (us) => Math.round(us / 100) / 10;
      return { rps: total / (durationUs / 1e6), total, p50: ms(p50Us), p99: ms(p99Us), failed };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
