'use strict';
// The flags of scripts/serve.mjs's command line (node:util parseArgs options), in CommonJS so that scripts/serve.cjs can
// read the mode with them before any ES module is loaded, and both read one table.
exports.SERVE_OPTIONS = {
  hostname: { type: 'string', short: 'H' },
  port: { type: 'string', short: 'p' },
  webpack: { type: 'boolean' },
  turbopack: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
