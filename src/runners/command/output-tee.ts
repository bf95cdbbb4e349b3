import { Socket, type OnReadOpts, type SocketConstructorOpts } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import type { OutputTail } from './output-tail.js';
import { enlargePipe } from './pipe-size.js';
import {
  HELPER_OUTPUT_CLOSED,
  helperReport,
  spliceHelperFor,
  startSpliceHelper,
  type SpliceHelperPlan,
} from './splice-helper.js';

/** One of the child's output streams being copied to its destination. */
export interface Tee {
  /** Chunks seen so far: unchanged between two checks means the pipe is quiet. */
  chunks: number;
  /** A chunk is waiting for the destination: the child is held back, not quiet. */
  waitingForDrain: boolean;
  ended: Promise<void>;
  /** Stops the pipe from keeping retry-run alive (a background process still holds it). */
  detach(): void;
  /** The command has exited: a splice helper then ends the copy once the pipe is quiet. */
  commandExited(): void;
}

/**
 * Size of the one read buffer of a pipe tee: large enough to take a good part of an enlarged
 * pipe in one read, small enough to stay in the CPU's cache. 1 MiB, as before, cost up to a
 * third more CPU per byte than 128 KiB (perf: most of it in the kernel's copy into our
 * buffer); 64 KiB means more reads for the same bytes.
 */
const READ_BYTES = 128 * 1024;

/**
 * The read buffer, starting on a page boundary where it can. The kernel's copy out of a pipe
 * runs at half its speed into a buffer a few bytes past a page boundary, and glibc serves a
 * block this large from mmap, 16 bytes into a page: hence 4,080 bytes in. 1 GiB of stderr
 * through the tee took 1,090 ms against 1,855 (cat: 512). Where memory comes from elsewhere,
 * this is only as fast as any other place.
 */
function pageAlignedReadBuffer(): Buffer {
  const MALLOC_HEADER = 16;
  const skip = 4096 - MALLOC_HEADER;
  return Buffer.allocUnsafe(READ_BYTES + skip).subarray(skip);
}

/**
 * Output after which the pipe is enlarged (pipe-size.ts): a stream this busy is worth one
 * short process; the many small outputs never pay for it.
 */
const BUSY_AFTER_BYTES = 4 * 1024 * 1024;

/**
 * Copies a pipe (output-fifo.ts) to `to` through one reused buffer, read by libuv straight into
 * it (net.Socket `onread`): no Buffer per chunk and no stream machinery per chunk. Measured
 * on 2 GiB (medians against `cat` in the same run): 1.5–1.8× → 1.1–1.3× with our stdout a
 * file, 1.8–2.2× → 1.2–1.3× piped on; peak RSS 85–90 → 54–58 MiB, as no read buffers wait
 * for the GC. Reading ahead into a pool of buffers (onread's buffer function, or copies) while
 * a write is pending measured no better, so one buffer it is. Once the output is busy the
 * pipe is enlarged to 1 MiB: with 64 KiB the child and we were woken every ~14 KiB (strace:
 * 8,400 epoll wake-ups and 17,000 context switches per 512 MiB, 1,900 and 2,400 enlarged),
 * and each wake-up across CPUs is dear on some machines. The buffer is read again
 * only once `to` has let go of the previous chunk: at once when it was written synchronously
 * (files, a pipe with room), else after its callback — so a slow reader of our stdout holds
 * the child back instead of anything piling up here.
 */
