import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/report/history-record.js';
import { parseExposition } from '../helpers/exposition-parser.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

const node = process.execPath;
const failTimes = (n: number) => [node, `${FIXTURES}fail-n-times.js`, String(n)];
const tempDir = () => mkdtemp(join(tmpdir(), 'retry-run-history-'));

async function readHistory(state: string, name: string): Promise<HistoryRecord[]> {
  const text = await readFile(join(state, 'history', `${name}.jsonl`), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as HistoryRecord);
}

describe('run history', () => {
  it('stats hints once to use --name when a name covers several different commands', async () => {
    const state = await tempDir();
    const exitWith = (code: string) => [node, `${FIXTURES}exit-with.js`, code];
    for (const args of [
      ['--name', 'build', '--', ...exitWith('0')],
      ['--name', 'build', '--', node, `${FIXTURES}fail-n-times.js`, '0'],
      ['--name', 'lint', '--', ...exitWith('0')],
      ['--name', 'lint', '--', ...exitWith('0')],
    ]) {
      expect((await runCli(['--state', state, ...args])).code).toBe(0);
    }
    const stats = await runCli(['stats', '--state', state]);
    expect(stats.code).toBe(0);
    expect(stats.stderr).toBe(
      "retry-run: hint: 'build' covers several different commands: give each its own --name to tell them apart\n",
    );
    expect(stats.stdout).toMatch(/^build\s+2 /m);
  });

  it('names a -S script after its first real command, and curl after its URL', async () => {
    const state = await tempDir();
    const script = `set -e; cd /; export A=b; echo go; ${node} ${FIXTURES}exit-with.js 0`;
    expect((await runCli(['--state', state, '-S', script])).code).toBe(0);
    const curl = 'curl -fsS --max-time 0.001 https://127.0.0.1:1/v1/items || true';
    expect((await runCli(['--state', state, '-S', `trap "" EXIT; ${curl}`])).code).toBe(0);
    const names = (await readdir(join(state, 'history'))).sort();
    expect(names).toEqual(['127.0.0.1%3A1%2Fv1.jsonl', 'node.jsonl']);
  });

  it('records each run under --name, with no trace of the command line', async () => {
    const state = await tempDir();
    const secret = 'Bearer-s3cr3t';
    const result = await runCli([
      '--state',
      state,
      '--name',
      'deploy',
      '-b',
      '1ms',
      '-S',
      `test "$RETRY_RUN_ATTEMPT" -ge 2 || { echo "${secret}"; exit 4; }`,
    ]);
    expect(result.code).toBe(0);
    const [record, ...rest] = await readHistory(state, 'deploy');
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      v: 1,
      name: 'deploy',
      mode: 'command',
      outcome: 'success',
      attempts: 2,
      exitCode: 0,
      failures: { 'exit:4': 1 },
    });
    expect(Date.parse(record!.at)).not.toBeNaN();
    expect(JSON.stringify(record)).not.toContain(secret);
  });

  it('names a run after the command basename by default, and --no-record keeps none', async () => {
    const state = await tempDir();
    expect((await runCli(['--state', state, '--', node, '-e', ''])).code).toBe(0);
    expect((await readHistory(state, 'node')).length).toBe(1);
    expect((await runCli(['--state', state, '--no-record', '--', node, '-e', ''])).code).toBe(0);
    expect((await readHistory(state, 'node')).length).toBe(1);
  });

  it('loses no record when many processes write at once', async () => {
    const state = await tempDir();
    const runs = 12;
    const results = await Promise.all(
      Array.from({ length: runs }, (_, i) =>
        runCli(['--state', state, '--name', 'parallel', '-b', '1ms', '--', ...failTimes(i % 3)]),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(Array(runs).fill(0));
    expect(results.every((r) => !r.stderr.includes('warning'))).toBe(true);
    const records = await readHistory(state, 'parallel');
    expect(records).toHaveLength(runs);
    expect(records.map((r) => r.attempts).sort()).toEqual(
      Array.from({ length: runs }, (_, i) => (i % 3) + 1).sort(),
    );

    const stats = await runCli(['stats', '--state', state, '--format', 'json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual([
      expect.objectContaining({
        name: 'parallel',
        runs,
        successRate: 1,
        firstAttemptSuccessRate: Number((4 / 12).toFixed(4)),
        meanAttempts: 2,
        p95Attempts: 3,
        topReasons: [{ reason: 'exit:1', count: 12 }],
      }),
    ]);
  });

  it('a store that cannot be written costs one warning line, never the run', async () => {
    const dir = await tempDir();
    const notADirectory = join(dir, 'file');
    await writeFile(notADirectory, 'not a directory\n');
    const result = await runCli([
      '--state',
      join(notADirectory, 'state'),
      '-b',
      '1ms',
      '--',
      ...failTimes(1),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('fixture: attempt 2 succeeds\n');
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^retry-run: warning: run not recorded in the history: /);
  });
});

describe('retry-run stats', () => {
  it('shows a table, flakiest first, and OpenMetrics ending with # EOF', async () => {
    const state = await tempDir();
    for (const failures of [0, 1, 2]) {
      await runCli([
        '--state',
        state,
        '--name',
        'flaky',
        '-b',
        '1ms',
        '--',
        ...failTimes(failures),
      ]);
    }
    await runCli(['--state', state, '--name', 'steady', '--', node, '-e', '']);
    const table = await runCli(['stats', '--state', state]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^name\s+runs\s+success\s+first try\s+attempts mean\/p95\s+waited\s+trend/,
    );
    expect(lines[1]).toMatch(/^flaky\s+3\s+100\.0%\s+33\.3%\s+2\.00 \/ 3\s+\S+\s+▁██\s+exit:1 ×3$/);
    expect(lines[2]).toMatch(/^steady\s+1\s+100\.0%\s+100\.0%\s+1\.00 \/ 1\s+0ms\s+▁\s+-$/);

    const metrics = await runCli([
      'stats',
      '--state',
      state,
      '--name',
      'flaky',
      '--format',
      'openmetrics',
    ]);
    expect(metrics.stdout.endsWith('# EOF\n')).toBe(true);
    const runs = parseExposition(metrics.stdout).find((f) => f.name === 'retry_run_history_runs')!;
    expect(runs.samples).toEqual([
      { name: 'retry_run_history_runs', labels: { name: 'flaky' }, value: 3 },
    ]);
  });

  it('says so when nothing was recorded, and rejects a bad --since or --format with 125', async () => {
    const state = await tempDir();
    const empty = await runCli(['stats', '--state', state, '--since', '1d']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/no runs recorded since .* in /);
    const badSince = await runCli(['stats', '--state', state, '--since', 'lately']);
    expect(badSince.code).toBe(125);
    expect(badSince.stderr).toContain(
      "--since: expected a duration such as 7d, 12h or 1d12h, or a date (got 'lately')",
    );
    const badFormat = await runCli(['stats', '--state', state, '--format', 'csv']);
    expect(badFormat.code).toBe(125);
    expect(badFormat.stderr).toContain('--format');
  });
});

describe('--metrics-file', () => {
  it('keeps exact counters when concurrent runs rewrite the file, leaving no temp files', async () => {
    const dir = await tempDir();
    const path = join(dir, 'retry-run.prom');
    const runs = 8;
    const results = await Promise.all(
      Array.from({ length: runs }, () =>
        runCli([
          '--no-record',
          '--metrics-file',
          path,
          '--name',
          'job',
          '-b',
          '1ms',
          '--',
          ...failTimes(1),
        ]),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(Array(runs).fill(0));
    const families = parseExposition(await readFile(path, 'utf8'), 'prometheus');
    const value = (name: string) => families.find((f) => f.name === name)!.samples[0]!.value;
    expect(value('retry_run_runs_total')).toBe(runs);
    expect(value('retry_run_attempts_total')).toBe(2 * runs);
    expect(value('retry_run_last_run_success')).toBe(1);
    expect(await readdir(dir)).toEqual(['retry-run.prom']);
  });
});

describe('with a circuit breaker', () => {
  it('records under the breaker name and exports its state in the metrics file', async () => {
    const state = await tempDir();
    const metrics = join(state, 'retry-run.prom');
    const args = ['--state', state, '--metrics-file', metrics, '--breaker', 'payments-api'];
    const failing = await runCli([
      ...args,
      '--breaker-threshold',
      '2',
      '-n',
      '3',
      '-b',
      '1ms',
      '--',
      ...failTimes(9),
    ]);
    expect(failing.code).toBe(1);
    const records = await readHistory(state, 'payments-api');
    expect(records.map((r) => [r.name, r.outcome, r.attempts])).toEqual([
      ['payments-api', 'circuit-open', 2],
    ]);
    const families = parseExposition(await readFile(metrics, 'utf8'), 'prometheus');
    const gauge = families.find((f) => f.name === 'retry_run_breaker_state')!;
    expect(gauge.samples.map((s) => [s.labels.name, s.labels.state, s.value])).toEqual([
      ['payments-api', 'closed', 0],
      ['payments-api', 'half-open', 0],
      ['payments-api', 'open', 1],
    ]);
  });

  it('a broken store shared by the breaker and history gives one warning line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'not a directory\n');
    const result = await runCli([
      '--state',
      join(dir, 'file', 'state'),
      '--breaker',
      'x',
      '--',
      node,
      '-e',
      '',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('warning'))).toHaveLength(1);
  });
});
