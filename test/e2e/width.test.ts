import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const node = process.execPath;
const COLUMNS = 80;

/** Lines wider than 80 columns, counted in characters (`▁▂` and `×` are one column each). */
const tooWide = (text: string) =>
  text.split('\n').filter((line) => Array.from(line).length > COLUMNS);

describe('80 columns', () => {
  it.each([
    [[]],
    [['explain']],
    [['stats']],
    [['breaker']],
    [['breaker', 'status']],
    [['completion']],
  ])('retry-run %j --help fits', async (command) => {
    const result = await runCli([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').length).toBeGreaterThan(5);
    expect(tooWide(result.stdout)).toEqual([]);
  });

  it('stats fits, dropping the trend and cutting the failure reasons short', async () => {
    const state = await mkdtemp(join(tmpdir(), 'retry-run-width-'));
    // Five different failure reasons, and a few runs for the trend.
    for (const code of [3, 4, 5, 6, 7, 0, 0]) {
      const result = await runCli([
        '--state',
        state,
        '--name',
        'deploy',
        '-n',
        '1',
        '--',
        node,
        `${FIXTURES}exit-with.js`,
        String(code),
      ]);
      expect(result.code).toBe(code);
    }
    const stats = await runCli(['stats', '--state', state]);
    expect(stats.code).toBe(0);
    const [header, row] = stats.stdout.split('\n');
    expect(header).toMatch(
      /^name\s+runs\s+success\s+first try\s+attempts mean\/p95\s+waited\s+top/,
    );
    expect(row).toMatch(/^deploy\s+7\s+28\.6%\s+28\.6%\s+1\.00 \/ 1\s+0ms\s+exit:\d ×1, /);
    expect(row).toMatch(/…$/);
    expect(tooWide(stats.stdout)).toEqual([]);
  });
});
