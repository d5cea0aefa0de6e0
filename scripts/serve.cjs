#!/usr/bin/env node
// What `npm run dev` and `npm start` run: scripts/serve.mjs (which says what it serves), entered through CommonJS so
// that `start` sizes libuv's thread pool before Node reads any ES module through it (bin/thread-pool.cjs says why).
// `dev` keeps libuv's default: Next.js's dev server reads and watches many files through the pool.
//
//   node scripts/serve.cjs dev   [-H host] [-p port] [--webpack]
//   node scripts/serve.cjs start [-H host] [-p port]
'use strict';
const { parseArgs } = require('node:util');
const { SERVE_OPTIONS } = require('./serve-options.cjs');

/** The mode as serve.mjs's parseServeArgs reads it (the first positional, with the same flags), refusing nothing: that is its job. */
function modeOf(argv) {
  return parseArgs({ args: argv, strict: false, allowPositionals: true, options: SERVE_OPTIONS }).positionals[0];
}

if (modeOf(process.argv.slice(2)) === 'start') require('../bin/thread-pool.cjs').sizeThreadPool();

import('./serve.mjs')
  .then((serve) => serve.main())
  .catch((err) => {
    console.error('[flowlab] cannot start:', err);
    process.exitCode = 1;
  });
