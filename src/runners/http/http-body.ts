import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { access, constants, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BodyWriteError, RetryRunError } from '../../shared/errors.js';
import { temporaryBeside } from '../../store/atomic-write.js';
import { resolveOutputTarget, writeOutput, type OutputTarget } from '../../store/output-target.js';
import type { BodySource } from './request.js';

/** The request body, read once before the first attempt and sent again on every attempt. */
export async function loadRequestBody(
  source: BodySource | undefined,
  stdin: () => Readable,
): Promise<Buffer | undefined> {
  if (!source) return undefined;
  if (source.kind === 'text') return Buffer.from(source.text);
  if (source.kind === 'file') return readInputFile(source.path, source.flag);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Where `--output` goes (README "Output files"); fails before any attempt when it could not be
 * written at all. A FIFO's reader may come later, so only the permission is checked here.
 */
export async function resolveOutput(path: string): Promise<OutputTarget> {
  let where = path;
  try {
    const target = await resolveOutputTarget(path);
    // A regular file is created in its directory; anything else is opened where it is.
    if (target.kind !== 'stdio') {
      where = target.kind === 'regular' ? dirname(target.path) : target.path;
      await access(where, constants.W_OK);
    }
    return target;
  } catch (error) {
    throw new RetryRunError(
      `--output: cannot write to '${where}': ${(error as Error).message}`,
      'ERR_UNWRITABLE_OUTPUT',
    );
  }
}

/** A file named by a flag; unreadable is retry-run's own error (exit 125), before any attempt. */
export async function readInputFile(path: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new RetryRunError(
      `${flag}: cannot read '${path}': ${(error as Error).message}`,
      'ERR_UNREADABLE_FILE',
    );
  }
}

/** Where a successful response's body goes while it streams in. */
export interface BodySink {
  write(chunk: Uint8Array): Promise<void>;
  /** Bytes written so far. */
  readonly written: number;
  /** The attempt succeeded: make the body visible (`--output`: rename into place). */
  commit(): Promise<void>;
  /** The attempt failed: leave nothing behind. */
  discard(): Promise<void>;
}

/** stdout: bytes go out as they arrive, so nothing is held in memory. */
export function streamSink(stream: Writable): BodySink {
  // A closed pipe (`| head`) must not crash retry-run; the next write sees `errored`.
  stream.on('error', () => {});
  let written = 0;
  return {
    get written() {
      return written;
    },
    write: async (chunk) => {
      written += chunk.length;
      await writeChunk(stream, chunk);
    },
    commit: async () => {},
    discard: async () => {},
  };
}

/**
 * `--output`: the body goes to a temporary file and reaches the target only on success. For a
 * regular file the temporary is beside it (so the rename stays on one file system and is
 * atomic); a device, FIFO or descriptor cannot be renamed over, so the held body is copied
 * into it once the attempt has succeeded.
 */
export function fileSink(target: OutputTarget): BodySink {
  const regular = target.kind === 'regular';
  const temporary = temporaryBeside(regular ? target.path : join(tmpdir(), 'retry-run-body'));
  const publish = async () => {
    if (regular) return rename(temporary, target.path);
    const held = createReadStream(temporary);
    try {
      await writeOutput(target, held);
    } finally {
      held.destroy();
    }
    await rm(temporary, { force: true });
  };
  let file: WriteStream | undefined;
  let written = 0;
  const open = () => {
    // Held in the shared temporary directory, the body is for this user's eyes only.
    const mode = regular ? 0o666 : 0o600;
    file ??= createWriteStream(temporary, { flags: 'wx', mode }).on('error', () => {});
    return file;
  };
  const close = async () => {
    if (!file) return;
    if (!file.closed) {
      file.end();
      await once(file, 'close').catch(() => {});
    }
    if (file.errored) throw new BodyWriteError(file.errored);
  };
  return {
    get written() {
      return written;
    },
    write: async (chunk) => {
      written += chunk.length;
      await writeChunk(open(), chunk);
    },
    commit: async () => {
      open(); // an empty body makes an empty file
      try {
        await close();
        await publish();
      } catch (error) {
        await rm(temporary, { force: true });
        throw error instanceof BodyWriteError ? error : new BodyWriteError(error, target.path);
      }
    },
    discard: async () => {
      await close().catch(() => {});
      await rm(temporary, { force: true });
    },
  };
}

async function writeChunk(stream: Writable, chunk: Uint8Array): Promise<void> {
  if (stream.errored) throw new BodyWriteError(stream.errored);
  try {
    if (!stream.write(chunk)) await once(stream, 'drain');
  } catch (error) {
    throw new BodyWriteError(error);
  }
}
