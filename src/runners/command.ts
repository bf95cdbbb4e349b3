import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { maxAttemptsEnv } from './attempts-env.js';
import { monotonicMs } from './monotonic.js';
import type { CommandSpec } from './command-spec.js';
export { argvCommand, shellCommand, type CommandSpec } from './command-spec.js';
import { TIMEOUT_EXIT_CODE } from '../engine/retry.js';
import type { AttemptContext, AttemptResult, InterruptReason, Runner } from '../engine/types.js';
import { commandFacts } from './command-facts.js';
import { prepareOutput, type CaptureOptions } from './output-capture.js';
import {
  createAttemptRegistry,
  trackAttemptProcesses,
  type AttemptRegistry,
} from './process-group.js';
import { createStdinSource, type StdinMode, type StdinSource } from './stdin-source.js';
import { openSpoolFile, type SpoolFile } from './stdout-spool.js';

export interface CommandRunnerOptions {
  command: CommandSpec;
  /** Grace between SIGTERM and SIGKILL when an attempt is stopped. */
  killAfterMs: number;
  /** Environment of every attempt, before the RETRY_RUN_* variables are added. */
  env?: NodeJS.ProcessEnv;
  /** What the attempts read on stdin (SPEC §6); default `auto`. */
  stdin?: StdinMode;
  /** Output tails and `--stdout final`; without it the child inherits stdout and stderr. */
  capture?: CaptureOptions;
  /** Wall clock for an HTTP-date in `Retry-After:` output lines; injectable like the HTTP runner's. */
  now?: () => number;
}

/** Exit codes of a command that could not be started, as shells report them. */
const NOT_FOUND_EXIT_CODE = 127;
const NOT_EXECUTABLE_EXIT_CODE = 126;

/**
 * Runs the command once per attempt through node:child_process (execa costs about a third of
 * Node's start-up time to load, more than the whole budget of issue 9). An attempt is its
 * process group: a timeout, a deadline or a signal ends all of it, and whatever the command
 * leaves running when it exits is ended before the next attempt (process-group.ts).
 */
export function createCommandRunner(options: CommandRunnerOptions): Runner {
  const stdin = createStdinSource(options.stdin ?? 'auto');
  const attempts = createAttemptRegistry();
  const holdStdout = options.capture?.stdout === 'final';
  // --stdout final: the attempt's stdout waits in a spool until the engine has classified it.
  let held: SpoolFile | undefined;
  return {
    description: options.command.display,
    run: async (context) => {
      if (holdStdout) {
        await held?.discard();
        held = await openSpoolFile();
      }
      return runOnce(options, { stdin, attempts, ...(held ? { spool: held } : {}) }, context);
    },
    ...(holdStdout
      ? {
          afterAttempt: async (success: boolean) => {
            const spool = held;
            held = undefined;
            await spool?.release(success ? process.stdout : process.stderr);
          },
        }
      : {}),
    close: async () => {
      attempts.killAll();
      stdin.close();
      await held?.discard();
      held = undefined;
    },
  };
}

/** What the attempts of one runner share. */
interface RunnerState {
  stdin: StdinSource;
  attempts: AttemptRegistry;
  spool?: SpoolFile;
}

