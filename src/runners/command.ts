import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AttemptContext, AttemptResult, Runner } from '../engine/types.js';
import { commandFacts } from './command-facts.js';
import { prepareOutput, type CaptureOptions } from './output-capture.js';
import { openSpoolFile, type SpoolFile } from './stdout-spool.js';

/** What to run: an argv (no shell), or a script for /bin/sh -c. */
export interface CommandSpec {
  file: string;
  args: readonly string[];
  /** How the command is shown in logs. */
  display: string;
}

export interface CommandRunnerOptions {
  command: CommandSpec;
  /** Grace between SIGTERM and SIGKILL when an attempt is stopped. */
  killAfterMs: number;
  /** Environment of every attempt, before the RETRY_RUN_* variables are added. */
  env?: NodeJS.ProcessEnv;
  /** Output tails and `--stdout final`; without it the child inherits stdout and stderr. */
  capture?: CaptureOptions;
}

/** Exit codes of a command that could not be started, as shells report them. */
const NOT_FOUND_EXIT_CODE = 127;
const NOT_EXECUTABLE_EXIT_CODE = 126;
const TIMEOUT_EXIT_CODE = 124;

export function shellCommand(script: string): CommandSpec {
  return { file: '/bin/sh', args: ['-c', script], display: script };
}

export function argvCommand(argv: readonly string[]): CommandSpec {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('argvCommand needs at least the command');
  return { file, args, display: argv.map(quoteForDisplay).join(' ') };
}

/**
 * Runs the command once per attempt through node:child_process (execa costs about a third of
 * Node's start-up time to load, more than the whole budget of issue 9). Each attempt gets its
 * own process group where that is safe, so a timeout can end the whole tree.
 */
export function createCommandRunner(options: CommandRunnerOptions): Runner {
  const { command } = options;
  if (options.capture?.stdout !== 'final') {
    return { description: command.display, run: (context) => runOnce(options, context) };
  }
  // --stdout final: the attempt's stdout waits in a spool until the engine has classified it.
  let held: SpoolFile | undefined;
  return {
    description: command.display,
    run: async (context) => {
      await held?.discard();
      held = await openSpoolFile();
      return runOnce(options, context, held);
    },
    afterAttempt: async (success) => {
      const spool = held;
      held = undefined;
      await spool?.release(success ? process.stdout : process.stderr);
    },
    close: async () => {
      await held?.discard();
      held = undefined;
    },
  };
}

async function runOnce(
  options: CommandRunnerOptions,
  context: AttemptContext,
  spool?: SpoolFile,
): Promise<AttemptResult> {
  const started = performance.now();
  const tails = options.capture?.tails ?? false;
  const output = await prepareOutput({
    tails,
    stdout: spool?.writable ?? (tails ? process.stdout : undefined),
    stderr: tails ? process.stderr : undefined,
  });
  // A process group of its own lets a timeout reach grandchildren; but a background group
  // that reads the terminal would be stopped by SIGTTIN, so a terminal keeps ours.
  const ownGroup = !process.stdin.isTTY;
  const child = spawn(options.command.file, options.command.args, {
    stdio: ['inherit', ...output.stdio],
    detached: ownGroup,
    env: {
      ...(options.env ?? process.env),
      RETRY_RUN_ATTEMPT: String(context.attempt),
      RETRY_RUN_MAX_ATTEMPTS: String(context.maxAttempts),
    },
  });
  output.attach(child);
  let timedOut: 'timeout' | 'deadline' | undefined;
  const timers: NodeJS.Timeout[] = [];

  const kill = (signal: NodeJS.Signals) => {
    try {
      if (ownGroup && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  const stop = (signal: NodeJS.Signals) => {
    kill(signal);
    if (signal !== 'SIGKILL') timers.push(setTimeout(() => kill('SIGKILL'), options.killAfterMs));
  };
  if (context.timeLimit) {
    const { ms, reason } = context.timeLimit;
    timers.push(
      setTimeout(() => {
        timedOut = reason;
        stop('SIGTERM');
      }, ms),
    );
  }
  const onAbort = () => stop(abortSignalName(context.signal.reason));
  context.signal.addEventListener('abort', onAbort, { once: true });

  return new Promise((resolve) => {
    let finishing = false;
    const finish = async (exited: Omit<AttemptResult, 'durationMs'>) => {
      if (finishing) return;
      finishing = true;
      // The output may still be in the pipes: the attempt is over when it has all been read.
      const tails = await output.settle();
      await spool?.endWriting();
      timers.forEach(clearTimeout);
      context.signal.removeEventListener('abort', onAbort);
      const result = { ...exited, ...tails, durationMs: Math.round(performance.now() - started) };
      resolve({ ...result, ...commandFacts(options.command.file, result, Date.now()) });
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      void finish({
        ok: false,
        exitCode: notFound ? NOT_FOUND_EXIT_CODE : NOT_EXECUTABLE_EXIT_CODE,
        ...(error.code ? { errorCode: error.code } : {}),
        message: notFound
          ? `command not found: ${options.command.file}`
          : `cannot run ${options.command.file}: ${error.message}`,
      });
    });
    child.once('exit', (code, signal) => {
      // The group may outlive its leader: make sure nothing stays behind after a timeout.
      if (timedOut && ownGroup) kill('SIGKILL');
      if (timedOut) {
        void finish({
          ok: false,
          exitCode: TIMEOUT_EXIT_CODE,
          timedOut,
          ...(signal ? { signal } : {}),
        });
      } else if (signal) {
        void finish({ ok: false, exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      } else {
        void finish({ ok: code === 0, exitCode: code ?? 1 });
      }
    });
  });
}

function abortSignalName(reason: unknown): NodeJS.Signals {
  const signal = (reason as { signal?: unknown } | undefined)?.signal;
  return typeof signal === 'string' && signal in constants.signals
    ? (signal as NodeJS.Signals)
    : 'SIGTERM';
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
