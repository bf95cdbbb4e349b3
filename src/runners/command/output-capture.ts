import type { ChildProcess } from 'node:child_process';
import { closeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { openPipes } from './output-fifo.js';
import { OutputTail } from './output-tail.js';
import { pipeTee, streamTee, type Tee } from './output-tee.js';

/** How the runner handles the command's output (set from the config by the CLI). */
export interface CaptureOptions {
  /**
   * Keep the last 64 KiB of stdout and stderr: some condition reads the output. Left out, the
   * command runner keeps them when the run's conditions read the output.
   */
  tails?: boolean;
  /** `final`: hold each attempt's stdout and write the successful one's at the end (README, Holding stdout). */
  stdout?: 'live' | 'final';
  /** Sees what the command writes to our stderr through a tee (or a failed attempt's stdout). */
  onStderr?: (chunk: Uint8Array) => void;
}

export interface OutputTails {
  stdoutTail?: string;
  stderrTail?: string;
}

/** One attempt's output: the child's stdio[1] and stdio[2], and what is kept of them. */
export interface AttemptOutput {
  /** Inherited, or the write end of a pipe of ours (a descriptor), or Node's `pipe`. */
  readonly stdio: readonly [StdioTarget, StdioTarget];
  /**
   * Starts teeing the child's output; call right after spawn, with no child when spawn threw
   * (the child's ends of our pipes are closed either way).
   */
  attach(child: ChildProcess | undefined): void;
  /**
   * Once the child has exited: resolves when its output has ended — or has gone quiet while a
   * background process still holds the pipe open — with the tails when they are kept.
   */
  settle(): Promise<OutputTails>;
  /** Our own stdout or stderr, teed to, failed with EPIPE: its reader is gone. */
  readonly closed: 'stdout' | 'stderr' | undefined;
}

type StdioTarget = 'inherit' | 'pipe' | number;

/** How long a pipe must stay silent, after the command exited, before it is left open. */
const QUIET_MS = 500;

/**
 * Chooses the child's stdout and stderr: inherited (colours and progress bars survive) unless
 * a tail is kept or stdout is held; then piped, and teed through unchanged to `stdout` /
 * `stderr` (the held spool or our own streams), pausing the child when they push back.
 */
export async function prepareOutput(options: {
  tails: boolean;
  stdout: Writable | undefined;
  stderr: Writable | undefined;
  onStderr?: ((chunk: Uint8Array) => void) | undefined;
}): Promise<AttemptOutput> {
  const streams: Array<{ name: 'stdout' | 'stderr'; to: Writable; tail?: OutputTail }> = [];
  for (const name of ['stdout', 'stderr'] as const) {
    const to = options[name];
    if (to) streams.push({ name, to, ...(options.tails ? { tail: new OutputTail() } : {}) });
  }
  const pipes = streams.length > 0 ? await openPipes(streams.length) : undefined;
  const stdio = (name: string): StdioTarget => {
    const index = streams.findIndex((s) => s.name === name);
    if (index < 0) return 'inherit';
    return pipes ? pipes[index]!.write : 'pipe';
  };
  const tees: Tee[] = [];
  let closed: 'stdout' | 'stderr' | undefined;
  return {
    stdio: [stdio('stdout'), stdio('stderr')],
    get closed() {
      return closed;
    },
    attach(child) {
      // Our copies of the write ends go, so the pipes end when the child's tree is done.
      pipes?.forEach((ends) => closeSync(ends.write));
      // Our own stdout closed early (`retry-run … | head -1`): the child meets the broken pipe
      // as if it had inherited it (SIGPIPE), rather than retry-run crashing on EPIPE.
      streams.forEach(({ name, to, tail }, index) => {
        const onBroken = () => {
          if (to === process[name]) closed ??= name;
          child?.kill('SIGPIPE');
        };
        const seen = name === 'stderr' ? options.onStderr : undefined;
        // Our own stdout or stderr itself (not a held spool): a busy stream may be spliced.
        const outFd = to === process[name] ? (name === 'stdout' ? 1 : 2) : undefined;
        if (pipes) {
          return tees.push(pipeTee(pipes[index]!.read, to, tail, onBroken, seen, outFd));
        }
        const from = child?.[name];
        if (from) tees.push(streamTee(from, to, tail, onBroken, seen));
      });
    },
    async settle() {
      await settleTees(tees);
      const result: OutputTails = {};
      for (const { name, tail } of streams) if (tail) result[`${name}Tail`] = tail.text();
      return result;
    },
  };
}

/** Waits for every tee to end, or for all to be quiet (no data, no backpressure) for QUIET_MS. */
function settleTees(tees: readonly Tee[]): Promise<void> {
  if (tees.length === 0) return Promise.resolve();
  tees.forEach((t) => t.commandExited());
  return new Promise((resolve) => {
    let seen = -1;
    const timer = setInterval(() => {
      const chunks = tees.reduce((sum, t) => sum + t.chunks, 0);
      if (chunks === seen && !tees.some((t) => t.waitingForDrain)) {
        tees.forEach((t) => t.detach());
        done();
      }
      seen = chunks;
    }, QUIET_MS);
    const done = () => {
      clearInterval(timer);
      resolve();
    };
    void Promise.all(tees.map((t) => t.ended)).then(done);
  });
}
