'use strict';
// The size of libuv's thread pool for flowlab-mock (and `npm start`). The pool runs the resource server's ES256
// checks (lib/realms/node-signing.ts verifyOwnSignature): about 0.1 ms of CPU each, on every call with a token the
// RS has not seen. libuv's default is 4 threads whatever the machine. On 2 cores that is 4 pool threads and the
// event loop taking turns on 2 cores: a pool thread sleeps between checks, and every check wakes one (a futex wake,
// and a context switch on each side). One thread per core besides the event loop's keeps the pool busy instead:
// measured with `npm run bench -- servers` (2026-12-08, 2 cores, RS with 1500 tokens rotating, five interleaved
// rounds), 4,691 req/s with 4 threads, 5,007 with 2, 7,382 with 1.
//
// Plain CommonJS, loaded before anything else: libuv reads UV_THREADPOOL_SIZE once, when the pool first runs a
// task, and Node reads an ES module entry through the pool, so an ES module would set it too late.
const { availableParallelism } = require('node:os');

/** The pool size to run with: the operator's UV_THREADPOOL_SIZE when set, else one thread per core besides the event loop's (at least 1). */
function threadPoolSize(env, cores) {
  const given = env.UV_THREADPOOL_SIZE;
  if (given !== undefined && given.trim() !== '') return given; // libuv parses it (and clamps it to 1…1024)
  return String(Math.max(1, cores - 1));
}

/** Sizes this process's pool, and through the environment that of the workers it forks (--workers N). */
function sizeThreadPool(env = process.env, cores = availableParallelism()) {
  env.UV_THREADPOOL_SIZE = threadPoolSize(env, cores);
}

module.exports = { threadPoolSize, sizeThreadPool };
