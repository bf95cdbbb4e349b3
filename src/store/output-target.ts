import { constants, createWriteStream, close, fstat, open } from 'node:fs';
import { lstat, readlink, stat, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { isatty, WriteStream as TtyWriteStream } from 'node:tty';
import { promisify } from 'node:util';
import { writeFileAtomic } from './atomic-write.js';

/**
 * A file the user points at (`-o`, `--report`, `--metrics-file`, the step summary), resolved
 * to how it may be written (README "Output files"):
 * - `stdio`: `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/1|2`: retry-run's own stream, so the
 *   bytes stay in order with what it already wrote there;
 * - `regular`: a regular file, or nothing yet: replaced atomically. `path` is where symlinks
 *   lead, so a link stays a link and its target is replaced;
 * - `through`: anything else (a device, a FIFO, `/dev/fd/N`): opened and written through,
 *   never replaced, never created.
 */
export type OutputTarget =
  | { kind: 'stdio'; path: string; stream: 'stdout' | 'stderr' }
  | { kind: 'regular'; path: string }
  | { kind: 'through'; path: string };

const STANDARD_STREAMS = new Map<string, 'stdout' | 'stderr'>([
  ['-', 'stdout'],
  ['/dev/stdout', 'stdout'],
  ['/dev/fd/1', 'stdout'],
  ['/proc/self/fd/1', 'stdout'],
  ['/dev/stderr', 'stderr'],
  ['/dev/fd/2', 'stderr'],
  ['/proc/self/fd/2', 'stderr'],
]);
/** Links into procfs whose "target" (`pipe:[123]`) is no path: opened as they are. */
const DESCRIPTOR = /^\/(dev\/fd|proc\/self\/fd|proc\/thread-self\/fd)\/\d+$/;
/** As the kernel: a chain of more links than this is a loop. */
const MAX_LINKS = 40;
/** How long a write may make no progress (a FIFO whose reader never reads) before it fails. */
export const OUTPUT_STALL_MS = 10_000;

/** Where writing `path` goes; symlinks are followed one by one, so each hop is looked at. */
export async function resolveOutputTarget(path: string): Promise<OutputTarget> {
  let current = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const stream = STANDARD_STREAMS.get(current);
    if (stream) return { kind: 'stdio', path, stream };
    if (DESCRIPTOR.test(current)) return { kind: 'through', path: current };
    const stats = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!stats || stats.isFile()) return { kind: 'regular', path: current };
    if (stats.isDirectory()) throw new Error(`${current}: is a directory`);
    if (!stats.isSymbolicLink()) return { kind: 'through', path: current };
    current = resolve(dirname(current), await readlink(current));
  }
  throw new Error(`${path}: too many levels of symbolic links`);
}

export type OutputContent = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface WriteOutputOptions {
  /** Add to a regular file instead of replacing it (the step summary). */
  append?: boolean;
  /** For `stdio` targets; the process's own streams unless a test gives others. */
  stdio?: { stdout: Writable; stderr: Writable };
  stallMs?: number;
}

/** Writes `content` where `path` points (the caller names the path in a failure's message). */
export async function writeOutputFile(
  path: string,
  content: OutputContent,
  options: WriteOutputOptions = {},
): Promise<void> {
  await writeOutput(await resolveOutputTarget(path), content, options);
}

export async function writeOutput(
  target: OutputTarget,
  content: OutputContent,
  options: WriteOutputOptions = {},
): Promise<void> {
  if (target.kind === 'regular') {
    if (options.append) return writeFile(target.path, content, { flag: 'a' });
    return writeFileAtomic(target.path, content);
  }
  const stallMs = options.stallMs ?? OUTPUT_STALL_MS;
  if (target.kind === 'stdio') {
    const stdio = options.stdio ?? { stdout: process.stdout, stderr: process.stderr };
    return writeAll(stdio[target.stream], content, { stallMs, end: false });
  }
  const stream = await openThrough(target.path);
  try {
    await writeAll(stream, content, { stallMs, end: true });
  } finally {
    stream.destroy();
  }
}

const openFd = promisify(open);
const fstatFd = promisify(fstat);

/**
 * Opens a device, FIFO or descriptor for writing without creating, truncating or replacing
 * anything. O_NONBLOCK makes a FIFO nobody reads fail at once (ENXIO) instead of blocking
 * forever; O_APPEND keeps what a shell's `3>>file` already holds.
 */
async function openThrough(path: string): Promise<Writable> {
  const flags = constants.O_WRONLY | constants.O_NONBLOCK | constants.O_APPEND | constants.O_NOCTTY;
  let fd: number;
  try {
    fd = await openFd(path, flags);
  } catch (error) {
    const fifo = await stat(path).then(
      (s) => s.isFIFO(),
      () => false,
    );
    if ((error as NodeJS.ErrnoException).code === 'ENXIO' && fifo) {
      throw new Error('no process has the FIFO open for reading');
    }
    throw error;
  }
  try {
    const stats = await fstatFd(fd);
    // A pipe is polled by the event loop, so a full one waits without holding a thread.
    if (stats.isFIFO()) return new Socket({ fd, readable: false, writable: true });
    if (isatty(fd)) return new TtyWriteStream(fd);
    return createWriteStream(path, { fd });
  } catch (error) {
    close(fd, () => {});
    throw error;
  }
}

/**
 * Writes in pieces, each of which must be taken within `stallMs`: a slow reader is waited
 * for, a stuck one is not.
 */
async function writeAll(
  stream: Writable,
  content: OutputContent,
  options: { stallMs: number; end: boolean },
): Promise<void> {
  let failure: Error | undefined;
  const onError = (error: Error) => void (failure ??= error);
  stream.on('error', onError);
  const step = (act: (done: (error?: Error | null) => void) => void) =>
    new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no progress writing for ${options.stallMs / 1000}s`)),
        options.stallMs,
      );
      act((error) => {
        clearTimeout(timer);
        if (error ?? failure) reject(error ?? failure);
        else resolvePromise();
      });
    });
  try {
    for await (const chunk of pieces(content)) {
      await step((done) => stream.write(chunk, done));
    }
    if (options.end) await step((done) => stream.end(done));
  } finally {
    stream.off('error', onError);
  }
}

const PIECE_BYTES = 64 * 1024;

async function* pieces(content: OutputContent): AsyncIterable<Uint8Array> {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    yield* content;
    return;
  }
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) {
    yield bytes.subarray(start, start + PIECE_BYTES);
  }
}
