// Builds dist/ with esbuild, shaped for start-up time (issue 9):
// - dist/cli.cjs: the whole CLI in one CommonJS file. One file means one read and one compile,
//   and CommonJS loads faster than an ESM graph on Node 20; code that only some runs need
//   (explain, HTTP, breaker, stats) is inside but initialised only when first imported.
// - dist/vendor/{undici,ioredis,re2js}.cjs: the large dependencies, each bundled on its own and
//   required only by the runs that need them, so a plain run never even parses them.
// - dist/index.js: the library, ESM, its chunks beside it; it loads the same vendor files, so
//   an install needs no package at run time (README, Install).
// Then tsc emits the library's type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { asOneFunction, cliOptions, common, LAZY_VENDORS, vendorFiles } from './bundle-options.js';

rmSync('dist', { recursive: true, force: true });

/**
 * The library's undici, ioredis and re2js are the CLI's vendor files too. Each becomes a small
 * CommonJS module requiring its file, through the `require` the banner gives every ESM chunk;
 * the chunks sit beside dist/index.js, so `./vendor/` means the same from each of them.
 */
const libraryVendorFiles = {
  name: 'library-vendor-files',
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_VENDORS.join('|')})$`);
    builder.onResolve({ filter }, ({ path }) => ({ path, namespace: 'vendor' }));
    builder.onLoad({ filter: /.*/, namespace: 'vendor' }, ({ path }) => ({
      contents: `module.exports = require('./vendor/${path}.cjs');`,
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/vendor\/\w+\.cjs$/ }, ({ path }) => ({
      path,
      external: true,
    }));
    vendorFiles.setup(builder);
  },
};

/**
 * undici loads `node:http2` when it starts, for HTTP/2, which retry-run never asks for (no
 * `allowH2`); with it come tls and http2's own internals, 12 ms of every HTTP run (README
 * "Performance"). undici already runs without it (a Node built without http2): its require
 * is in a try/catch that falls back to no HTTP/2, which this missing module takes.
 */
const withoutHttp2 = {
  name: 'without-http2',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?http2$/ }, () => ({
      path: 'http2',
      namespace: 'absent',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
      contents: "throw new Error('HTTP/2 is not part of retry-run (scripts/build.js)');",
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({
    ...common,
    // undici through the subset retry-run uses (scripts/vendor/undici.cjs), the others whole.
    entryPoints: { undici: 'scripts/vendor/undici.cjs', ioredis: 'ioredis', re2js: 're2js' },
    outdir: 'dist/vendor',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    ...asOneFunction,
    plugins: [withoutHttp2],
  }),
  build(cliOptions),
  build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    plugins: [libraryVendorFiles],
    // Bundled CommonJS dependencies (commander) call require(); give the ESM chunks one.
    banner: {
      js: "import { createRequire as __retryRunCreateRequire } from 'node:module'; const require = __retryRunCreateRequire(import.meta.url);",
    },
  }),
]);

// V8 keeps an all-ASCII source as one byte per character; a single other character (an em
// dash in a comment esbuild kept) doubles the bundle in memory and the work of loading it.
// esbuild escapes strings itself; this catches what it keeps verbatim.
for (const file of ['dist/cli.cjs', ...LAZY_VENDORS.map((name) => `dist/vendor/${name}.cjs`)]) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((text) => /[^\0-\x7f]/.test(text));
  if (line !== -1) {
    throw new Error(`${file}:${line + 1} is not ASCII (a comment in src/?): ${lines[line]}`);
  }
}

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
