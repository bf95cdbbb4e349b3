import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';

/** A 64 KiB tmpfs as TMPDIR, filled up by a test where it needs a full disk. */
let small: string | undefined;
let skipReason = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'retry-run-small-tmp-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (mounted.status === 0) small = dir;
  else {
    rmSync(dir, { recursive: true, force: true });
    skipReason = `cannot mount a tmpfs (${String(mounted.stderr || mounted.error?.message).trim()})`;
    console.warn(`skipping the full-TMPDIR tests: ${skipReason}`);
  }
});
afterAll(() => {
  if (!small) return;
  spawnSync('umount', [small]);
  rmSync(small, { recursive: true, force: true });
});

/** Fills the small tmpfs up to the last byte; returns a function that empties it again. */
function fillSmallDisk(): () => void {
  const filler = join(small!, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (;;) writeFileSync(fd, Buffer.alloc(4096));
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(fd);
  }
  return () => rmSync(filler, { force: true });
}

/** Runs retry-run with its stdout on /dev/full. */
function runIntoDevFull(args: readonly string[]): Promise<Omit<CliResult, 'stdout'>> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', RETRY_RUN_NO_RECORD: '1' },
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

describe('--stdout final when the output cannot be written', () => {
  it('into /dev/full: exit 23 with a clear message, never success', async () => {
    const result = await runIntoDevFull(['--stdout', 'final', '--', 'echo', 'the result']);
    expect(result.code).toBe(23);
    expect(result.stderr).toContain('attempt 1/5 failed (exit 23, ');
    expect(result.stderr).toContain(
      '--stdout final: the output could not be written to stdout: ENOSPC',
    );
    expect(result.stderr).toContain('✖ stopped: not retried: its output is lost');
    expect(result.stderr).not.toContain('succeeded');
    noStackTrace(result.stderr);
  });

  it('with a full TMPDIR: the output cannot be held, exit 23 and an empty stdout', async (context) => {
    if (!small) return context.skip(skipReason);
    const result = await runCli(['--stdout', 'final', '--', 'head', '-c', '200000', '/dev/zero'], {
      env: { TMPDIR: small },
    });
    expect(result.code).toBe(23);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `--stdout final: the attempt's stdout could not be held in ${small}: ENOSPC`,
    );
    expect(result.stderr).not.toContain('attempt 2/5');
    noStackTrace(result.stderr);
  });

  it('with a TMPDIR that does not exist: exit 23 naming it', async () => {
    const missing = join(tmpdir(), 'retry-run-no-such-dir', 'tmp');
    const result = await runCli(['--stdout', 'final', '--', 'echo', 'hi'], {
      env: { TMPDIR: missing },
    });
    expect(result.code).toBe(23);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--stdout final: cannot create a temporary file in ${missing}`);
    noStackTrace(result.stderr);
  });
});

describe('replaying more than 1 MiB of stdin without room to record it', () => {
  const input = Buffer.alloc(2 * 1024 * 1024, 'a');
  const countAndFail = ['-n', '3', '-b', '0', '--', 'sh', '-c', 'wc -c; exit 1'];

  it('a missing TMPDIR: the attempt runs on the live input, then no retry, no stack trace', async () => {
    const result = await runCli(countAndFail, {
      input,
      env: { TMPDIR: join(tmpdir(), 'retry-run-no-such-dir', 'tmp') },
    });
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(String(input.length));
    expect(result.stderr).toContain(
      'not retried: its stdin could not be recorded for a replay in ',
    );
    expect(result.stderr).not.toContain('attempt 2/3');
    noStackTrace(result.stderr);
  });

  it('a full TMPDIR: the same', async (context) => {
    if (!small) return context.skip(skipReason);
    const empty = fillSmallDisk();
    try {
      const result = await runCli(countAndFail, { input, env: { TMPDIR: small } });
      expect(result.code).toBe(1);
      expect(result.stdout.trim()).toBe(String(input.length));
      expect(result.stderr).toContain(
        `not retried: its stdin could not be recorded for a replay in ${small}: ENOSPC`,
      );
      expect(result.stderr).not.toContain('attempt 2/3');
      noStackTrace(result.stderr);
    } finally {
      empty();
    }
  });

  it('an attempt that succeeds on it needs no replay: exit 0', async () => {
    const result = await runCli(['-n', '3', '--', 'wc', '-c'], {
      input,
      env: { TMPDIR: join(tmpdir(), 'retry-run-no-such-dir', 'tmp') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(String(input.length));
    noStackTrace(result.stderr);
  });
});
