import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterruptReason } from '../../../src/engine/types.js';
import {
  argvCommand,
  createCommandRunner,
  shellCommand,
} from '../../../src/runners/command/command.js';
import { descriptorsOpenedSince, isRunning, openDescriptors } from '../../helpers/processes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retry-run-runner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until the command has written `file` (its cue that it is ready), then reads it. */
async function cue(file: string): Promise<string> {
  const path = join(dir, file);
  while (!existsSync(path) || readFileSync(path, 'utf8') === '') await delay(10);
  return readFileSync(path, 'utf8').trim();
}

// stdin 'none': the test worker's own stdin is not ours to record or close.
const runnerFor = (script: string, killAfterMs = 60_000) =>
  createCommandRunner({ command: shellCommand(script), killAfterMs, stdin: 'none' });

describe('the command runner', () => {
  it('close() kills a running attempt and all it started (the internal-error path)', async () => {
    const runner = runnerFor(`sleep 300 & echo $! > ${dir}/gc; wait`);
    const attempt = runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
    });
    const grandchild = Number(await cue('gc'));
    await runner.close!();
    expect(await attempt).toMatchObject({ ok: false, signal: 'SIGKILL', exitCode: 137 });
    expect(isRunning(grandchild)).toBe(false);
  });

  it('passes the interrupt signal on, and SIGKILLs at once when it is escalated', async () => {
    // The whole group outlives SIGINT and SIGTERM (the shell notes each one it gets and keeps
    // waiting); only the escalation can end it.
    const runner = runnerFor(
      `trap 'echo got >> ${dir}/int' INT TERM; sleep 300 & echo $! > ${dir}/gc; while :; do wait; done`,
    );
    const controller = new AbortController();
    const escalation = new AbortController();
    const attempt = runner.run({ attempt: 1, maxAttempts: 1, signal: controller.signal });
    const grandchild = Number(await cue('gc'));
    const reason: InterruptReason = {
      signal: 'SIGINT',
      exitCode: 130,
      escalate: escalation.signal,
    };
    controller.abort(reason);
    await cue('int');
    expect(isRunning(grandchild)).toBe(true);
    escalation.abort();
    expect(await attempt).toMatchObject({ signal: 'SIGKILL' });
    expect(isRunning(grandchild)).toBe(false);
    await runner.close!();
  });

  it('marks an attempt ended by its time limit with the limit that ended it', async () => {
    const runner = runnerFor('sleep 300', 1000);
    const result = await runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
      timeLimit: { ms: 20, reason: 'deadline' },
    });
    expect(result).toMatchObject({ ok: false, exitCode: 124, timedOut: 'deadline' });
    await runner.close!();
  });

  it('a limit that passes while leftovers are being ended does not undo a success', async () => {
    // The command exits 0 at once, leaving a SIGTERM-proof process that takes the whole
    // 4s grace to end; the 2s limit passes meanwhile.
    const runner = runnerFor(
      `(trap '' TERM; echo ok > ${dir}/ready; sleep 300) & ` +
        `while [ ! -s ${dir}/ready ]; do sleep 0.01; done; exit 0`,
      4000,
    );
    const result = await runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
      timeLimit: { ms: 2000, reason: 'timeout' },
    });
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
    expect(result.timedOut).toBeUndefined();
    await runner.close!();
  });

  it('a command the system refuses to start (E2BIG) is a failed attempt, exit 126', async () => {
    const runner = createCommandRunner({
      command: argvCommand(['true', 'x'.repeat(3_000_000)]),
      killAfterMs: 1000,
      stdin: 'none',
    });
    const result = await runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ ok: false, exitCode: 126, errorCode: 'E2BIG' });
    await runner.close!();
  });

  it('with output teed: a time limit still ends an attempt that prints without end', async () => {
    const runner = createCommandRunner({
      command: shellCommand('yes retrying | head -c 2000000000; sleep 300'),
      killAfterMs: 1000,
      stdin: 'none',
      capture: { tails: true, stdout: 'final' }, // held: keeps the test's stdout clean
    });
    const result = await runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
      timeLimit: { ms: 300, reason: 'timeout' },
    });
    expect(result).toMatchObject({ ok: false, exitCode: 124, timedOut: 'timeout' });
    expect(result.stdoutTail).toContain('retrying\nretrying\n');
    await runner.close!();
  });

  it('with output teed: a command that cannot start leaves no descriptor behind', async () => {
    const before = openDescriptors();
    const runner = createCommandRunner({
      command: argvCommand(['true', 'x'.repeat(3_000_000)]),
      killAfterMs: 1000,
      stdin: 'none',
      capture: { tails: true, stdout: 'live' },
    });
    const result = await runner.run({
      attempt: 1,
      maxAttempts: 1,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ ok: false, exitCode: 126, stdoutTail: '', stderrTail: '' });
    await runner.close!();
    expect(descriptorsOpenedSince(before)).toEqual([]);
  });
});
