import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, jsonEvents, runCli, type CliResult } from '../helpers/cli.js';

describe('the outcome a run reports', () => {
  it('a readiness poll that never became ready exits 1, not its last attempt’s 0', async () => {
    const result = await runCli([
      '--until',
      'output:/ready/',
      '-n',
      '2',
      '-b',
      '0',
      '--',
      'echo',
      'starting',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('starting\nstarting\n');
    expect(result.stderr).toContain('✖ exhausted: all 2 attempts failed');
    expect(result.stderr).toContain('last failure: until; exit code 1');
  });

  it('the JSON summary of an unmet --until carries exit code 1', async () => {
    const result = await runCli([
      ...['--log-format', 'json', '--until', 'output:/ready/', '-n', '1'],
      ...['--', 'echo', 'starting'],
    ]);
    expect(result.code).toBe(1);
    expect(jsonEvents(result.stderr).at(-1)).toMatchObject({
      event: 'summary',
      outcome: 'exhausted',
      exitCode: 1,
    });
  });
});

/** Runs `retry-run <args> | <reader>` in bash; retry-run's exit code comes last on stderr. */
function pipedInto(reader: string, args: readonly string[]): Promise<CliResult> {
  const quoted = args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `"${process.execPath}" "${BIN}" ${quoted} | ${reader}; echo "exit=\${PIPESTATUS[0]}" >&2`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: '1',
        RETRY_RUN_NO_RECORD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('when the reader of retry-run’s stdout is gone', () => {
  it('an attempt that dies of SIGPIPE is not retried: one attempt, exit 141', async () => {
    const result = await pipedInto('head -1', ['-b', '5s', '--', 'yes']);
    expect(result.stdout).toBe('y\n');
    expect(result.stderr).toContain('attempt 1/5 failed (killed by SIGPIPE, ');
    expect(result.stderr).toContain("not retried: retry-run's stdout was closed by its reader");
    expect(result.stderr).not.toContain('attempt 2/5');
    expect(result.stderr).toMatch(/exit=141\n$/);
  });

  it('the same when retry-run tees the output itself (EPIPE)', async () => {
    const result = await pipedInto('head -1', [
      '-b',
      '5s',
      '--stop-on',
      'output:/never/',
      '--',
      'yes',
    ]);
    expect(result.stdout).toBe('y\n');
    expect(result.stderr).toContain("not retried: retry-run's stdout was closed by its reader");
    expect(result.stderr).not.toContain('attempt 2/5');
    expect(result.stderr).toMatch(/exit=141\n$/);
  });

  it('a SIGPIPE while the reader is still there is an ordinary failure, retried', async () => {
    const result = await pipedInto('cat', [
      '-n',
      '2',
      '-b',
      '0',
      '--',
      'sh',
      '-c',
      'kill -PIPE $$',
    ]);
    expect(result.stderr).toContain('attempt 2/2 failed (killed by SIGPIPE');
    expect(result.stderr).toMatch(/exit=141\n$/);
  });
});

describe('retry-run’s own lines start on a line of their own', () => {
  // The command's stderr is teed (a condition reads the output) and ends without a newline.
  const unfinishedLine = ['-n', '2', '-b', '0', '--retry-on', 'output:/never/,exit:1'];

  it('JSON events after a stderr that ended mid-line: every event is a line a reader parses', async () => {
    const result = await runCli([
      ...['--log-format', 'json', ...unfinishedLine],
      ...['-S', 'printf "err\\033[2J" >&2; exit 1'],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('err\x1b[2J\n{"event":"attempt"');
    const lines = result.stderr.split('\n').filter((line) => line.includes('"event"'));
    expect(lines.every((line) => line.startsWith('{'))).toBe(true);
    expect(jsonEvents(result.stderr).map((e) => e.event)).toEqual([
      'start',
      'attempt',
      'wait',
      'attempt',
      'summary',
    ]);
  });

  it('the text log too', async () => {
    const result = await runCli([...unfinishedLine, '-S', 'printf err >&2; exit 1']);
    expect(result.stderr).toContain('err\nretry-run: attempt 1/2 failed (exit 1, ');
    expect(result.stderr).not.toContain('errretry-run');
  });

  it('and after a failed attempt’s held stdout (--stdout final)', async () => {
    const result = await runCli(['-n', '1', '--stdout', 'final', '-S', 'printf out; exit 1']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^out\nretry-run: attempt 1\/1 failed \(exit 1, /);
  });

  it('a line that ended is not followed by an empty one', async () => {
    const result = await runCli([...unfinishedLine, '-S', 'echo err >&2; exit 1']);
    expect(result.stderr).toMatch(/^err\nretry-run: attempt 1\/2 failed/);
  });
});
