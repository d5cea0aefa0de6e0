#!/usr/bin/env node
// What `npm run dev` and `npm start` run: scripts/serve.mjs (which says what it serves), entered through CommonJS so
// that `start` sizes libuv's thread pool before Node reads any ES module through it (bin/thread-pool.cjs says why).
// `dev` keeps libuv's default: Next.js's dev server reads and watches many files through the pool.
//
//   node scripts/serve.cjs dev   [-H host] [-p port] [--webpack]
//   node scripts/serve.cjs start [-H host] [-p port]
'use strict';
if (process.argv[2] === 'start') require('../bin/thread-pool.cjs').sizeThreadPool();

import('./serve.mjs').then((serve) => serve.main());
