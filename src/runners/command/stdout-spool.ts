import { randomHex } from '../../shared/random.js';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { OutputWriteError } from '../../shared/errors.js';

/** Chunks of the held file as written out: each write is awaited, so they are large. */
const READ_BYTES = 1024 * 1024;

/**
 * One attempt's stdout held in a temporary file (`--stdout final`; README, Holding stdout), never in memory.
 * The file is unlinked as soon as it is open, so nothing is left behind even if retry-run is
 * killed: the open handle is the only way to it.
 */
export interface SpoolFile {
  /** Where the attempt's stdout goes. */
  readonly writable: Writable;
  /** Waits until everything written has reached the file, or writing it failed. */
  endWriting(): Promise<void>;
  /** Why the file could not hold the whole output (a full disk), if it could not. */
  readonly failure: Error | undefined;
  /**
   * Copies the held output to `destination` once, honouring its backpressure; then frees it.
   * Rejects when `destination` cannot take it (disk full, closed pipe): the output is lost.
   */
  release(destination: Writable, seen?: (chunk: Uint8Array) => void): Promise<void>;
  /** Frees the file without copying it. */
  discard(): Promise<void>;
}

export async function openSpoolFile(directory = tmpdir()): Promise<SpoolFile> {
  const path = join(directory, `retry-run-stdout-${process.pid}-${randomHex(16)}`);
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx+', 0o600);
    await unlink(path);
  } catch (error) {
    throw new OutputWriteError(
      `--stdout final: cannot create a temporary file in ${directory}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const writable = handle.createWriteStream({ autoClose: false });
  let failure: Error | undefined;
  // A full disk: the tee sees the error too and stops the attempt; the verdict is ours.
  writable.on('error', (error) => (failure ??= error));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    writable.destroy();
    await handle.close();
  };
  return {
    writable,
    get failure() {
      return failure;
    },
    endWriting: async () => {
      if (!writable.writableEnded && !writable.destroyed) writable.end();
      await finished(writable).catch(() => {});
    },
    release: async (destination, seen) => {
      try {
        const held = handle.createReadStream({
          start: 0,
          autoClose: false,
          highWaterMark: READ_BYTES,
        });
        for await (const chunk of held) {
          await writeChunk(destination, chunk as Buffer);
          seen?.(chunk as Buffer);
        }
      } finally {
        await close();
      }
    },
    discard: close,
  };
}

/**
 * Writes one chunk and waits until `destination` has taken it, so that a failed write (a
 * full disk, a closed pipe) is known here rather than lost in an 'error' event nobody hears.
 */
function writeChunk(destination: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    destination.once('error', onError);
    destination.write(chunk, (error) => {
      // After a failed write the stream emits 'error' too: the listener stays to hear it.
      if (error) return reject(error);
      destination.off('error', onError);
      resolve();
    });
  });
}
