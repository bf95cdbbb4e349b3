import { randomHex } from '../../shared/random.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, openSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Both ends of one pipe: the child gets `write` as its stdio, we read `read`. */
export interface PipeEnds {
  read: number;
  write: number;
}

/**
 * `count` pipes we can read with a reused buffer (output-tee.ts), made as FIFOs (mode 600,
 * fresh random names: mkfifo refuses a name that exists) and unlinked as soon as both ends are
 * open: the descriptors are then the only way to them, so nothing is left behind whatever
 * happens to retry-run later. Node has no pipe() nor mkfifo(), hence one short `mkfifo` per
 * attempt (about the cost of spawning `true`, paid only when output is teed). Undefined when
 * FIFOs cannot be made here (no mkfifo, a directory that refuses them): the caller then falls
 * back to Node's own stdio pipes.
 */
export async function openPipes(
  count: number,
  directory = tmpdir(),
): Promise<PipeEnds[] | undefined> {
  const name = `retry-run-${process.pid}-${randomHex(16)}`;
  const paths = Array.from({ length: count }, (_, i) => join(directory, `${name}-${i}`));
  const opened: number[] = [];
  try {
    const mkfifo = spawn('mkfifo', ['-m', '600', ...paths], { stdio: 'ignore' });
    const [code] = (await once(mkfifo, 'exit')) as [number | null];
    if (code !== 0) return undefined;
    return paths.map((path) => {
      // The read end first and non-blocking, so neither open waits for the other side. The
      // write end stays blocking: the child gets an ordinary pipe. Node opens with O_CLOEXEC,
      // so no other child inherits either end.
      const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      opened.push(read);
      const write = openSync(path, constants.O_WRONLY);
      opened.push(write);
      return { read, write };
    });
  } catch {
    opened.forEach((fd) => closeSync(fd));
    return undefined;
  } finally {
    for (const path of paths) {
      try {
        unlinkSync(path);
      } catch {
        // Never made (mkfifo failed part way) or already gone.
      }
    }
  }
}
