import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const node = process.execPath;
const failTimes = (n: number, code = 1) => [
  node,
  `${FIXTURES}fail-n-times.js`,
  String(n),
  String(code),
];

async function stepSummaryFile() {
  const dir = await mkdtemp(join(tmpdir(), 'retry-run-gha-'));
  const path = join(dir, 'step-summary.md');
  await writeFile(path, '# earlier step\n');
  return path;
}

const github = (summary: string) => ({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
const commands = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('::'));

describe('in GitHub Actions', () => {
  it('warns on stderr when a run needed retries, and appends a summary table', async () => {
    const summary = await stepSummaryFile();
    const result = await runCli(
      ['--name', 'unit-tests', '-s', 'fixed', '-b', '1ms', '--', ...failTimes(2)],
      {
        env: github(summary),
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('fixture: attempt 3 succeeds\n');
    expect(commands(result.stderr)).toEqual([
      '::warning title=retry-run%3A unit-tests::unit-tests needed 3 attempts to succeed; failures: exit:1 ×2',
    ]);
    const markdown = await readFile(summary, 'utf8');
    expect(markdown.startsWith('# earlier step\n')).toBe(true);
    expect(markdown).toContain('### ✅ retry-run `unit-tests`: succeeded after 3 attempts');
    expect(markdown).toContain('| attempt | result | reason | duration | wait after |');
    expect(markdown).toMatch(/\| 1 \| ❌ failure \| `exit:1` \| \d+ms \| 1ms \|/);
    expect(markdown).toMatch(/\| 3 \| ✅ success \| {2}\| \d+ms \| {2}\|/);
  });

  it('reports a final failure as ::error with the name and reason', async () => {
    const summary = await stepSummaryFile();
    const result = await runCli(
      ['--name', 'deploy', '-n', '2', '-b', '0', '--', ...failTimes(5, 4)],
      {
        env: github(summary),
      },
    );
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(commands(result.stderr)).toEqual([
      '::error title=retry-run%3A deploy::deploy: exhausted after 2 attempts (exit:4): all 2 attempts failed; exit 4',
    ]);
    expect(await readFile(summary, 'utf8')).toContain(
      '### ❌ retry-run `deploy`: exhausted after 2 attempts',
    );
  });

  it('stays quiet below --warn-after, and outside GitHub Actions', async () => {
    const summary = await stepSummaryFile();
    const below = await runCli(['--warn-after', '3', '-b', '0', '--', ...failTimes(1)], {
      env: github(summary),
    });
    expect(below.code).toBe(0);
    expect(commands(below.stderr)).toEqual([]);
    const outside = await runCli(['-b', '0', '--', ...failTimes(5)], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(outside.code).toBe(1);
    expect(commands(outside.stderr)).toEqual([]);
    expect(await readFile(summary, 'utf8')).not.toContain('exhausted');
  });

  it('escapes workflow-command property values', async () => {
    const summary = await stepSummaryFile();
    const result = await runCli(['--name', 'db:migrate', '-n', '1', '-S', 'echo out; exit 3'], {
      env: github(summary),
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('out\n');
    expect(commands(result.stderr)).toEqual([
      '::error title=retry-run%3A db%3Amigrate::db:migrate: exhausted after 1 attempt (exit:3): the only attempt failed; exit 3',
    ]);
  });

  it('warns once and keeps the exit code when the step summary cannot be written', async () => {
    const result = await runCli(['--step-summary', 'always', '-b', '0', '--', ...failTimes(0)], {
      env: github(join(tmpdir(), 'retry-run-no-such-dir', 'summary.md')),
    });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/warning: could not append to GITHUB_STEP_SUMMARY/g)).toHaveLength(
      1,
    );
  });
});

describe('the step summary of one run is bounded', () => {
  it('a command of 20,000 arguments adds a few KiB, not the whole command line', async () => {
    const summary = await stepSummaryFile();
    const args = Array.from({ length: 20_000 }, (_, i) => `argument-${i}`);
    const result = await runCli(['-n', '1', '--', 'false', ...args], { env: github(summary) });
    expect(result.code).toBe(1);
    const added = (await readFile(summary, 'utf8')).slice('# earlier step\n'.length);
    expect(Buffer.byteLength(added)).toBeLessThan(4096);
    expect(added).toContain('false argument-0 argument-1 ');
    expect(added).toMatch(/ ar[a-z0-9-]*…\n```/);
  });

  it('a run of many attempts shows its first and last ten, and how many are left out', async () => {
    const summary = await stepSummaryFile();
    const result = await runCli(['-n', '40', '-b', '0', '--', 'false'], { env: github(summary) });
    expect(result.code).toBe(1);
    const added = (await readFile(summary, 'utf8')).slice('# earlier step\n'.length);
    const rows = added.split('\n').filter((line) => /^\| (\d+|…) \|/.test(line));
    expect(rows).toHaveLength(21);
    expect(rows[9]).toMatch(/^\| 10 \|/);
    expect(rows[10]).toBe('| … | 20 more attempts | | | |');
    expect(rows[11]).toMatch(/^\| 31 \|/);
    expect(rows[20]).toMatch(/^\| 40 \|/);
  });
});
