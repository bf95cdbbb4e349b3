import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';
import { isRunning } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'retry-run-on-retry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let logs = 0;
const newLog = () => join(dir, `log-${++logs}`);

describe('--on-retry <script>', () => {
  it('runs between a failed attempt and its retry, never after the last attempt', async () => {
    const log = newLog();
    const result = await runCli([
      '-n',
      '3',
      '-s',
      'fixed',
      '-b',
      '1ms',
      '--on-retry',
      `echo hook $RETRY_RUN_ATTEMPT >> ${log}`,
      '--',
      'sh',
      '-c',
      `echo attempt $RETRY_RUN_ATTEMPT >> ${log}; exit 2`,
    ]);
    expect(result.code).toBe(2);
    expect(readFileSync(log, 'utf8')).toBe('attempt 1\nhook 1\nattempt 2\nhook 2\nattempt 3\n');
  });

  it('sees the failed attempt, the limit, its exit code and reason; its output goes to stderr', async () => {
    const result = await runCli([
      '-n',
      '2',
      '-b',
      '1ms',
      '--on-retry',
      'echo "hook-out $RETRY_RUN_ATTEMPT $RETRY_RUN_MAX_ATTEMPTS $RETRY_RUN_EXIT_CODE $RETRY_RUN_REASON"; echo hook-err >&2',
      '--',
      'sh',
      '-c',
      'exit 3',
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('hook-out 1 2 3 exit:3\n');
    expect(result.stderr).toContain('hook-err\n');
  });

  it('warns once for a failing hook and goes on to the retry', async () => {
    const result = await runCli([
      '-n',
      '2',
      '-b',
      '1ms',
      '--on-retry',
      'exit 4',
      '--',
      'sh',
      '-c',
      '[ "$RETRY_RUN_ATTEMPT" = 2 ]',
    ]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toEqual([
      'retry-run: warning: --on-retry after attempt 1 failed (exit 4); going on',
    ]);
  });

  it('is ended with its process group by the deadline, which then ends the run', async () => {
    const pidFile = newLog();
    const result = await runCli([
      '-n',
      '5',
      '-b',
      '1ms',
      '--deadline',
      '1s',
      '--kill-after',
      '100ms',
      '--log-format',
      'json',
      '--on-retry',
      `sleep 30 & echo $! > ${pidFile}; wait`,
      '--',
      'sh',
      '-c',
      'exit 6',
    ]);
    expect(result.code).toBe(6);
    const events = jsonEvents(result.stderr);
    expect(events.find((e) => e.event === 'on-retry')).toMatchObject({
      attempt: 1,
      outcome: 'failure',
      timedOut: 'deadline',
    });
    expect(events.at(-1)).toMatchObject({ event: 'summary', outcome: 'deadline', attempts: 1 });
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('records the hook in the --report under the attempt it followed', async () => {
    const report = newLog();
    await runCli([
      '-n',
      '2',
      '-b',
      '1ms',
      '--report',
      report,
      '--on-retry',
      'exit 0',
      '--',
      'false',
    ]);
    const { attempts } = JSON.parse(readFileSync(report, 'utf8')) as {
      attempts: Array<{ onRetry: unknown }>;
    };
    expect(attempts.map((a) => a.onRetry)).toEqual([
      { outcome: 'success', exitCode: 0, timedOut: null, durationMs: expect.any(Number) },
      null,
    ]);
  });
});
