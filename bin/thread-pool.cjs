'use strict';
// The size of libuv's thread pool for flowlab-mock (and `npm start`). The pool runs the resource server's ES256
// checks (lib/realms/node-signing.ts verifyOwnSignature): about 0.1 ms of CPU each, on every call with a token the
// RS has not seen. libuv's default is 4 threads whatever the machine. On 2 cores that is 4 pool threads and the
// event loop taking turns on 2 cores: a pool thread sleeps between checks, and every check wakes one (a futex wake,
// and a context switch on each side). The cores the event loops leave, shared out, keep the pool busy instead:
// measured with `npm run bench -- servers` (2026-12-08, 2 cores, RS with 1500 tokens rotating, five interleaved
// rounds), 4,691 req/s with 4 threads, 5,007 with 2, 7,382 with 1.
//
// The pool also runs DNS lookups (the Redis host, at connect and reconnect), file reads and zlib: with one thread
// they queue with the checks. UV_THREADPOOL_SIZE, when set, wins.
//
// Plain CommonJS, loaded before anything else: libuv reads UV_THREADPOOL_SIZE once, when the pool first runs a
// task, and Node reads an ES module entry through the pool, so an ES module would set it too late. Checked on Linux
// (the installed-package test counts the threads); elsewhere, set UV_THREADPOOL_SIZE in the shell to be sure.
const { availableParallelism } = require('node:os');

/**
 * The pool size for each of `processes` processes on `cores` cores (`--workers N` runs N): the operator's
 * UV_THREADPOOL_SIZE when set, else the cores the event loops leave, shared out, and at least 1.
 */
function threadPoolSize(env, cores, processes = 1) {
  const given = env.UV_THREADPOOL_SIZE;
  if (given !== undefined && given.trim() !== '') return given; // libuv parses it (and clamps it to 1…1024)
  return String(Math.max(1, Math.floor((cores - processes) / processes)));
}

/** How many serving processes a flowlab-mock command line asks for: `--workers N` (or `--workers=N`), else 1. The CLI validates N. */
function processesOf(argv) {
  let value;
  argv.forEach((arg, i) => {
    if (arg === '--workers') value = argv[i + 1];
    else if (arg.startsWith('--workers=')) value = arg.slice('--workers='.length);
  });
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Sizes this process's pool, and through the environment that of the workers it forks (they inherit it). */
function sizeThreadPool(processes = 1, env = process.env, cores = availableParallelism()) {
  env.UV_THREADPOOL_SIZE = threadPoolSize(env, cores, processes);
}

module.exports = { threadPoolSize, processesOf, sizeThreadPool };
