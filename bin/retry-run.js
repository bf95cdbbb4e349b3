#!/usr/bin/env node
// Loads the bundled CLI. Node's compile cache (Node >= 22.1) makes later starts faster.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
