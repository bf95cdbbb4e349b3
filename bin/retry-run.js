#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): an ESM entry would start Node's ESM loader, about a
// tenth of Node's own start-up, for nothing. The CLI is one bundled file (scripts/build.js).
// Joined, not require.resolve'd: __dirname is already the real one (Node resolves the link npm
// makes for the bin), and resolving would look up every folder on the way for links again.
const { join } = require('node:path');
require('./code-cache.js').runWithCodeCache(join(__dirname, '..', 'dist', 'cli.cjs'));
