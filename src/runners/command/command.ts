import { spawn, type ChildProcess } from 'node:child_process';
import { constants, tmpdir } from 'node:os';
import { maxAttemptsEnv } from '../attempts-env.js';
import { monotonicMs } from '../monotonic.js';
import type { CommandSpec } from './command-spec.js';
export { argvCommand, shellCommand, type CommandSpec } from './command-spec.js';
import { setLongTimeout } from '../../shared/clock.js';
import { EXIT_CODES, signalExitCode } from '../../shared/exit-codes.js';
import type {
  AttemptAftermath,
  AttemptContext,
  AttemptResult,
  InterruptReason,
  Runner,
} from '../../engine/types.js';
import { closedOutput, SIGPIPE_EXIT_CODE } from './closed-output.js';
import { checkCommandRunnerOptions, type CheckedCommandRunnerOptions } from './command-options.js';
import { needsOutput } from '../../conditions/conditions.js';
import { commandFacts } from './command-facts.js';
import type { CompiledTable } from '../../tools/compile.js';
import { prepareOutput, type CaptureOptions } from './output-capture.js';
import {
  createAttemptRegistry,
  trackAttemptProcesses,
  type AttemptProcesses,
  type AttemptRegistry,
} from '../process-group.js';
import { createStdinSource, type StdinMode, type StdinSource } from './stdin-source.js';
import { openSpoolFile, type SpoolFile } from './stdout-spool.js';

/**
 * What `createCommandRunner` runs, and how.
 *
 * @example
 * ```ts
 * import { createCommandRunner, shellCommand, type CommandRunnerOptions } from 'retry-run';
 *
 * const options: CommandRunnerOptions = {
 *   command: shellCommand('npm ci && npm test'),
 *   killAfterMs: 2000,
 *   env: { ...process.env, CI: '1' },
 *   stdin: 'none', // the attempts read nothing
 *   capture: { stdout: 'final' }, // only the successful attempt's stdout is written
 * };
 * const runner = createCommandRunner(options);
 * ```
 */
export interface CommandRunnerOptions {
  /** `argvCommand(['make', 'test'])` or `shellCommand('make test && make lint')`. */
  command: CommandSpec;
  /** Grace between SIGTERM and SIGKILL when an attempt is stopped; default 5000. */
  killAfterMs?: number;
  /** Environment of every attempt, before the RETRY_RUN_* variables are added. */
  env?: NodeJS.ProcessEnv;
  /** What the attempts read on stdin (README, stdin); default `auto`. */
  stdin?: StdinMode;
  /**
   * Output tails and `--stdout final`. Without it the child inherits stdout and stderr, unless
   * the run's conditions read the output: then it is teed and its tails kept.
   */
  capture?: CaptureOptions;
  /** Wall clock for an HTTP-date in `Retry-After:` output lines; injectable like the HTTP runner's. */
  now?: () => number;
  /**
   * The known-tool table (built-in, plus a --tools-file); default the built-in one. A function
   * is asked only when an attempt fails: a run that succeeds never builds the table.
   */
  tools?: CompiledTable | (() => CompiledTable);
}

/**
 * Runs the command once per attempt through node:child_process (execa costs about a third of
 * Node's start-up time to load, more than the whole budget of issue 9). An attempt is its
 * process group: a timeout, a deadline or a signal ends all of it, and whatever a failed
 * attempt leaves running when it exits is ended before the next attempt (process-group.ts).
 * Options are checked first: a bad one throws a UsageError naming it.
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand } from 'retry-run';
 *
 * const runner = createCommandRunner({ command: argvCommand(['npm', 'ci']), killAfterMs: 2000 });
 * const result = await retry({ runner, conditions: { retryOn: [/ETIMEDOUT|ECONNRESET/] } });
 * ```
 */
export function createCommandRunner(given: CommandRunnerOptions): Runner {
  const options = checkCommandRunnerOptions(given);
  const stdin = createStdinSource(options.stdin ?? 'auto');
  const attempts = createAttemptRegistry();
  const holdStdout = options.capture?.stdout === 'final';
  // --stdout final: the attempt's stdout waits in a spool until the engine has classified it.
  let held: SpoolFile | undefined;
  // The last attempt's processes: what it left running stays or goes with its verdict.
  let last: AttemptProcesses | undefined;
  return {
    description: options.command.display,
    run: async (context) => {
      if (holdStdout) {
        await held?.discard();
        held = await openSpoolFile();
      }
      const state = { stdin, attempts, ...(held ? { spool: held } : {}) };
      return runOnce(options, state, context, (processes) => (last = processes));
    },
    afterAttempt: async (success: boolean) => {
      const processes = last;
      const spool = held;
      last = undefined;
      held = undefined;
      // A successful attempt's background processes are left running, as a shell leaves
      // them (a service started for later steps); a failed one's would hold ports and locks
      // against the next attempt.
      const endedLeftovers = processes && !success ? await processes.endLeftovers() : 0;
      if (processes) attempts.delete(processes);
      const writeFailure = spool
        ? await releaseHeld(spool, success, options.capture?.onStderr)
        : undefined;
      return {
        ...(endedLeftovers > 0 ? { endedLeftovers } : {}),
        ...(writeFailure ? { writeFailure } : {}),
      };
    },
    close: async () => {
      attempts.killAll();
      stdin.close();
      await held?.discard();
      held = undefined;
    },
  };
}