export function pipeTee(
  fd: number,
  to: Writable,
  tail: OutputTail | undefined,
  onBroken: () => void,
  seen?: (chunk: Uint8Array) => void,
  /** `to` is our own stdout or stderr, this descriptor: a busy stream may go to a helper. */
  outFd?: number,
): Tee {
  const state: Tee = {
    chunks: 0,
    waitingForDrain: false,
    ended: Promise.resolve(),
    detach,
    commandExited,
  };
  let isBroken = false;
  let bytes = 0;
  let busy = false;
  /** How a helper would copy this busy stream, once `to` has taken every byte so far. */
  let plan: SpliceHelperPlan | undefined;
  let handOverWhenWritten = false;
  let helper: ChildProcess | undefined;
  let exited = false;
  let finish = () => {};
  const broken = () => {
    if (isBroken) return;
    isBroken = true;
    state.waitingForDrain = false;
    onBroken();
    from.destroy();
  };
  const written = (error?: Error | null) => {
    if (error) return broken();
    if (!state.waitingForDrain) return;
    if (handOverWhenWritten) return handOver();
    state.waitingForDrain = false;
    from.resume();
  };
  // `onread` is documented for the constructor (Node ≥ 12) but missing from @types/node 20.
  const options: SocketConstructorOpts & { onread: OnReadOpts } = {
    fd,
    readable: true,
    writable: false,
    onread: {
      buffer: pageAlignedReadBuffer(),
      callback: (length: number, buffer: Uint8Array) => {
        state.chunks++;
        bytes += length;
        if (bytes >= BUSY_AFTER_BYTES && !busy) {
          busy = true;
          plan = outFd === undefined || seen ? undefined : spliceHelperFor(outFd);
          if (plan) handOverWhenWritten = true;
          else enlargePipe(fd);
        }
        const chunk = buffer.subarray(0, length);
        tail?.push(chunk);
        seen?.(chunk);
        if (to.destroyed || to.writableEnded) {
          broken();
          return false;
        }
        to.write(chunk, written);
        // `to` still holds the chunk, which lives in our buffer: no read until it is written.
        state.waitingForDrain = true;
        if (to.writableLength > 0) return false;
        if (handOverWhenWritten) {
          // Unless `written`, called first (process.nextTick), has handed over already.
          queueMicrotask(() => handOverWhenWritten && handOver());
          return false;
        }
        state.waitingForDrain = false;
        return true;
      },
    },
  };
  const from = new Socket(options);
  from.on('error', () => undefined); // A read error ends the pipe like its end does.
  to.on('error', broken);
  state.ended = new Promise<void>((resolve) => (finish = resolve)).then(() => {
    to.off('error', broken);
  });
  from.once('close', () => finish());

  /**
   * From here the helper copies the stream (splice-helper.ts), our reading paused with the
   * pipe still open. It ends with the stream, or once quiet after the command exited, and
   * reports how on fd 3; should it fail (no perl, a perl that dies before its report, or a
   * report of a failure), we read on where it stopped. (Killed between its tee(2) into our
   * stdout's pipe and the splice(2) that takes those bytes off, it would leave them to be
   * copied once more: only a SIGKILL aimed at it does that.)
   */
  function handOver() {
    handOverWhenWritten = false;
    const started = startSpliceHelper(fd, outFd!, plan!, exited);
    if (!started) return readOn();
    helper = started;
    const kept: Buffer[] = [];
    helper.stdio[3]!.on('data', (chunk: Buffer) => kept.push(chunk));
    helper.stdio[3]!.on('error', () => undefined);
    helper.once('close', () => {
      helper = undefined;
      const report = helperReport(Buffer.concat(kept));
      if (!report) return readOn();
      // The bytes it copied are the newest so far, whatever comes after them.
      tail?.push(report.tail);
      state.chunks++;
      if (report.status === HELPER_OUTPUT_CLOSED) return broken();
      if (report.status !== 0) return readOn();
      from.destroy();
    });
  }
  function readOn() {
    enlargePipe(fd);
    state.waitingForDrain = false;
    from.resume();
  }
  function detach() {
    from.unref();
  }
  function commandExited() {
    exited = true;
    helper?.kill('SIGUSR1');
  }
  return state;
}

/**
 * Copies one of Node's own stdio pipes of the child (the fallback when no pipe of our own can
 * be made) chunk by chunk, pausing the child when `to` pushes back.
 */
export function streamTee(
  from: Readable,
  to: Writable,
  tail: OutputTail | undefined,
  onBroken: () => void,
  seen?: (chunk: Uint8Array) => void,
): Tee {
  const state: Tee = {
    chunks: 0,
    waitingForDrain: false,
    ended: Promise.resolve(),
    detach,
    commandExited: () => {},
  };
  const resume = () => {
    state.waitingForDrain = false;
    from.resume();
  };
  const broken = () => {
    state.waitingForDrain = false;
    onBroken();
    from.destroy();
  };
  to.on('error', broken);
  from.on('data', (chunk: Buffer) => {
    state.chunks++;
    tail?.push(chunk);
    seen?.(chunk);
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
