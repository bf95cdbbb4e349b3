import { spawn } from 'node:child_process';

/**
 * What a busy tee's pipe is enlarged to: Linux's default `/proc/sys/fs/pipe-max-size`, the most
 * an unprivileged process may ask for.
 */
export const BUSY_PIPE_BYTES = 1024 * 1024;

/** F_SETPIPE_SZ from <linux/fcntl.h> (F_LINUX_SPECIFIC_BASE + 7), the same on every arch. */
const F_SETPIPE_SZ = 1031;

/**
 * Asks for a larger buffer on the pipe `fd` reads or writes, so a fast child fills it while
 * we are busy and we read it in large chunks, instead of being woken (often on the other CPU)
 * for every few KiB it writes. Node has no fcntl(), so perl — in Debian and Ubuntu's base
 * system and on CI runners — makes the call on the descriptor it inherits: a pipe's size
 * belongs to the pipe, not to a descriptor. Best effort and not waited for: without perl, with
 * the user's pipe allowance used up (`pipe-user-pages-soft`) or on another kernel, the pipe
 * keeps its 64 KiB and everything works as before, only slower.
 */
export function enlargePipe(fd: number, bytes = BUSY_PIPE_BYTES): void {
  try {
    // The size as a literal: perl passes a string argument to fcntl() as a pointer.
    const call = `fcntl(STDIN, ${F_SETPIPE_SZ}, ${Math.trunc(bytes)})`;
    const perl = spawn('perl', ['-e', call], { stdio: [fd, 'ignore', 'ignore'] });
    perl.on('error', () => undefined); // no perl: the pipe stays as it is
    perl.unref();
  } catch {
    // spawn itself refused (no memory for a process): the pipe stays as it is.
  }
}
