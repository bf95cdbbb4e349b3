import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering ARCHITECTURE.md describes, top first. A folder may import from its own layer and
 * from any layer below it, never from one above: data flows argv → config → engine ⇄ runner →
 * events → reporters, and what every layer reads sits at the bottom.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['.'], // src/index.ts: the library's public entry
  ['cli', 'cli/options'],
  ['explain'],
  ['config'],
  ['stats'],
  ['report'],
  ['runners/command', 'runners/http'],
  ['runners'],
  ['budget'],
  ['breaker'],
  ['engine'],
  ['store'],
  ['tools'],
  ['conditions'],
  ['backoff'],
  ['shared'],
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, dirname(file)) || '.';

/** Every relative module a file imports, `import type` and `import()` included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = text.matchAll(
    /(?:^|\s)(?:import|export)\b[^'"`;]*?from\s*['"](\.\.?\/[^'"]+)['"]|import\(\s*['"](\.\.?\/[^'"]+)['"]\s*\)/g,
  );
  return [...specifiers].map((m) => resolve(dirname(file), (m[1] ?? m[2])!));
}

function rankOf(folder: string): number {
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  if (rank < 0)
    throw new Error(`src/${folder} is in no layer: add it to LAYERS and ARCHITECTURE.md`);
  return rank;
}

describe('the layering of src/', () => {
  const files = sourceFiles(SRC);

  it('puts every folder in a layer', () => {
    for (const file of files) expect(() => rankOf(folderOf(file))).not.toThrow();
  });

  it('has no import from a lower folder to a higher one', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to.startsWith('..')) continue; // outside src/ (package.json), not a layer
        if (rankOf(to) < rankOf(from)) {
          upward.push(`src/${relative(SRC, file)} imports src/${relative(SRC, target)}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('sees the imports it checks (the checker itself works)', () => {
    const run = files.find((f) => f.endsWith('cli/run.ts'))!;
    expect(importsOf(run).some((t) => t.includes('/engine/'))).toBe(true);
  });
});
