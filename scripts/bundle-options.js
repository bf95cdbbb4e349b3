// The esbuild options of the CLI bundle, and what the other bundles share with it: imported by
// scripts/build.js, and by scripts/map-stack.js, which builds the same bundle again with a
// source map to read an internal error's stack trace.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const LAZY_VENDORS = ['undici', 'ioredis', 're2js'];
/**
 * The CLI bundle and the vendor files are each one function (bin/retry-run.js): a script
 * that bin/retry-run.js compiles as it is read, and a CommonJS module to require().
 */
const { BUNDLE_HEAD, BUNDLE_TAIL } = createRequire(import.meta.url)('../bin/retry-run.js');
export const asOneFunction = { banner: { js: BUNDLE_HEAD }, footer: { js: BUNDLE_TAIL } };

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  define: { __RETRY_RUN_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
};

/** Points `import('undici')` of the CLI bundle at its own vendor file beside it. */
export const vendorFiles = {
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
 * The functions src/ uses are listed, not read from the Node that builds: Node 24 exports more
 * from node:fs/promises, and those extra names changed the minified bundle, which must be the
 * same bytes whichever Node builds it (CI checks the committed one). Importing a function
 * missing here fails the build, naming it; add it. `constants` is node:fs's own.
 */
const LAZY_BUILTINS = {
  'fs/promises': {
    module: "require('node:fs').promises",
    functions: [
      'access',
      'lstat',
      'open',
      'readFile',
      'readdir',
      'readlink',
      'rename',
      'rm',
      'stat',
      'unlink',
      'writeFile',
    ],
    values: { constants: "require('node:fs').constants" },
  },
  child_process: { module: "require('node:child_process')", functions: ['execFile', 'spawn'] },
  'timers/promises': { module: "require('node:timers/promises')", functions: ['setTimeout'] },
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
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => {
      const { module, functions, values = {} } = LAZY_BUILTINS[path];
      const lines = [
        ...functions.map(
          (name) => `export function ${name}(...args) { return ${module}.${name}(...args); }`,
        ),
        ...Object.entries(values).map(([name, value]) => `export const ${name} = ${value};`),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * The CLI: one CommonJS file (scripts/build.js says why), minified. Shorter names make a
 * smaller code cache, which V8 deserialises faster: 366 -> 343 KB, and 1.4-2.1 ms less of every
 * start in the process (README "Performance"); whitespace alone made no difference. An
 * internal error's stack then names minified functions: scripts/map-stack.js reads it.
 */
export const cliOptions = {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  ...asOneFunction,
  // import() becomes require(): the bundle runs under vm.Script with a code cache
  // (bin/retry-run.js), where a real import() would need a loader callback.
  supported: { 'dynamic-import': false },
  minify: true,
  plugins: [vendorFiles, lazyBuiltins],
};
