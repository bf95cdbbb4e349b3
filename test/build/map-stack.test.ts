import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bundle = readFileSync(`${ROOT}dist/cli.cjs`, 'utf8');

/** Where `text` is in a file: 1-based line and column. */
function placeOf(source: string, text: string): { line: number; column: number } {
  const at = source.indexOf(text);
  expect(at).toBeGreaterThan(-1);
  const before = source.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('scripts/map-stack.js, for the stack of an internal error from the minified bundle', () => {
  it('follows each place in dist/cli.cjs with its place in src/', () => {
    const frames = [
      ['src/cli/report-error.ts', 'internal error: '],
      ['src/config/http.ts', '--data and --json cannot be used together'],
    ] as const;
    const places = frames.map(([, text]) => placeOf(bundle, text));
    const trace = [
      'retry-run: internal error: TypeError: x is not a function',
      ...places.map(
        ({ line, column }, i) => `    at f${i} (/opt/retry-run/dist/cli.cjs:${line}:${column})`,
      ),
    ].join('\n');
    const result = spawnSync(process.execPath, [`${ROOT}scripts/map-stack.js`], {
      input: trace,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('retry-run: internal error: TypeError: x is not a function');
    frames.forEach(([file, text], i) => {
      const { line } = placeOf(readFileSync(`${ROOT}${file}`, 'utf8'), text);
      const { line: bundleLine, column } = places[i]!;
      expect(lines[i + 1]).toMatch(
        new RegExp(
          `^    at f${i} \\(/opt/retry-run/dist/cli\\.cjs:${bundleLine}:${column} = ${file}:${line}:\\d+\\)$`,
        ),
      );
    });
  });
});
