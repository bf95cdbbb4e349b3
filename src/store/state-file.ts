import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { StoreError, storeErrorFrom } from './store.js';

/** A document (a breaker, a budget, a lease) is a few hundred bytes; a bigger one was planted. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;
/** A log holds ~1250 records of a few hundred bytes; of a longer one only this tail is read. */
export const MAX_LOG_BYTES = 8 * 1024 * 1024;

// O_NOFOLLOW: a symlink planted in the state dir is refused, never followed. O_NONBLOCK: a
// FIFO planted there cannot hang the open (it is then refused as not a regular file).
const READ = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const APPEND =
  constants.O_WRONLY |
  constants.O_APPEND |
  constants.O_CREAT |
  constants.O_NOFOLLOW |
  constants.O_NONBLOCK;
const READ_APPEND = (APPEND & ~constants.O_WRONLY) | constants.O_RDWR;

/** A state document's text, or undefined when there is none; over MAX_DOCUMENT_BYTES is corrupt. */
export async function readDocumentFile(path: string): Promise<string | undefined> {
  return withStateFile(path, READ, async (file, stats) => {
    if (stats.size > MAX_DOCUMENT_BYTES) {
      throw new StoreError(
        'corrupt',
        `${path} is over ${MAX_DOCUMENT_BYTES / 1024} KiB: not a state document`,
      );
    }
    return file.readFile('utf8');
  });
}

export interface LogText {
  text: string;
  /** The file was longer than MAX_LOG_BYTES: `text` is its tail, from a whole line on. */
  cut: boolean;
}

/** A log's text (at most its last MAX_LOG_BYTES), or undefined when there is none. */
export async function readLogFile(path: string): Promise<LogText | undefined> {
  return withStateFile(path, READ, async (file, stats) => {
    if (stats.size <= MAX_LOG_BYTES) return { text: await file.readFile('utf8'), cut: false };
    const tail = Buffer.alloc(MAX_LOG_BYTES);
    const { bytesRead } = await file.read(tail, 0, MAX_LOG_BYTES, stats.size - MAX_LOG_BYTES);
    const text = tail.subarray(0, bytesRead).toString('utf8');
    return { text: text.slice(text.indexOf('\n') + 1), cut: true };
  });
}

/**
 * Appends one line to a log (creating it 0600) while it holds fewer than `limit` lines; false,
 * and nothing written, when it is full or longer than MAX_LOG_BYTES (the caller then cuts it
 * back). A torn last line (a crash mid-append) is ended first, so records stay apart.
 *
 * Synchronous on purpose: it ends every run (the history record), under a lock the caller
 * just took in the same folder, and its few system calls take microseconds (counting a log
 * of a thousand records takes about half a millisecond in a fresh process), where each trip
 * through libuv's thread pool costs about a millisecond of cross-thread wake-ups on a small
 * VM (README "Performance").
 */
export function appendIfRoom(path: string, line: string, limit: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, READ_APPEND, 0o600);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(path);
    if (stats.size > MAX_LOG_BYTES) return false;
    const { lines, endsLine } = countLines(fd, stats.size, limit);
    if (lines >= limit) return false;
    const torn = !endsLine;
    const bytes = Buffer.from(`${torn ? '\n' : ''}${line}\n`);
    for (let written = 0; written < bytes.length;) {
      written += writeSync(fd, bytes, written, bytes.length - written);
    }
    return true;
  } catch (error) {
    throw storeErrorFrom(error, `cannot use ${path}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * How many lines the first `size` bytes of `fd` hold (counting stops at `limit`), and whether
 * they end with a newline (or are empty). Read in pieces of up to 1 MiB, each searched as one
 * string: a piece over 128 KiB is a string in V8's large-object space, where 64 KiB pieces
 * went into the young generation, and those of a full log of a thousand records (230 KB)
 * filled it: the scavenge that followed made counting take 2.1 ms, now 0.8 (a run: 1.3 ms
 * less in the process, README "Performance"). Logs over MAX_LOG_BYTES are never counted.
 */
function countLines(fd: number, size: number, limit: number): { lines: number; endsLine: boolean } {
  const chunk = Buffer.allocUnsafe(Math.min(size, COUNT_CHUNK_BYTES));
  let lines = 0;
  let last = NEWLINE;
  for (let at = 0; at < size && lines < limit;) {
    const got = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
    if (got === 0) break; // Cut shorter meanwhile: count what is there.
    // Searched as latin1 text (one character per byte, so a newline is a newline whatever
    // the encoding): String#indexOf is V8's own, where each Buffer#indexOf goes through
    // Node's argument checks, and a log of a thousand lines took a millisecond to count.
    const text = chunk.toString('latin1', 0, got);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    last = chunk[got - 1]!;
    at += got;
  }
  return { lines, endsLine: last === NEWLINE };
}

const COUNT_CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Opens a state file without following a symlink and hands it over if it is a regular file.
 * Undefined when it does not exist; a symlink or anything else is refused as corrupt
 * (`breaker reset` removes it).
 */
async function withStateFile<T>(
  path: string,
  flags: number,
  use: (file: FileHandle, stats: Stats) => Promise<T>,
  mode?: number,
): Promise<T | undefined> {
  let file: FileHandle;
  try {
    file = await open(path, flags, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw openError(path, error);
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw notRegular(path);
    return await use(file, stats);
  } catch (error) {
    throw storeErrorFrom(error, `cannot use ${path}`);
  } finally {
    await file.close();
  }
}

function openError(path: string, error: unknown): StoreError {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
    return new StoreError('corrupt', `${path} is a symbolic link: refused, never followed`);
  }
  return storeErrorFrom(error, `cannot open ${path}`);
}

function notRegular(path: string): StoreError {
  return new StoreError('corrupt', `${path} is not a regular file: refused`);
}
