import { randomBytes, randomUUID } from 'node:crypto';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, jsonEvents, runCli, type CliOptions } from '../helpers/cli.js';
import { isRunning, processesWithEnv, waitForOutput } from '../helpers/processes.js';

const node = process.execPath;
const fixture = (name: string) => `${FIXTURES}${name}`;
/** Every process these tests start carries this tag, so leftovers can be found. */
const TAG = randomUUID();
let tmp: string;
const started: number[] = [];

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'retry-run-test-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
  // A failing test must not leave a SIGTERM-proof grandchild running.
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
});
afterAll(() => {
  expect(processesWithEnv('RETRY_RUN_TEST_TAG', TAG)).toEqual([]);
});

/** runCli with the tag, a private TMPDIR, and a check that retry-run left nothing there. */
async function run(args: readonly string[], options: CliOptions = {}) {
  const result = await runCli(args, {
    ...options,
    env: { RETRY_RUN_TEST_TAG: TAG, TMPDIR: tmp, ...options.env },
  });
  expect(readdirSync(tmp)).toEqual([]);
  return result;
}

/** `-- node <fixture> [args]`: the command part of a run's argv. */
function command(name: string, ...args: string[]): string[] {
  return ['--', node, fixture(name), ...args];
}

/** The pids a fixture printed (`grandchild=N`, `pid=N`), remembered for cleanup. */
function pidsIn(text: string, name: string): number[] {
  const pids = [...text.matchAll(new RegExp(`${name}=(\\d+)`, 'g'))].map((m) => Number(m[1]));
  started.push(...pids);
  return pids;
}

/** A child that stays, with a grandchild that ignores SIGTERM, under a timeout. */
const GRANDCHILD_TIMEOUT = [
  ...['-n', '1', '-t', '3s', '--kill-after', '300ms'],
  ...command('fork-grandchild.js', 'stay'),
];

