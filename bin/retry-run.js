#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): an ESM entry would start Node's ESM loader, about a
// tenth of Node's own start-up, for nothing. The CLI is one bundled file (scripts/build.js).
require('./code-cache.js').runWithCodeCache(require.resolve('../dist/cli.cjs'));
