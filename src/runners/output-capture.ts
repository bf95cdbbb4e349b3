import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { OutputTail } from './output-tail.js';

/** How the runner handles the command's output (set from the config by the CLI). */
export interface CaptureOptions {
  /** Keep the last 64 KiB of stdout and stderr: some condition reads the output. */
  tails: boolean;
  /** `final`: hold each attempt's stdout and write the successful one's at the end (SPEC §6). */
  stdout: 'live' | 'final';
}

export interface OutputTails {
  stdoutTail?: string;
  stderrTail?: string;
}

/** One attempt's output: the child's stdio[1] and stdio[2], and what is kept of them. */
export interface AttemptOutput {
  readonly stdio: readonly ['inherit' | 'pipe', 'inherit' | 'pipe'];
  /** Starts teeing the child's piped streams; call right after spawn. */
  attach(child: ChildProcess): void;
  /**
   * Once the child has exited: resolves when its output has ended — or has gone quiet while a
   * background process still holds the pipe open — with the tails when they are kept.
   */
  settle(): Promise<OutputTails>;
}

/** How long a pipe must stay silent, after the command exited, before it is left open. */
const QUIET_MS = 500;

/**
 * Chooses the child's stdout and stderr: inherited (colours and progress bars survive) unless
 * a tail is kept or stdout is held; then piped, and teed through unchanged to `stdout` /
 * `stderr` (the held spool or our own streams), pausing the child when they push back.
 */
export function prepareOutput(options: {
  tails: boolean;
  stdout: Writable | undefined;
  stderr: Writable | undefined;
}): AttemptOutput {
  const streams: Array<{ name: 'stdout' | 'stderr'; to: Writable; tail?: OutputTail }> = [];
  for (const name of ['stdout', 'stderr'] as const) {
    const to = options[name];
    if (to) streams.push({ name, to, ...(options.tails ? { tail: new OutputTail() } : {}) });
  }
  const piped = (name: string) => (streams.some((s) => s.name === name) ? 'pipe' : 'inherit');
  const tees: Tee[] = [];
  return {
    stdio: [piped('stdout'), piped('stderr')],
    attach(child) {
      for (const { name, to, tail } of streams) {
        const from = child[name];
        if (from) tees.push(tee(from, to, tail, () => child.kill('SIGPIPE')));
      }
    },
    async settle() {
      await settleTees(tees);
      const result: OutputTails = {};
      for (const { name, tail } of streams) if (tail) result[`${name}Tail`] = tail.text();
      return result;
    },
  };
}

interface Tee {
  /** Chunks seen so far: unchanged between two checks means the pipe is quiet. */
  chunks: number;
  waitingForDrain: boolean;
  ended: Promise<void>;
  detach(): void;
}

function tee(
  from: Readable,
  to: Writable,
  tail: OutputTail | undefined,
  onBroken: () => void,
): Tee {
  const state: Tee = { chunks: 0, waitingForDrain: false, ended: Promise.resolve(), detach };
  const resume = () => {
    state.waitingForDrain = false;
    from.resume();
  };
  // Our own stdout closed early (`retry-run … | head -1`): the child meets the broken pipe as
  // if it had inherited it (SIGPIPE), rather than retry-run crashing on EPIPE.
  const broken = () => {
    state.waitingForDrain = false;
    onBroken();
    from.destroy();
  };
  to.on('error', broken);
  from.on('data', (chunk: Buffer) => {
    state.chunks++;
    tail?.push(chunk);
    if (to.destroyed || to.writableEnded) return broken();
    if (!to.write(chunk)) {
      state.waitingForDrain = true;
      from.pause();
      to.once('drain', resume);
    }
  });
  state.ended = new Promise((resolve) => from.once('close', resolve)).then(() => {
    to.off('error', broken);
    to.off('drain', resume);
  });
  function detach() {
    (from as Readable & { unref?: () => void }).unref?.();
  }
  return state;
}

/** Waits for every tee to end, or for all to be quiet (no data, no backpressure) for QUIET_MS. */
function settleTees(tees: readonly Tee[]): Promise<void> {
  if (tees.length === 0) return Promise.resolve();
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
