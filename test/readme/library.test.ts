import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const LIBRARY = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;
const scratch = mkdtempSync(join(tmpdir(), 'retry-run-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The ```ts blocks of one `## ` section of the README. */
function codeBlocks(section: string): string[] {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(`\n## ${section}\n`);
  const end = text.indexOf('\n## ', start + 1);
  const body = text.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** `console.log(x); // 7`: the lines the README says a block prints. */
function promisedLines(code: string): string[] {
  return [...code.matchAll(/^console\.log\(.*\); \/\/ (.+)$/gm)].map((match) => match[1]!);
}

describe("README's Library section", () => {
  const blocks = codeBlocks('Library');

  it('has the retryAsync example first', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks[0]).toContain('retryAsync(');
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))(
    'example %i runs as written against the built dist/index.js',
    async (index, code) => {
      const file = join(scratch, `example-${index}.mjs`);
      writeFileSync(file, code.replaceAll("from 'retry-run'", `from '${LIBRARY}'`));
      const { stdout } = await run(process.execPath, [file], { cwd: scratch });
      const lines = stdout.split('\n');
      const promised = promisedLines(code);
      expect(promised.length).toBeGreaterThan(0);
      for (const line of promised) expect(lines).toContain(line);
    },
  );
});
