import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Random hex digits for names that must not be guessed or collide: temporary files, lock
 * tokens, lease holders. Read from /dev/urandom rather than through `node:crypto`, whose
 * loading costs every run about 4 ms of start-up (README "Performance") while a plain run
 * needs nothing else from it. Where /dev/urandom cannot be read, `node:crypto` serves.
 *
 * @example
 * ```ts
 * randomHex(4); // 'c0ffee42'
 * ```
 */
export function randomHex(bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      for (let filled = 0; filled < bytes;) {
        const read = readSync(fd, buffer, filled, bytes - filled, null);
        if (read <= 0) throw new Error('/dev/urandom ended');
        filled += read;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
  }
  return buffer.toString('hex');
}