// A time limit must not fire before a fixture has set itself up (a node start-up can take a
// second on a loaded machine): limits that race a fixture's start are seconds long.
describe('--timeout', () => {
  it('ends a child that ignores SIGTERM with SIGKILL after --kill-after, and exits 124', async () => {
    const timed = await run([
      '-n',
      '1',
      '-t',
      '3s',
      '--kill-after',
      '200ms',
      '--log-format',
      'json',
      ...command('sleep-forever.js', '--trap'),
    ]);
    expect(timed.code).toBe(124);
    expect(timed.stderr).toContain('fixture: got SIGTERM');
    const attempt = jsonEvents(timed.stderr).find((event) => event.event === 'attempt');
    expect(attempt).toMatchObject({ reason: 'timeout', exitCode: 124, retryable: true });
    for (const pid of pidsIn(timed.stderr, 'pid')) expect(isRunning(pid)).toBe(false);
  });

  it('retries a timed-out attempt by default, and exits 124 when the last one times out', async () => {
    const result = await run(['-n', '2', '-b', '0', '-t', '150ms', ...command('sleep-forever.js')]);
    expect(result.code).toBe(124);
    expect(result.stderr).toMatch(/attempt 1\/2 failed \(timed out/);
    expect(result.stderr).toMatch(/attempt 2\/2 failed \(timed out/);
  });

  it('kills a grandchild that ignores SIGTERM after its parent died of the SIGTERM', async () => {
    const result = await run(GRANDCHILD_TIMEOUT);
    expect(result.code).toBe(124);
    const [grandchild] = pidsIn(result.stdout, 'grandchild');
    expect(grandchild).toBeGreaterThan(0);
    expect(isRunning(grandchild!)).toBe(false);
  });
});

describe('an attempt is its process group', () => {
  it('ends what a failed attempt left running before going on, and says so', async () => {
    const result = await run([
      '-n',
      '2',
      '-b',
      '0',
      '--kill-after',
      '200ms',
      ...command('fork-grandchild.js', 'exit', '3'),
    ]);
    expect(result.code).toBe(3);
    const grandchildren = pidsIn(result.stdout, 'grandchild');
    expect(grandchildren).toHaveLength(2);
    for (const pid of grandchildren) expect(isRunning(pid)).toBe(false);
    const said = result.stderr.match(/ended 1 process the attempt left running\n/g);
    expect(said).toHaveLength(2);
  });

  it('leaves a successful attempt’s background process running, as a shell does', async () => {
    const result = await run([
      '--kill-after',
      '200ms',
      ...command('fork-grandchild.js', 'exit', '0'),
    ]);
    expect(result.code).toBe(0);
    const [service] = pidsIn(result.stdout, 'grandchild');
    expect(isRunning(service!)).toBe(true);
    expect(result.stderr).not.toContain('left running');
  });

  it('a service started in the background by a wrapped step outlives the run', async () => {
    const result = await run([
      ...['--log-format', 'json', '-n', '2', '-b', '0'],
      // Its output goes elsewhere, or it would hold this test's pipes open, as under a shell.
      ...['-S', `${node} -e 'setInterval(() => {}, 60_000)' >/dev/null 2>&1 & echo service=$!`],
    ]);
    expect(result.code).toBe(0);
    const [service] = pidsIn(result.stdout, 'service');
    expect(isRunning(service!)).toBe(true);
    expect(jsonEvents(result.stderr).find((e) => e.event === 'attempt')).not.toHaveProperty(
      'endedProcesses',
    );
  });

  it('reports in JSON how many processes a failed attempt left', async () => {
    const result = await run([
      ...['--log-format', 'json', '-n', '1', '--kill-after', '200ms'],
      ...command('fork-grandchild.js', 'exit', '3'),
    ]);
    pidsIn(result.stdout, 'grandchild');
    expect(result.code).toBe(3);
    expect(jsonEvents(result.stderr).find((e) => e.event === 'attempt')).toMatchObject({
      outcome: 'failure',
      endedProcesses: 1,
    });
  });
});

describe('an internal error', () => {
  it('still ends the running attempt and removes the stdin spool', () => {
    const result = spawnSync(node, [fixture('crash-mid-attempt.js')], {
      input: randomBytes(2 * 1024 * 1024),
      env: { PATH: process.env.PATH, RETRY_RUN_TEST_TAG: TAG, TMPDIR: tmp },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.stderr).toContain('fixture: crash while the attempt runs');
    expect(result.status).toBe(1);
    const [attempt] = pidsIn(result.stdout, 'attempt');
    expect(attempt).toBeGreaterThan(0);
    expect(isRunning(attempt!)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('--deadline', () => {
  it('ends the running attempt when the run is out of time, and exits 124', async () => {
    const result = await run([
      '--deadline',
      '300ms',
      '--kill-after',
      '200ms',
      '--log-format',
      'json',
      ...command('sleep-forever.js', '--trap'),
    ]);
    expect(result.code).toBe(124);
    const summary = jsonEvents(result.stderr).at(-1);
    expect(summary).toMatchObject({ event: 'summary', outcome: 'deadline', attempts: 1 });
    for (const pid of pidsIn(result.stderr, 'pid')) expect(isRunning(pid)).toBe(false);
  });

  it('never begins a wait that would outlive it', async () => {
    const result = await run([
      '--deadline',
      '10s',
      '-s',
      'fixed',
      '-b',
      '1m',
      '--log-format',
      'json',
      ...command('exit-with.js', '3'),
    ]);
    expect(result.code).toBe(3);
    const events = jsonEvents(result.stderr);
    expect(events.map((event) => event.event)).toEqual(['start', 'attempt', 'summary']);
    expect(events.at(-1)).toMatchObject({ outcome: 'deadline' });
  });
});

describe('a command killed by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGKILL', 137],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ])('%s: exits %i with reason signal:<name>, retried by default', async (signal, code) => {
    const result = await run([
      '-n',
      '2',
      '-b',
      '0',
      '--log-format',
      'json',
      ...command('kill-self.js', signal),
    ]);
    expect(result.code).toBe(code);
    const attempts = jsonEvents(result.stderr).filter((event) => event.event === 'attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ reason: `signal:${signal}`, exitCode: code });
  });

  it('126 (not executable) is not retried', async () => {
    const script = join(tmp, '..', `retry-run-not-executable-${TAG}.sh`);
    writeFileSync(script, '#!/bin/sh\nexit 0\n');
    chmodSync(script, 0o644);
    try {
      const result = await run(['-b', '0', '--', script]);
      expect(result.code).toBe(126);
      expect(result.stderr.match(/attempt \d/g)).toHaveLength(1);
      expect(result.stderr).toContain('not retried: matches --stop-on exit:126');
    } finally {
      rmSync(script, { force: true });
    }
  });
});

describe('signals to retry-run', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    '%s mid-attempt goes to the attempt; no further attempt; exit %i',
    async (signal, code) => {
      const result = await run(['-n', '5', '-b', '0', ...command('sleep-forever.js')], {
        onSpawn: (child) => {
          void waitForOutput(child, /fixture: running/).then(() => child.kill(signal));
        },
      });
      expect(result.code).toBe(code);
      expect(result.stderr.match(/fixture: running/g)).toHaveLength(1);
      expect(result.stderr).toContain(`✖ interrupted: ${signal} received: no further attempt`);
      for (const pid of pidsIn(result.stderr, 'pid')) expect(isRunning(pid)).toBe(false);
    },
  );

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s during a wait exits at once with %i', async (signal, code) => {
    // The wait is an hour long: only an immediate exit lets this test finish.
    const result = await run(
      ['-n', '5', '-s', 'fixed', '-b', '1h', '-c', '1h', ...command('exit-with.js', '1')],
      {
        onSpawn: (child) => {
          void waitForOutput(child, /waiting 1h/).then(() => child.kill(signal));
        },
      },
    );
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('attempt=1 max=5\n');
    expect(result.stderr).toContain(`✖ interrupted: ${signal} received: no further attempt`);
  });

  it('a second Ctrl-C kills an attempt that ignores the first, without waiting --kill-after', async () => {
    const result = await run(['--kill-after', '1h', ...command('sleep-forever.js', '--trap')], {
      onSpawn: (child) => {
        void waitForOutput(child, /fixture: running/)
          .then(() => child.kill('SIGINT'))
          .then(() => waitForOutput(child, /fixture: got SIGINT/))
          .then(() => child.kill('SIGINT'));
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT again: killing the attempt (SIGKILL)');
    for (const pid of pidsIn(result.stderr, 'pid')) expect(isRunning(pid)).toBe(false);
  });

  it('says at once what follows a Ctrl-C, with the real --kill-after, before the kill', async () => {
    // An hour of grace: the second Ctrl-C is sent only once the line is there, so the test
    // finishes only if the line came at once.
    const result = await run(['--kill-after', '1h', ...command('sleep-forever.js', '--trap')], {
      onSpawn: (child) => {
        void waitForOutput(child, /fixture: running/)
          .then(() => child.kill('SIGINT'))
          .then(() => waitForOutput(child, /retry-run: stopping the attempt/))
          .then(() => child.kill('SIGINT'));
      },
    });
    expect(result.code).toBe(130);
    const announced = result.stderr.indexOf(
      'retry-run: stopping the attempt: SIGKILL in 1h, Ctrl-C again to kill now\n',
    );
    expect(announced).toBeGreaterThan(-1);
    expect(announced).toBeLessThan(result.stderr.indexOf('SIGINT again: killing the attempt'));
  });

  it('an attempt that finishes its work after the interrupt still exits 128+N; its leftovers get SIGTERM', async () => {
    // The background sleep ignores SIGINT (as in any non-interactive shell): once the shell
    // has exited, the leftover gets SIGTERM, or this test would wait out the hour of grace.
    const script = 'trap "exit 0" INT; echo marker >&2; sleep 30 & wait';
    const result = await run(['--kill-after', '1h', '-S', script], {
      onSpawn: (child) => {
        void waitForOutput(child, /marker/).then(() => child.kill('SIGINT'));
      },
    });
    expect(result.code).toBe(130);
  });
});

describe('stdin', () => {
  const hashOf = (data: Buffer) =>
    // Same digest as the fixture prints.
    import('node:crypto').then(({ createHash }) => createHash('sha256').update(data).digest('hex'));

  it('replays 5 MiB byte for byte to every attempt, spooled to a file that is removed', async () => {
    const input = randomBytes(5 * 1024 * 1024);
    const result = await run(['-n', '3', '-b', '0', ...command('hash-stdin.js', '2')], {
      input,
    });
    expect(result.code).toBe(0);
    const expected = `bytes=${input.length} sha256=${await hashOf(input)}`;
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => expect(line).toContain(`attempt=${i + 1} ${expected}`));
    // While the run went on, the spool was there; `run` checked it is gone now.
    expect(lines[2]).toMatch(/tmp=retry-run-stdin-/);
  });

  it('gives a later attempt what the first read and then the rest', async () => {
    const input = randomBytes(300 * 1024);
    const result = await run(['-n', '2', '-b', '0', ...command('hash-stdin.js', '1', '10')], {
      input,
    });
    expect(result.code).toBe(0);
    const [first, second] = result.stdout.trim().split('\n');
    expect(first).toContain(`attempt=1 bytes=10 sha256=${await hashOf(input.subarray(0, 10))}`);
    expect(second).toContain(`attempt=2 bytes=${input.length} sha256=${await hashOf(input)}`);
    expect(second).toMatch(/tmp=$/);
  });

  it('a run of one attempt reads stdin itself: nothing is recorded', async () => {
    const input = randomBytes(2 * 1024 * 1024);
    const result = await run(['-n', '1', ...command('hash-stdin.js', '0')], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `attempt=1 bytes=${input.length} sha256=${await hashOf(input)} tmp=\n`,
    );
  });

  it('--stdin none gives every attempt an empty stdin', async () => {
    const result = await run(['--stdin', 'none', ...command('hash-stdin.js', '0')], {
      input: 'not for the command\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('attempt=1 bytes=0 ');
  });

  it('an open, silent stdin does not delay a command that does not read it', async () => {
    const failing = await run(['-n', '3', '-b', '0', ...command('exit-with.js', '4')], {
      openStdin: true,
    });
    expect(failing.code).toBe(4);
    expect(failing.stdout.trim().split('\n')).toHaveLength(3);
    const passing = await run(command('exit-with.js', '0'), { openStdin: true });
    expect(passing.code).toBe(0);
  });

  it('rejects an unknown --stdin mode, and --stdin in HTTP mode, as usage errors', async () => {
    const result = await run(['--stdin', 'sometimes', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain("--stdin: expected auto or none (got 'sometimes')");
    const http = await run(['--stdin', 'none', 'http://127.0.0.1:9/']);
    expect(http.code).toBe(125);
    expect(http.stderr).toContain('--stdin: works in command mode only');
  });
});

describe('nested runs', () => {
  it('warns that attempts multiply, naming outer × inner', async () => {
    const bin = fixture('../../bin/retry-run.js');
    const inner = [node, bin, '-n', '3', '-b', '0', ...command('exit-with.js', '1')];
    const result = await run(['-n', '2', '-b', '0', '--', ...inner]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(6);
    expect(result.stderr).toContain(
      'attempts multiply, up to 2 outer × 3 inner = 6 runs of the command',
    );
  });

  it('prefixes the lines of an inner run with its depth, retry-run[2]:, those of the outer with retry-run:', async () => {
    const bin = fixture('../../bin/retry-run.js');
    const inner = [node, bin, '-n', '2', '-b', '0', ...command('exit-with.js', '1')];
    const result = await run(['-n', '1', '--', ...inner]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^retry-run\[2\]: warning: running inside another retry-run \(depth 2\)/,
    );
    expect(lines.filter((l) => l.startsWith('retry-run[2]: attempt '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('retry-run: attempt 1/1 failed'))).toHaveLength(1);
    expect(lines.every((l) => /^retry-run(\[2\])?: /.test(l))).toBe(true);
  });
});

describe('on a terminal', () => {
  /**
   * Runs retry-run with a pseudo-terminal as its stdin (through util-linux `script`); what is
   * written to `script`'s stdin is typed on that terminal (`\x03` is Ctrl-C).
   */
  function onTerminal(
    args: readonly string[],
    interact?: (child: ChildProcessWithoutNullStreams) => void,
  ): Promise<{ code: number | null; output: string }> {
    const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;
    const line = [node, fixture('../../bin/retry-run.js'), ...args].map(quote).join(' ');
    return new Promise((resolve, reject) => {
      const child = spawn('script', ['-qec', line, '/dev/null'], {
        env: { PATH: process.env.PATH, NO_COLOR: '1', RETRY_RUN_TEST_TAG: TAG, TMPDIR: tmp },
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
      interact?.(child);
    });
  }

  it('the attempt inherits the terminal as its stdin', async () => {
    const result = await onTerminal([
      '--',
      node,
      '-e',
      'console.log(`tty=${process.stdin.isTTY}`)',
    ]);
    expect(result.code).toBe(0);
    expect(result.output).toContain('tty=true');
  });

  it('a timeout still ends the whole tree, grandchild included', async () => {
    const result = await onTerminal(GRANDCHILD_TIMEOUT);
    expect(result.code).toBe(124);
    const [grandchild] = pidsIn(result.output, 'grandchild');
    expect(grandchild).toBeGreaterThan(0);
    expect(isRunning(grandchild!)).toBe(false);
  });

  it('Ctrl-C reaches the attempt once (the terminal sends it); a second one kills', async () => {
    let seen = '';
    let sigintsBeforeSecond = 0;
    const result = await onTerminal(
      ['--kill-after', '1h', ...command('sleep-forever.js', '--trap')],
      (child) => {
        child.stdout.on('data', (chunk: string) => (seen += chunk));
        void waitForOutput(child, /fixture: running/, 'stdout')
          .then(() => child.stdin.write('\x03'))
          .then(() => waitForOutput(child, /got SIGINT/, 'stdout'))
          // A forwarded duplicate would arrive within moments of the terminal's own.
          .then(() => delay(500))
          .then(() => {
            sigintsBeforeSecond = seen.match(/got SIGINT/g)?.length ?? 0;
            child.stdin.write('\x03');
          });
      },
    );
    expect(result.code).toBe(130);
    expect(sigintsBeforeSecond).toBe(1);
    expect(result.output).toContain('SIGINT again: killing the attempt (SIGKILL)');
    for (const pid of pidsIn(result.output, 'pid')) expect(isRunning(pid)).toBe(false);
  });
});
