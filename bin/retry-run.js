#!/usr/bin/env node
// Loads the bundled CLI (one CommonJS file: see scripts/build.js for why). Node's compile
// cache, where the running Node has it (>= 22.1), makes later starts faster still.
import module from 'node:module';

module.enableCompileCache?.();
module.createRequire(import.meta.url)('../dist/cli.cjs');
