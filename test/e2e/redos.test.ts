import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, type CliOptions } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/**
 * README "Regular expressions": a pattern that backtracks for hours in JavaScript, `(a+)+$` on
 * 40 a's and a b, is decided at once, and `--timeout` and signals end a run that uses one.
 */
const BACKTRACKING = '/(a+)+$/';
const BAIT = `${'a'.repeat(40)}b`;
/** Before the linear-time engine each of these hung for minutes: allow far less. */
const HUNG = 30_000;
const bait = (...args: string[]) => ['--', process.execPath, `${FIXTURES}redos-bait.js`, ...args];

let server: TestServer;
let requests = 0;
beforeAll(async () => {
  server = await startServer((_request, response) => {
    requests++;
    response.end(BAIT);
  });
});
afterAll(() => server.close());

/** A run left hung by a failing test must not go on burning a core. */
const spawned: ChildProcess[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: readonly string[], options: CliOptions = {}) {
  return runCli(args, {
    ...options,
    onSpawn: (child) => {
      spawned.push(child);
      options.onSpawn?.(child);
    },
  });
}

/** Sends SIGTERM to retry-run once `ready()` holds, checking every 20ms. */
function sigtermWhen(ready: () => boolean): CliOptions {
  return {
    onSpawn: (child) => {
      const poll = setInterval(() => {
        if (!ready()) return;
        clearInterval(poll);
        child.kill('SIGTERM');
      }, 20);
      child.on('close', () => clearInterval(poll));
    },
  };
}

/** SIGTERM once the bait is on retry-run's stdout (the tee passes it through). */
function sigtermAfterBait(): CliOptions {
  let seen = '';
  const cue = sigtermWhen(() => seen.includes(BAIT));
  return {
    onSpawn: (child) => {
      child.stdout!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
      cue.onSpawn!(child);
    },
  };
}

describe('--retry-on / --stop-on output:/(a+)+$/', () => {
  it('decides at once: no match, so exit 1 is not retried', { timeout: HUNG }, async () => {
    const result = await run([
      '-n',
      '3',
      '-b',
      '1ms',
      '--retry-on',
      `output:${BACKTRACKING}`,
      ...bait('exit', '1'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${BAIT}\n`);
    expect(result.stderr).toContain(
      `not retried: exit:1 is not in --retry-on output:${BACKTRACKING}`,
    );
    expect(result.stderr).toContain('(1 attempt,');
  });

  it('ends at --timeout 1s', { timeout: HUNG }, async () => {
    const result = await run([
      '-n',
      '2',
      '-t',
      '1s',
      '--retry-on',
      `output:${BACKTRACKING}`,
      ...bait('hang'),
    ]);
    expect(result.code).toBe(124);
    expect(result.stderr).toContain(
      `not retried: timeout is not in --retry-on output:${BACKTRACKING}`,
    );
  });

  it('ends on SIGTERM with 143', { timeout: HUNG }, async () => {
    const args = ['-n', '3', '-s', 'fixed', '-b', '1m', '--stop-on', `output:${BACKTRACKING}`];
    const result = await run([...args, ...bait('exit', '1')], sigtermAfterBait());
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('interrupted: SIGTERM received');
  });
});

describe('--until output:/(a+)+$/', () => {
  it('decides at once: not matched, so every attempt fails', { timeout: HUNG }, async () => {
    const result = await run([
      '-n',
      '2',
      '-b',
      '1ms',
      '--until',
      `output:${BACKTRACKING}`,
      ...bait('exit', '0'),
    ]);
    expect(result.stderr).toContain('attempt 2/2 failed (exit 0, --until not matched');
    expect(result.stderr).toContain('exhausted: all 2 attempts failed');
    // The command exited 0 every time, but a run that did not succeed never exits 0.
    expect(result.code).toBe(1);
  });

  it('ends at --timeout 1s', { timeout: HUNG }, async () => {
    const result = await run([
      '-n',
      '1',
      '-t',
      '1s',
      '--until',
      `output:${BACKTRACKING}`,
      ...bait('hang'),
    ]);
    expect(result.code).toBe(124);
    expect(result.stderr).toContain('attempt 1/1 failed (timed out');
  });

  it('ends on SIGTERM with 143', { timeout: HUNG }, async () => {
    const args = ['-n', '3', '-s', 'fixed', '-b', '1m', '--until', `output:${BACKTRACKING}`];
    const result = await run([...args, ...bait('exit', '0')], sigtermAfterBait());
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('interrupted: SIGTERM received');
  });
});

describe('--expect-body /(a+)+$/ against a body of 40 a and a b', () => {
  it('decides at once: the body does not match', { timeout: HUNG }, async () => {
    const result = await run(['-n', '2', '-b', '1ms', '--expect-body', BACKTRACKING, server.url]);
    expect(result.code).toBe(22);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`the body does not match --expect-body ${BACKTRACKING}`);
    expect(result.stderr).toContain('attempt 2/2 failed');
  });

  it('ends under --timeout 1s', { timeout: HUNG }, async () => {
    const result = await run(['-n', '1', '-t', '1s', '--expect-body', BACKTRACKING, server.url]);
    expect(result.code).toBe(22);
    expect(result.stderr).toContain(`the body does not match --expect-body ${BACKTRACKING}`);
  });

  it('ends on SIGTERM with 143', { timeout: HUNG }, async () => {
    const before = requests;
    const args = ['-n', '3', '-s', 'fixed', '-b', '1m', '--expect-body', BACKTRACKING];
    const result = await run(
      [...args, server.url],
      sigtermWhen(() => requests > before),
    );
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('interrupted: SIGTERM received');
  });
});

describe('a pattern too costly even for the linear-time engine', () => {
  it('ends the run with a usage error after about a second', { timeout: HUNG }, async () => {
    const pattern = '/(?:a|aa){1,1000}$/';
    const script = `process.stdout.write('a'.repeat(65536) + 'b'); process.exitCode = 1`;
    const result = await run([
      '-n',
      '3',
      '--retry-on',
      `output:${pattern}`,
      '--',
      process.execPath,
      '-e',
      script,
    ]);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(
      `retry-run: --retry-on: matching ${pattern} took longer than 1s; use a simpler regular expression`,
    );
  });
});
