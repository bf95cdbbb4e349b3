import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that always ends: each missing directory is made on its own, from the top down,
 * so a path that cannot exist fails with the system's error. Node's own recursive mkdir loops
 * forever where making a directory answers ENOENT although its parent exists (procfs, sysfs:
 * `--state /proc/x`). Synchronous inside: each is one system call of microseconds, where a
 * trip through libuv's thread pool costs a millisecond on a small VM, and a run checks its
 * state folders once (README "Performance").
 */
export async function makeDirectory(path: string, mode?: number): Promise<void> {
  try {
    mkdirSync(path, { mode });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
  }
  await makeDirectory(dirname(path), mode);
  try {
    mkdirSync(path, { mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
