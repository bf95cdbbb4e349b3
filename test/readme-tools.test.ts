import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinTools } from '../src/tools/builtin.js';

const BUILTIN_TOOLS = builtinTools();
import { runCli } from './helpers/cli.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README "Known tools"', () => {
  it('shows the table `retry-run explain --tools` prints (node scripts/write-readme-tools.js)', async () => {
    const block = README.split('<!-- known-tools:start')[1]?.split('<!-- known-tools:end -->')[0];
    expect(block, 'README.md lost its known-tools markers').toBeDefined();
    const shown = block!.split('$ retry-run explain --tools\n')[1]?.split('```')[0];
    const result = await runCli(['explain', '--tools']);
    expect(result.code).toBe(0);
    expect(shown, 'stale: run npm run build && node scripts/write-readme-tools.js').toBe(
      result.stdout,
    );
  });

  it('names every command of the table, and no other, in its first column', () => {
    const section = README.split('### Known tools')[1]!.split('\n### ')[0]!;
    const cells = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((row) => row[1]!);
    const named = cells
      .slice(1)
      .flatMap((cell) => cell.split(/ \/ |, /))
      .filter((c) => !/^-+$/.test(c));
    const commands = Object.values(BUILTIN_TOOLS).flatMap((tool) => tool.commands);
    expect(named.sort()).toEqual(commands.sort());
  });
});
