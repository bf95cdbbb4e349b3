import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, jsonEvents, runCli } from '../helpers/cli.js';

/** Stand-in `curl` and `wget` scripts come first on PATH: real messages, real exit codes. */
const TOOLS_PATH = `${FIXTURES}tools:${process.env.PATH}`;
const withTools = (env: NodeJS.ProcessEnv) => ({ env: { PATH: TOOLS_PATH, ...env } });
const attempts = (stderr: string) => jsonEvents(stderr).filter((e) => e.event === 'attempt');
const waits = (stderr: string) => jsonEvents(stderr).filter((e) => e.event === 'wait');

/** Runs a shell pipeline around the built CLI; `$RR` is `node bin/retry-run.js`. */
function runPipeline(script: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const rr = `'${process.execPath}' '${BIN}'`;
    const child = spawn('/bin/sh', ['-c', script.replaceAll('$RR', rr)], {
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('known tools: curl and wget', () => {
  it('retries curl connection failures and 5xx until it succeeds, saying why each time', async () => {
    const result = await runCli(
      ['--retry-on', 'connection,5xx', '-b', '0', '--', 'curl', '-fsS', 'http://localhost:1/'],
      withTools({ FAKE_CURL: '7,22:503,ok' }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('body of http://localhost:1/\n');
    expect(result.stderr).toContain(
      'attempt 1/5 failed (connection:ECONNREFUSED, ', // the class and the code from the message
    );
    expect(result.stderr).toContain(
      "retryable: matches --retry-on connection (curl exit 7: 'curl: (7) Failed to connect to localhost port 1: Connection refused')",
    );
    expect(result.stderr).toContain('attempt 2/5 failed (exit 22, HTTP 503, ');
    expect(result.stderr).toContain(
      "retryable: matches --retry-on 5xx (curl exit 22: 'curl: (22) The requested URL returned error: 503')",
    );
    expect(result.stderr).toContain('attempt 3/5 succeeded');
  });

  it('reports the reasons (README, JSON events) in JSON: connection, status, timeout', async () => {
    const result = await runCli(
      ['--log-format', 'json', '-b', '0', '-n', '4', '--', 'curl', '-fsS', 'http://x/'],
      withTools({ FAKE_CURL: '6,56,22:502,28' }),
    );
    expect(result.code).toBe(28);
    expect(attempts(result.stderr).map((e) => [e.reason, e.exitCode])).toEqual([
      ['connection:ENOTFOUND', 6],
      ['connection:ECONNRESET', 56],
      ['status:502', 22],
      ['timeout', 28],
    ]);
  });

  it('stops at once on a 4xx when only 5xx is retried', async () => {
    const result = await runCli(
      [
        '--retry-on',
        '5xx,connection',
        '--stop-on',
        '4xx',
        '-b',
        '0',
        '--',
        'curl',
        '-f',
        'http://x/',
      ],
      withTools({ FAKE_CURL: '22:404,ok' }),
    );
    expect(result.code).toBe(22);
    expect(result.stderr).toContain(
      "not retried: matches --stop-on 4xx (curl exit 22: 'curl: (22) The requested URL returned error: 404')",
    );
    expect(result.stderr).toMatch(/stopped after 1 attempt|1 attempt/);
    expect(result.stderr.match(/attempt \d\/5/g)).toHaveLength(1);
  });

  it('retries curl exit 28 as a timeout without reading any output', async () => {
    const result = await runCli(
      ['--retry-on', 'timeout', '-b', '0', '-n', '2', '--', 'curl', 'http://x/'],
      withTools({ FAKE_CURL: '28,ok' }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('attempt 1/2 failed (exit 28, timed out, ');
  });

  it('maps wget exit 4 to connection and exit 8 to the status it printed', async () => {
    const result = await runCli(
      [
        '--log-format',
        'json',
        '--retry-on',
        'connection,503',
        '-b',
        '0',
        '--',
        'wget',
        'http://x/',
      ],
      withTools({ FAKE_WGET: '4,8:503,ok' }),
    );
    expect(result.code).toBe(0);
    expect(attempts(result.stderr).map((e) => e.reason)).toEqual([
      'connection:ECONNREFUSED',
      'status:503',
      'success',
    ]);
    const stopped = await runCli(
      ['--retry-on', '503', '-b', '0', '--', 'wget', 'http://x/'],
      withTools({ FAKE_WGET: '8:404' }),
    );
    expect(stopped.code).toBe(8);
    expect(stopped.stderr).toContain(
      "not retried: status:404 (wget exit 8: '2026-11-28 11:17:58 ERROR 404: Service Unavailable.') is not in --retry-on 503",
    );
  });

  it('recognises curl inside a -S script by its error line, when it keeps a tail', async () => {
    const result = await runCli(
      [
        '--log-format',
        'json',
        '--retry-on',
        'connection',
        '-n',
        '2',
        '-b',
        '0',
        '-S',
        'echo fetching; curl -fsS http://x/',
      ],
      withTools({ FAKE_CURL: '7,22:503' }),
    );
    // No condition reads a status, so status:503 comes from curl's own line and exit code.
    expect(attempts(result.stderr).map((e) => e.reason)).toEqual([
      'connection:ECONNREFUSED',
      'status:503',
    ]);
    const ownExit = await runCli(
      [
        '--log-format',
        'json',
        '--retry-on',
        'connection',
        '-n',
        '1',
        '-S',
        'curl -fsS http://x/; exit 3',
      ],
      withTools({ FAKE_CURL: '22:503' }),
    );
    expect(attempts(ownExit.stderr).map((e) => e.reason)).toEqual(['exit:3']);
  });
});

describe('output conditions', () => {
  it('matches a status only as a whole word: 15030ms is not a 503', async () => {
    const notAStatus = await runCli([
      '--retry-on',
      '503',
      '-b',
      '0',
      '-S',
      'echo "request took 15030ms" >&2; exit 1',
    ]);
    expect(notAStatus.code).toBe(1);
    expect(notAStatus.stderr).toContain('not retried: exit:1 is not in --retry-on 503');
    const status = await runCli([
      '--retry-on',
      '503',
      '-b',
      '0',
      '-n',
      '2',
      '-S',
      'echo "upstream answered 503" >&2; exit 1',
    ]);
    expect(status.stderr).toContain(
      "retryable: matches --retry-on 503 in stderr: 'upstream answered 503'",
    );
    expect(status.stderr).toMatch(/exhausted/);
  });

  it('retries on a regular expression with flags, on the stream it names', async () => {
    const script = 'echo "Service Temporarily Unavailable" >&2; [ "$RETRY_RUN_ATTEMPT" -ge 2 ]';
    const onStderr = await runCli(['--retry-on', 'stderr:/temporarily/i', '-b', '0', '-S', script]);
    expect(onStderr.code).toBe(0);
    expect(onStderr.stderr).toContain(
      "retryable: matches --retry-on stderr:/temporarily/i in stderr: 'Service Temporarily Unavailable'",
    );
    const onStdout = await runCli(['--retry-on', 'stdout:/temporarily/i', '-b', '0', '-S', script]);
    expect(onStdout.code).toBe(1);
    expect(onStdout.stderr).toContain('not retried');
  });

  it('stops at once on --stop-on output, naming the line', async () => {
    const result = await runCli([
      '--stop-on',
      'output:/fatal/i',
      '-b',
      '0',
      '-S',
      'echo "FATAL: bad config"; exit 1',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('FATAL: bad config\n');
    expect(result.stderr).toContain(
      "not retried: matches --stop-on output:/fatal/i in stdout: 'FATAL: bad config'",
    );
  });

  it('polls until the output says ready (--until): exit 0 alone is not enough', async () => {
    const result = await runCli([
      '--until',
      'output:/ready/',
      '-s',
      'fixed',
      '-b',
      '1ms',
      '-n',
      '10',
      '-S',
      'if [ "$RETRY_RUN_ATTEMPT" -ge 3 ]; then echo ready; else echo waiting; fi',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('waiting\nwaiting\nready\n');
    expect(result.stderr).toContain('attempt 1/10 failed (exit 0, --until not matched');
    expect(result.stderr).toContain('attempt 3/10 succeeded');
    expect(result.stderr).toContain("matches --until output:/ready/ in stdout: 'ready'");
  });

  it('tees the output through unchanged when it keeps a tail', async () => {
    const script =
      'i=0; while [ $i -lt 5000 ]; do echo "ligne $i: déjà vu ✓"; i=$((i+1)); done; echo "to stderr" >&2';
    const result = await runCli(['--retry-on', 'output:/never/', '-n', '1', '-S', script]);
    const expected = Array.from({ length: 5000 }, (_, i) => `ligne ${i}: déjà vu ✓\n`).join('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
    expect(result.stderr.startsWith('to stderr\n')).toBe(true);
  });

  it('lets the command inherit stdout and stderr when no condition reads output', async () => {
    const script =
      'for fd in 1 2; do [ "$(readlink /proc/$$/fd/$fd)" = "$(readlink /proc/$PPID/fd/$fd)" ] && echo "fd $fd inherited" || echo "fd $fd piped"; done';
    const inherited = await runCli(['-n', '1', '-S', script]);
    expect(inherited.stdout).toBe('fd 1 inherited\nfd 2 inherited\n');
    const piped = await runCli(['-n', '1', '--retry-on', 'connection', '-S', script]);
    expect(piped.stdout).toBe('fd 1 piped\nfd 2 piped\n');
    const heldOnly = await runCli(['-n', '1', '--stdout', 'final', '-S', script]);
    expect(heldOnly.stdout).toBe('fd 1 piped\nfd 2 inherited\n');
  });

  it('does not crash when its own stdout closes early: the command meets SIGPIPE', async () => {
    const result = await runPipeline(
      '$RR --retry-on output:/x/ -n 2 -b 0 -- yes 2>/dev/null | head -n 2; echo "status ok"',
    );
    expect(result.stdout).toBe('y\ny\nstatus ok\n');
    const logged = await runPipeline(
      '$RR --retry-on output:/x/,signal -n 2 -b 0 -- yes 2>&1 >/dev/full',
    );
    expect(logged.stdout).toContain('killed by SIGPIPE');
    expect(logged.stdout).not.toContain('internal error');
  });

  it('does not crash when its own stderr closes early: the run ends as it would have', async () => {
    // `true` has gone long before retry-run writes its first line: every write meets EPIPE.
    const result = await runPipeline(
      'exec 3>&1; { $RR -n 3 -b 10ms -- sh -c "exit 3" 2>&1 >/dev/null; echo "exit $?" >&3; } | true',
    );
    expect(result.stdout).toBe('exit 3\n');
    expect(result.stderr).toBe('');
  });
});

describe('Retry-After in the output', () => {
  it('waits as long as curl -i output asks (delay-seconds)', async () => {
    const result = await runCli(
      ['--log-format', 'json', '--retry-on', '429', '-b', '0', '--', 'curl', '-fi', 'http://x/'],
      withTools({ FAKE_CURL: '429-after:1,ok' }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Retry-After: 1\r\n');
    expect(waits(result.stderr)).toEqual([
      expect.objectContaining({ delayMs: 1000, source: 'server' }),
    ]);
    expect(attempts(result.stderr)[0]).toMatchObject({ reason: 'status:429', exitCode: 22 });
  });

  it('measures an HTTP-date against the response Date, and honours --max-server-wait', async () => {
    const dated = await runCli(
      ['--log-format', 'json', '-b', '0', '--', 'curl', '-fi', 'http://x/'],
      withTools({ FAKE_CURL: '503-date,ok' }),
    );
    expect(waits(dated.stderr)).toEqual([
      expect.objectContaining({ delayMs: 1000, source: 'server' }),
    ]);
    const bounded = await runCli(
      ['--log-format', 'json', '-b', '0', '--max-server-wait', '50ms', '--', 'curl', '-fi', 'x'],
      withTools({ FAKE_CURL: '429-after:3600,ok' }),
    );
    expect(waits(bounded.stderr)).toEqual([
      expect.objectContaining({ delayMs: 50, source: 'server' }),
    ]);
  });

  it('ignores it with --no-server-wait, and says the server asked in the text log', async () => {
    const ignored = await runCli(
      ['--log-format', 'json', '--no-server-wait', '-b', '0', '--', 'curl', '-fi', 'http://x/'],
      withTools({ FAKE_CURL: '429-after:3600,ok' }),
    );
    expect(ignored.code).toBe(0);
    expect(waits(ignored.stderr)).toEqual([
      expect.objectContaining({ delayMs: 0, source: 'strategy' }),
    ]);
    const text = await runCli(
      ['-b', '0', '--retry-on', '429', '-S', 'curl -fi http://x/'],
      withTools({ FAKE_CURL: '429-after:1,ok' }),
    );
    expect(text.stderr).toContain('waiting 1s before attempt 2 (asked by the server)');
  });
});

describe('--stdout final', () => {
  const script = 'echo "partial result $RETRY_RUN_ATTEMPT"; [ "$RETRY_RUN_ATTEMPT" -ge 3 ]';

  it("writes only the successful attempt's stdout, once; failed ones go to stderr", async () => {
    const result = await runCli(['--stdout', 'final', '-b', '0', '-S', script]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('partial result 3\n');
    expect(result.stderr).toContain('partial result 1\n');
    expect(result.stderr).toContain('partial result 2\n');
    expect(result.stderr.indexOf('partial result 1')).toBeLessThan(
      result.stderr.indexOf('attempt 1/5 failed'),
    );
  });

  it('is safe in a pipeline: the next command sees one clean result', async () => {
    const result = await runPipeline(
      `$RR --stdout final -b 0 --retry-on output:/partial/ -S '${script}' | tr a-z A-Z`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('PARTIAL RESULT 3\n');
    expect(result.stderr).toContain('partial result 1');
  });

  it('writes nothing to stdout when every attempt fails, and leaves no temporary file', async () => {
    const tmp = await import('node:fs/promises').then((fs) =>
      fs.mkdtemp(`${process.env.TMPDIR ?? '/tmp'}/retry-run-final-`),
    );
    const result = await runCli(
      [
        '--stdout',
        'final',
        '-n',
        '2',
        '-b',
        '0',
        '-S',
        'head -c 200000 /dev/zero | tr "\\0" x; exit 4',
      ],
      { env: { TMPDIR: tmp } },
    );
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('x'.repeat(200_000));
    const fs = await import('node:fs/promises');
    expect(await fs.readdir(tmp)).toEqual([]);
    await fs.rm(tmp, { recursive: true });
  });

  it('rejects a mode other than live or final', async () => {
    const result = await runCli(['--stdout', 'later', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain("--stdout: expected live or final (got 'later')");
  });
});
