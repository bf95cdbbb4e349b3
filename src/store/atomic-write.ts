import { randomHex } from '../shared/random.js';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Last look before the rename, e.g. that a lock still holds; throwing writes nothing. */
  beforeRename?: () => Promise<void>;
  /** The new file's mode (before the umask); state files are 0600. */
  mode?: number;
}

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader (or
 * a crash) sees the old file or the new one, never half of one. Not fsynced: an fsync per
 * update costs ~20 ms, and the state and reports retry-run keeps can afford to lose their last
 * update to a power cut (ext4 and xfs flush a file renamed over another before the rename is
 * committed, so no empty file appears).
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array | AsyncIterable<Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = temporaryBeside(path);
  try {
    await writeFile(temporary, text, { mode: options.mode ?? 0o644, flag: 'wx' });
    await options.beforeRename?.();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A hidden, unique name in the same directory as `path` (so a rename stays atomic). */
export function temporaryBeside(path: string): string {
  const unique = `${process.pid}.${randomHex(4)}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}
