// Reads an internal error's stack trace (README "Development"). The CLI bundle is minified, so
// its frames name short functions at columns of a few long lines; this builds the same bundle
// again with a source map and prints the trace with each place in dist/cli.cjs followed by
// its place in src/. Usage, in a checkout of the version that printed the trace:
//   npm ci && node scripts/map-stack.js < trace.txt
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cliOptions } from './bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { outputFiles } = await build({
  ...cliOptions,
  absWorkingDir: root,
  write: false,
  sourcemap: 'external',
  logLevel: 'error',
});
const output = (suffix) => outputFiles.find((file) => file.path.endsWith(suffix));
if (output('cli.cjs').text !== readFileSync(`${root}/dist/cli.cjs`, 'utf8')) {
  process.stderr.write(
    'map-stack: dist/cli.cjs is not the build of these sources: check out the version that printed the trace\n',
  );
  process.exitCode = 1;
}
const map = new SourceMap(JSON.parse(output('cli.cjs.map').text));

/** `src/cli/main.ts:87:3` for a 1-based line and column of the bundle, if the map has it. */
function original(line, column) {
  const entry = map.findEntry(line - 1, column - 1);
  if (!entry?.originalSource) return undefined;
  const source = entry.originalSource.replace(/^(file:\/\/)?(\.\.\/)*/, '');
  return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

const trace = readFileSync(0, 'utf8');
process.stdout.write(
  trace.replace(/cli\.cjs:(\d+):(\d+)/g, (place, line, column) => {
    const mapped = original(Number(line), Number(column));
    return mapped ? `${place} = ${mapped}` : place;
  }),
);
