#!/usr/bin/env node
// flowlab-mock — Flowlab's AS and RS on plain node:http (README "Standalone mock server").
// Runs the compiled bundle (npm run build → dist/mock/); no TypeScript loader needed. CommonJS, so that the thread
// pool is sized before Node reads any ES module (bin/thread-pool.cjs says why).
'use strict';
require('./thread-pool.cjs').sizeThreadPool();

import('../dist/mock/cli.mjs').then(async ({ main }) => {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
});
