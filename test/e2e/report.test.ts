import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/report-file.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

describe('retry-run --report', () => {
  it('writes one JSON document for the whole run and leaves stdout to the command', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retry-run-report-e2e-'));
    const path = join(dir, 'run.json');
    const result = await runCli([
      '--report',
      path,
      '-s',
      'fixed',
      '-b',
      '5ms',
      '--',
      process.execPath,
      `${FIXTURES}fail-n-times.js`,
      '1',
      '9',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('fixture: attempt 2 succeeds\n');
    const report = JSON.parse(await readFile(path, 'utf8')) as RunReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.name).toBe('node');
    expect(report.mode).toBe('command');
    expect(report.policy).toMatchObject({ strategy: 'fixed', baseMs: 5, retryOn: ['any'] });
    expect(report.attempts.map((a) => [a.attempt, a.outcome, a.reason, a.exitCode])).toEqual([
      [1, 'failure', 'exit:9', 9],
      [2, 'success', 'success', 0],
    ]);
    expect(report.attempts[0]!.waitAfter).toEqual({ delayMs: 5, source: 'strategy' });
    expect(report.summary).toMatchObject({ outcome: 'success', attempts: 2, exitCode: 0 });
    expect(await readdir(dir)).toEqual(['run.json']);
  });

  it('keeps the exit code and warns when the report cannot be written', async () => {
    const path = join(tmpdir(), 'retry-run-no-such-dir', 'run.json');
    const result = await runCli([
      '--report',
      path,
      '-n',
      '1',
      '--',
      process.execPath,
      '-e',
      'process.exit(3)',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`retry-run: warning: could not write the report ${path}`);
  });
});
