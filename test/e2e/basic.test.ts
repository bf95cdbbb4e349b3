import { describe, expect, it } from 'vitest';
import { FIXTURES, jsonEvents, runCli } from '../helpers/cli.js';

const node = process.execPath;
const fixture = (name: string) => `${FIXTURES}${name}`;

describe('retry-run -- <command>', () => {
  it('retries until the command succeeds and exits 0', async () => {
    const result = await runCli(['-b', '1ms', '--', node, fixture('fail-n-times.js'), '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('fixture: attempt 3 succeeds\n');
    expect(result.stderr).toContain('attempt 1/5 failed (exit 1');
    expect(result.stderr).toContain('attempt 3/5 succeeded');
    expect(result.stderr).toMatch(/succeeded after 3 attempts/);
  });

  it('passes the last exit code through when attempts are exhausted', async () => {
    const result = await runCli(['-n', '3', '-b', '0', '--', node, fixture('exit-with.js'), '7']);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe('attempt=1 max=3\nattempt=2 max=3\nattempt=3 max=3\n');
    expect(result.stderr).toMatch(/exhausted: all 3 attempts failed .*; exit code 7/);
  });

  it('exits 128+N when the command dies by signal N', async () => {
    const result = await runCli([
      '-n',
      '2',
      '-b',
      '0',
      '--',
      node,
      fixture('kill-self.js'),
      'SIGKILL',
    ]);
    expect(result.code).toBe(137);
    expect(result.stderr).toContain('killed by SIGKILL');
  });

  it('exits 127 at once for a command that does not exist', async () => {
    const result = await runCli(['-b', '0', '--', 'retry-run-no-such-command']);
    expect(result.code).toBe(127);
    expect(result.stderr.match(/attempt \d/g)).toHaveLength(1);
    expect(result.stderr).toContain('not retried: matches --stop-on exit:127');
  });

  it('runs a script through /bin/sh with -S', async () => {
    const result = await runCli([
      '-b',
      '0',
      '-S',
      'echo "try $RETRY_RUN_ATTEMPT"; [ "$RETRY_RUN_ATTEMPT" -ge 2 ]',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('try 1\ntry 2\n');
  });

  it('writes the events (README, JSON events) as JSON lines with --log-format json', async () => {
    const result = await runCli([
      '--log-format',
      'json',
      '-n',
      '2',
      '-b',
      '0',
      '--',
      node,
      fixture('exit-with.js'),
      '3',
    ]);
    expect(result.code).toBe(3);
    const events = jsonEvents(result.stderr);
    expect(events.map((e) => e.event)).toEqual(['start', 'attempt', 'wait', 'attempt', 'summary']);
    expect(events[1]).toMatchObject({
      attempt: 1,
      maxAttempts: 2,
      outcome: 'failure',
      retryable: true,
      reason: 'exit:3',
      exitCode: 3,
    });
    expect(events[2]).toMatchObject({ delayMs: 0, source: 'strategy' });
    expect(events[4]).toMatchObject({ outcome: 'exhausted', attempts: 2, exitCode: 3 });
    for (const event of events)
      expect(new Date(event.time as string).toISOString()).toBe(event.time);
  });

  it('takes options from RETRY_RUN_* and lets a flag beat them', async () => {
    const fromEnv = await runCli(['--', node, fixture('exit-with.js'), '1'], {
      env: { RETRY_RUN_MAX: '2', RETRY_RUN_BASE: '0' },
    });
    expect(fromEnv.stdout.trim().split('\n')).toHaveLength(2);
    const flagWins = await runCli(['-n', '1', '--', node, fixture('exit-with.js'), '1'], {
      env: { RETRY_RUN_MAX: '4' },
    });
    expect(flagWins.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('usage errors', () => {
  it.each([
    [
      ['--max', '0', '--', 'true'],
      "--max: expected a whole number from 1 to 1000000, or inf (got '0')",
    ],
    [['--base', '5x', '--', 'true'], '--base: expected a duration'],
    [['--strategy', 'exponentail', '--', 'true'], "did you mean 'exponential'?"],
    [['--retry-on', 'exit:foo', '--', 'true'], "--retry-on: 'exit:foo'"],
    [['--retry-on', 'sometimes', '--', 'true'], 'valid conditions are'],
    [['--no-such-flag', '--', 'true'], "unknown option '--no-such-flag'"],
    [['true'], 'put -- before it'],
    [[], 'nothing to run'],
    [['explain', '--bogus'], "unknown option '--bogus'"],
    [['stats', '--bogus'], "unknown option '--bogus'"],
    [['breaker', '--bogus'], "unknown option '--bogus'"],
  ])('%j exits 125 and names the problem, running nothing', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('attempt');
    expect(result.stdout).toBe('');
  });
});