/**
 * `--stdout final`: the successful attempt's held stdout goes to our stdout, a failed one's
 * to stderr. Output that could not be held, or not written to stdout, is lost: the attempt
 * fails with exit 23 (README, Holding stdout).
 */
async function releaseHeld(
  spool: SpoolFile,
  success: boolean,
  onStderr: ((chunk: Uint8Array) => void) | undefined,
): Promise<AttemptAftermath['writeFailure']> {
  const lost = (what: string, error: Error) => ({
    exitCode: EXIT_CODES.WRITE,
    message: `--stdout final: ${what}: ${error.message}`,
    ...((error as NodeJS.ErrnoException).code
      ? { errorCode: (error as NodeJS.ErrnoException).code! }
      : {}),
  });
  if (spool.failure) {
    await spool.discard();
    return lost(`the attempt's stdout could not be held in ${tmpdir()}`, spool.failure);
  }
  try {
    await spool.release(success ? process.stdout : process.stderr, success ? undefined : onStderr);
  } catch (error) {
    // A failed attempt's output on stderr is a courtesy; the successful one's is the result.
    if (success) return lost('the output could not be written to stdout', error as Error);
  }
  return undefined;
}

/** What the attempts of one runner share. */
interface RunnerState {
  stdin: StdinSource;
  attempts: AttemptRegistry;
  spool?: SpoolFile;
}

async function runOnce(
  options: CheckedCommandRunnerOptions,
  { stdin, attempts, spool }: RunnerState,
  context: AttemptContext,
  started: (processes: AttemptProcesses) => void,
): Promise<AttemptResult> {
  const startedAt = monotonicMs();
  const tails =
    options.capture?.tails ??
    (context.conditions !== undefined &&
      needsOutput([
        ...context.conditions.retryOn,
        ...context.conditions.stopOn,
        ...context.conditions.until,
      ]));
  const output = await prepareOutput({
    tails,
    stdout: spool?.writable ?? (tails ? process.stdout : undefined),
    stderr: tails ? process.stderr : undefined,
    onStderr: options.capture?.onStderr,
  });
  const finishWith = async (exited: Omit<AttemptResult, 'durationMs'>) => {
    // The output may still be in the pipes: the attempt is over when it has all been read.
    const outputTails = await output.settle();
    await spool?.endWriting();
    const result = {
      ...exited,
      ...outputTails,
      ...notRepeatable(output.closed ?? diedOfSigpipe(exited), stdin.replayFailure()),
      durationMs: Math.round(monotonicMs() - startedAt),
    };
    return {
      ...result,
      ...commandFacts(options.command.file, result, (options.now ?? Date.now)(), options.tools),
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
  started(processes);
  let timedOut: 'timeout' | 'deadline' | undefined;
  let cancelLimit = () => {};
  if (context.timeLimit) {
    const { ms, reason } = context.timeLimit;
    cancelLimit = setLongTimeout(() => {
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
  // An interrupt that came before the spawn is acted on now; later ones are listened for
  // from the next turn of the event loop, while the command starts on the other CPU: the
  // first listener on an AbortSignal costs a run about a millisecond of EventTarget set-up.
  // One that comes in between is seen by `aborted` then.
  let listening = false;
  let listen: NodeJS.Immediate | undefined;
  if (context.signal.aborted) onAbort();
  else {
    listen = setImmediate(() => {
      listening = true;
      if (context.signal.aborted) onAbort();
      else context.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  return new Promise((resolve) => {
    let finished = false;
    const finish = (exited: Omit<AttemptResult, 'durationMs'>) => {
      if (finished) return;
      finished = true;
      cancelLimit();
      if (listen) clearImmediate(listen);
      if (listening) context.signal.removeEventListener('abort', onAbort);
      escalate?.removeEventListener('abort', processes.kill);
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
      cancelLimit();
      stdin.detach();
      void processes.settle().then(() => {
        if (timedOut) {
          finish({
            ok: false,
            exitCode: EXIT_CODES.TIMEOUT,
            timedOut,
            ...(signal ? { signal } : {}),
          });
        } else if (signal) {
          finish({ ok: false, exitCode: signalExitCode(signal), signal });
        } else {
          finish({ ok: code === 0, exitCode: code ?? 1 });
        }
      });
    });
  });
}

/**
 * What makes another attempt pointless whatever it was: nobody reads our output any more (it
 * would die of SIGPIPE again), or its stdin could not be recorded to be given again.
 */
function notRepeatable(
  closed: 'stdout' | 'stderr' | undefined,
  replayFailure: string | undefined,
): Pick<AttemptResult, 'notRetryableBecause'> {
  if (closed) return { notRetryableBecause: `retry-run's ${closed} was closed by its reader` };
  return replayFailure ? { notRetryableBecause: replayFailure } : {};
}

/** Which of our outputs lost its reader, asked only of an attempt that died of SIGPIPE. */
function diedOfSigpipe(exited: Omit<AttemptResult, 'durationMs'>): 'stdout' | 'stderr' | undefined {
  const sigpipe = exited.signal === 'SIGPIPE' || exited.exitCode === SIGPIPE_EXIT_CODE;
  return sigpipe ? closedOutput() : undefined;
}

function startFailure(
  file: string,
  error: NodeJS.ErrnoException,
): Omit<AttemptResult, 'durationMs'> {
  const notFound = error.code === 'ENOENT';
  return {
    ok: false,
    exitCode: notFound ? EXIT_CODES.NOT_FOUND : EXIT_CODES.NOT_EXECUTABLE,
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
