import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync } from 'node:fs';

/** A named pipe at `path` (mkfifo), with nobody reading or writing it yet. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/**
 * A reader that holds the FIFO open before retry-run runs, so a writer finds it there, and
 * collects what arrived once the writer is done (the pipe keeps it until read; enough for
 * anything under the pipe's 64 KiB buffer).
 */
export function openFifoReader(path: string): { drain(): string; close(): void } {
  // Non-blocking: a blocking open would wait for a writer, and this test process is not one.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return {
    drain() {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(65536);
      for (;;) {
        let read: number;
        try {
          read = readSync(fd, buffer);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
          throw error;
        }
        if (read === 0) break;
        chunks.push(Buffer.from(buffer.subarray(0, read)));
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => closeSync(fd),
  };
}
