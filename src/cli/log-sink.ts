import { closeSync, constants, openSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { UsageError } from '../shared/errors.js';
import type { LineSink } from '../report/reporter.js';
import { ownStderr } from './own-lines.js';
import { resolveOutputTarget } from '../store/output-target.js';
import { stdout } from './streams.js';

/** Where retry-run's own log goes, and how to let go of it after the run. */
export interface LogSink {
  sink: LineSink;
  close(): void;
}

/**
 * stderr, or `--log-file`. `-`, `/dev/stdout`, `/dev/stderr` are retry-run's own streams (as
 * for every output file, README "Output files"). Any other file is opened once, before
 * anything runs, for appending: a device, a FIFO or `/dev/fd/N` is written through, a symlink
 * is followed, nothing is truncated. Should a write fail later (a full disk), the rest of the
 * log goes to stderr: it is never lost.
 */
export async function openLogSink(
  path: string | undefined,
  warn: (message: string) => void,
): Promise<LogSink> {
  if (path === undefined) return { sink: ownStderr, close: () => {} };
  const target = await resolveOutputTarget(path).catch((error: unknown) => {
    throw new UsageError(`--log-file: cannot write to '${path}': ${describe(error)}`);
  });
  if (target.kind === 'stdio') {
    return { sink: target.stream === 'stdout' ? stdout() : ownStderr, close: () => {} };
  }
  const fd = openForAppending(path);
  let sink: LineSink = {
    isTTY: isatty(fd),
    write(text: string) {
      try {
        writeFully(fd, Buffer.from(text));
      } catch (error) {
        sink = ownStderr;
        warn(`--log-file: cannot write to '${path}' (${describe(error)}); the log goes on here`);
        sink.write(text);
      }
    },
  };
  return {
    sink: { isTTY: sink.isTTY, write: (text: string) => sink.write(text) },
    close: () => closeSync(fd),
  };
}

function openForAppending(path: string): number {
  let probe: number | undefined;
  try {
    // Opening a FIFO for writing waits for a reader, forever if none comes: this open fails at
    // once instead (ENXIO). Held open until the real one is, so a reader does not see an end.
    if (isFifo(path)) probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    return openSync(path, 'a');
  } catch (error) {
    const why = errorCode(error) === 'ENXIO' ? 'a FIFO that nobody reads' : describe(error);
    throw new UsageError(`--log-file: cannot write to '${path}': ${why}`);
  } finally {
    if (probe !== undefined) closeSync(probe);
  }
}

function isFifo(path: string): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false; // Not there yet: it is created.
  }
}

/** A blocking descriptor may still take part of a large write (a pipe, a signal). */
function writeFully(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) {
    offset += writeSync(fd, bytes, offset);
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** `ENOSPC: no space left on device`, without the call and path Node appends. */
function describe(error: unknown): string {
  return String((error as Error).message ?? error).split(',')[0]!;
}