async function runOnce(
  options: CommandRunnerOptions,
  { stdin, attempts, spool }: RunnerState,
  context: AttemptContext,
): Promise<AttemptResult> {
  const started = monotonicMs();
  const tails = options.capture?.tails ?? false;
  const output = await prepareOutput({
    tails,
    stdout: spool?.writable ?? (tails ? process.stdout : undefined),
    stderr: tails ? process.stderr : undefined,
  });
  const finishWith = async (exited: Omit<AttemptResult, 'durationMs'>) => {
    // The output may still be in the pipes: the attempt is over when it has all been read.
    const outputTails = await output.settle();
    await spool?.endWriting();
    const result = {
      ...exited,
      ...outputTails,
      durationMs: Math.round(monotonicMs() - started),
    };
    return {
      ...result,
      ...commandFacts(options.command.file, result, (options.now ?? Date.now)()),
    };
  };
  // A process group of its own lets one kill reach grandchildren; but a background group
  // that reads the terminal is stopped by SIGTTIN, so an attempt reading the terminal stays
  // in ours (and is ended through its process tree instead).
  const ownGroup = !stdin.terminal;
  let child: ChildProcess;
  try {
    child = spawn(options.command.file, options.command.args, {
      stdio: [stdin.stdioFor(context), ...output.stdio],
      detached: ownGroup,
      env: {
        ...(options.env ?? process.env),
        RETRY_RUN_ATTEMPT: String(context.attempt),
        RETRY_RUN_MAX_ATTEMPTS: maxAttemptsEnv(context.maxAttempts),
      },
    });
  } catch (error) {
    // E2BIG, EINVAL…: Node throws these at once instead of emitting 'error'.
    output.attach(undefined);
    return finishWith(startFailure(options.command.file, error as NodeJS.ErrnoException));
  }
  output.attach(child);
  if (child.stdin) stdin.attach(child.stdin, context);
  const processes = trackAttemptProcesses(child, { ownGroup, killAfterMs: options.killAfterMs });
  attempts.add(processes);
  let timedOut: 'timeout' | 'deadline' | undefined;
  let limitTimer: NodeJS.Timeout | undefined;
  if (context.timeLimit) {
    const { ms, reason } = context.timeLimit;
    limitTimer = setTimeout(() => {
      timedOut = reason;
      processes.stop('SIGTERM');
    }, ms);
  }
  let escalate: AbortSignal | undefined;
  const onAbort = () => {
    const reason = interruptReason(context.signal.reason);
    escalate = reason.escalate;
    processes.stop(reason.signal);
    if (escalate?.aborted) processes.kill();
    else escalate?.addEventListener('abort', processes.kill, { once: true });
  };
  if (context.signal.aborted) onAbort();
  else context.signal.addEventListener('abort', onAbort, { once: true });

  return new Promise((resolve) => {
    let finished = false;
    const finish = (exited: Omit<AttemptResult, 'durationMs'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(limitTimer);
      context.signal.removeEventListener('abort', onAbort);
      escalate?.removeEventListener('abort', processes.kill);
      attempts.delete(processes);
      void finishWith(exited).then(resolve);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      // Only a failure to start ends the attempt here; once running, 'exit' does.
      if (child.pid !== undefined) return;
      stdin.detach();
      finish(startFailure(options.command.file, error));
    });
    child.once('exit', (code, signal) => {
      // The command's own end decides the result: a limit passing while its leftovers are
      // being ended (settle) does not turn a success into a timeout.
      clearTimeout(limitTimer);
      stdin.detach();
      void processes.settle().then(() => {
        if (timedOut) {
          finish({
            ok: false,
            exitCode: TIMEOUT_EXIT_CODE,
            timedOut,
            ...(signal ? { signal } : {}),
          });
        } else if (signal) {
          finish({ ok: false, exitCode: 128 + (constants.signals[signal] ?? 0), signal });
        } else {
          finish({ ok: code === 0, exitCode: code ?? 1 });
        }
      });
    });
  });
}

function startFailure(
  file: string,
  error: NodeJS.ErrnoException,
): Omit<AttemptResult, 'durationMs'> {
  const notFound = error.code === 'ENOENT';
  return {
    ok: false,
    exitCode: notFound ? NOT_FOUND_EXIT_CODE : NOT_EXECUTABLE_EXIT_CODE,
    ...(error.code ? { errorCode: error.code } : {}),
    message: notFound ? `command not found: ${file}` : `cannot run ${file}: ${error.message}`,
  };
}

/** The signal to pass on and the escalation, from the abort reason (SIGTERM if it names none). */
function interruptReason(reason: unknown): Pick<InterruptReason, 'signal' | 'escalate'> {
  const given = reason as Partial<InterruptReason> | undefined;
  const signal =
    typeof given?.signal === 'string' && given.signal in constants.signals
      ? given.signal
      : 'SIGTERM';
  const escalate = given?.escalate instanceof AbortSignal ? given.escalate : undefined;
  return { signal, ...(escalate ? { escalate } : {}) };
}
