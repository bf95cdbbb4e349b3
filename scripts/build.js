// Bundles the CLI and the library with esbuild (one file each plus lazily loaded chunks), then
// emits the library's type declarations with tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __RETRY_RUN_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies (commander, ioredis) call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __retryRunCreateRequire } from 'node:module'; const require = __retryRunCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
