import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { RetryRunError } from '../errors.js';

/**
 * One attempt's stdout held in a temporary file (`--stdout final`, SPEC §6), never in memory.
 * The file is unlinked as soon as it is open, so nothing is left behind even if retry-run is
 * killed: the open handle is the only way to it.
 */
export interface SpoolFile {
  /** Where the attempt's stdout goes. */
  readonly writable: Writable;
  /** Waits until everything written has reached the file. */
  endWriting(): Promise<void>;
  /** Copies the held output to `destination` once, honouring its backpressure; then frees it. */
  release(destination: Writable): Promise<void>;
  /** Frees the file without copying it. */
  discard(): Promise<void>;
}

export async function openSpoolFile(directory = tmpdir()): Promise<SpoolFile> {
  const path = join(directory, `retry-run-stdout-${process.pid}-${randomUUID()}`);
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx+', 0o600);
    await unlink(path);
  } catch (error) {
    throw new RetryRunError(
      `--stdout final: cannot create a temporary file in ${directory}: ${(error as Error).message}`,
      'ERR_SPOOL',
    );
  }
  const writable = handle.createWriteStream({ autoClose: false });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    writable.destroy();
    await handle.close();
  };
  return {
    writable,
    endWriting: async () => {
      if (writable.writableFinished || writable.destroyed) return;
      const finished = once(writable, 'finish');
      writable.end();
      await finished;
    },
    release: async (destination) => {
      try {
        for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
          if (!destination.write(chunk)) await once(destination, 'drain');
        }
      } catch {
        // Our own stdout went away (a closed pipe): there is no one left to give it to.
      } finally {
        await close();
      }
    },
    discard: close,
  };
}
