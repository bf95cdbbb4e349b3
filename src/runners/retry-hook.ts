import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { RetryHook, RetryHookContext, RetryHookResult } from '../engine/hook.js';
import { EXIT_CODES, signalExitCode } from '../shared/exit-codes.js';
import { maxAttemptsEnv } from './attempts-env.js';
import { monotonicMs } from './monotonic.js';
import { createAttemptRegistry, trackAttemptProcesses } from './process-group.js';

export interface ShellHookOptions {
  /** The `--on-retry` script, run through /bin/sh -c. */
  script: string;
  killAfterMs: number;
  /** The environment of the hook, before the RETRY_RUN_* variables are added. */
  env?: NodeJS.ProcessEnv;
}

export interface ShellHook {
  run: RetryHook;
  /** SIGKILL to a hook still running (retry-run is ending). */
  close(): void;
}

/**
 * The `--on-retry` hook as a shell script. It leads a process group of its own, ended like an
 * attempt's (SIGTERM, then SIGKILL after --kill-after) at its time limit or an interrupt; it
 * reads no stdin (that belongs to the attempts) and both its streams go to retry-run's
 * stderr, so stdout stays the command's.
 */
export function createShellHook(options: ShellHookOptions): ShellHook {
  const running = createAttemptRegistry();
  return {
    run: (context) =>
      new Promise<RetryHookResult>((resolve) => {
        const started = monotonicMs();
        const took = () => Math.round(monotonicMs() - started);
        const child = spawn('/bin/sh', ['-c', options.script], {
          stdio: ['ignore', 2, 2],
          detached: true,
          env: { ...(options.env ?? process.env), ...hookEnv(context) },
        });
        const processes = trackAttemptProcesses(child, {
          ownGroup: true,
          killAfterMs: options.killAfterMs,
        });
        running.add(processes);
        let timedOut: 'timeout' | 'deadline' | undefined;
        const limit = context.timeLimit;
        const timer =
          limit &&
          setTimeout(() => {
            timedOut = limit.reason;
            processes.stop('SIGTERM');
          }, limit.ms);
        const onAbort = () => processes.stop(abortSignalName(context.signal.reason));
        if (context.signal.aborted) onAbort();
        else context.signal.addEventListener('abort', onAbort, { once: true });
        const done = (result: Omit<RetryHookResult, 'durationMs'>) => {
          clearTimeout(timer);
          context.signal.removeEventListener('abort', onAbort);
          running.delete(processes);
          resolve({ ...result, durationMs: took() });
        };
        child.once('error', (error) => {
          if (child.pid === undefined) done({ ok: false, exitCode: 127, message: error.message });
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          // What the hook left running is ended before the next attempt, as an attempt's is.
          void processes.settle().then(() => {
            if (timedOut) done({ ok: false, exitCode: EXIT_CODES.TIMEOUT, timedOut });
            else if (signal) done({ ok: false, exitCode: signalExitCode(signal), signal });
            else done({ ok: code === 0, exitCode: code ?? 1 });
          });
        });
      }),
    close: () => running.killAll(),
  };
}

/** What the hook is told about the failed attempt (README "Between attempts: --on-retry"). */
function hookEnv(context: RetryHookContext): Record<string, string> {
  return {
    RETRY_RUN_ATTEMPT: String(context.attempt),
    RETRY_RUN_MAX_ATTEMPTS: maxAttemptsEnv(context.maxAttempts),
    RETRY_RUN_EXIT_CODE: String(context.exitCode),
    RETRY_RUN_REASON: context.reason,
  };
}

/** The signal an interrupt passes on (the CLI names it on the abort reason), SIGTERM if none. */
function abortSignalName(reason: unknown): NodeJS.Signals {
  const name = (reason as { signal?: unknown } | undefined)?.signal;
  return typeof name === 'string' && name in constants.signals
    ? (name as NodeJS.Signals)
    : 'SIGTERM';
}
