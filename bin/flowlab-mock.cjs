#!/usr/bin/env node
// flowlab-mock — Flowlab's AS and RS on plain node:http (README "Standalone mock server").
// Runs the compiled bundle (npm run build → dist/mock/); no TypeScript loader needed. CommonJS, so that the thread
// pool is sized before Node reads any ES module (bin/thread-pool.cjs says why).
'use strict';
const { processesOf, sizeThreadPool } = require('./thread-pool.cjs');

sizeThreadPool(processesOf(process.argv.slice(2)));

import('../dist/mock/cli.mjs')
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (err) => {
      console.error('flowlab-mock: cannot start:', err);
      process.exitCode = 1;
    },
  );
