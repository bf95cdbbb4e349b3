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
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const LAZY_VENDORS = ['undici', 'ioredis', 're2js'];
/**
 * The CLI bundle and the vendor files are each one function (bin/code-cache.js): a script
 * that bin/code-cache.js compiles as it is read, and a CommonJS module to require().
 */
const { BUNDLE_HEAD, BUNDLE_TAIL } = createRequire(import.meta.url)('../bin/code-cache.js');
const asOneFunction = { banner: { js: BUNDLE_HEAD }, footer: { js: BUNDLE_TAIL } };
rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  define: { __RETRY_RUN_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
};

/** Points `import('undici')` of the CLI bundle at its own vendor file beside it. */
const vendorFiles = {
  name: 'vendor-files',
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_VENDORS.join('|')})$`);
    builder.onResolve({ filter }, ({ path }) => ({ path: `./vendor/${path}.cjs`, external: true }));
    // re2js is needed synchronously (a regex is compiled while options are parsed), so its
    // loader becomes a plain require of the vendor file instead of the library's createRequire.
    builder.onLoad({ filter: /[\\/]src[\\/]conditions[\\/]load-re2js\.ts$/ }, () => ({
      contents: "export const loadRe2js = () => require('./vendor/re2js.cjs');",
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/vendor\/re2js\.cjs$/ }, ({ path }) => ({
      path,
      external: true,
    }));
  },
};

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

/**
 * Node modules that some runs never need, loaded on first use instead of when the modules
 * that import them are initialised at start-up: each of their functions is a function of the
 * same name that requires the module when called.
 * - node:fs/promises takes 1.7 ms to load, while a plain run may never call it (the history
 *   append is synchronous); Node's own `fs.promises` is lazy too.
 * - node:child_process (with net, dgram and their kin, about 5 ms) is needed by a command
 *   run, but never by an HTTP one; commander requires it for executable subcommands, which
 *   retry-run does not have.
 * - node:timers/promises (0.1-0.2 ms) only when an attempt's processes are waited for.
 * ES modules, not CommonJS: esbuild copies a CommonJS module's exports into an object of
 * getters at every file that imports it (a dozen here: half a millisecond at start-up).
 * What is not a function is not offered (the build then fails on it), except fs/promises'
 * `constants`, which is node:fs's own.
 */
const LAZY_BUILTINS = {
  'fs/promises': { module: "require('node:fs').promises", values: "require('node:fs')" },
  child_process: { module: "require('node:child_process')" },
  'timers/promises': { module: "require('node:timers/promises')" },
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(builder) {
    const filter = new RegExp(`^(node:)?(${Object.keys(LAZY_BUILTINS).join('|')})$`);
    builder.onResolve({ filter }, ({ path, namespace }) =>
      // The functions' own require is Node's module itself.
      namespace === 'lazy-builtin'
        ? { path, external: true }
        : { path: path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async ({ path }) => {
      const loaded = await import(`node:${path}`);
      const { module, values } = LAZY_BUILTINS[path];
      const lines = Object.keys(loaded)
        .filter((name) => name !== 'default')
        .map((name) => {
          if (typeof loaded[name] === 'function') {
            return `export function ${name}(...args) { return ${module}.${name}(...args); }`;
          }
          return values ? `export const ${name} = ${values}.${name};` : '';
        });
      return { contents: lines.join('\n'), loader: 'js' };
    });
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
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    ...asOneFunction,
    // import() becomes require(): the bundle runs under vm.Script with a code cache
    // (bin/code-cache.js), where a real import() would need a loader callback.
    supported: { 'dynamic-import': false },
    plugins: [vendorFiles, lazyBuiltins],
  }),
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
