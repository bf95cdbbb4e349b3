import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Whether `pid` is a running process. A zombie counts as gone: it has exited and waits only
 * for its parent (for an orphan, init, which may take a second to reap it).
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Pids of the running processes whose environment holds `name=value` (Linux /proc). */
export function processesWithEnv(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle);
      } catch {
        return false;
      }
    })
    .filter(isRunning);
}

/** Resolves with the first match of `pattern` in the child's stderr (or stdout). */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  stream: 'stdout' | 'stderr' = 'stderr',
): Promise<RegExpMatchArray> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (!match) return;
      child[stream]!.off('data', onData);
      resolve(match);
    };
    child[stream]!.on('data', onData);
  });
}

/** This process's open descriptors, each with what it points to (Linux /proc). */
export function openDescriptors(): Map<string, string> {
  const open = new Map<string, string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      open.set(fd, readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // The listing's own descriptor, closed once it was read.
    }
  }
  return open;
}

/**
 * The descriptors open now that were not open at `before`, or point elsewhere: what the code
 * in between left behind. One that closed since does not count: a test's worker also sees the
 * late closes of the tests before it (a count of descriptors read one fewer on Node 22).
 */
export function descriptorsOpenedSince(before: Map<string, string>): string[] {
  return [...openDescriptors()]
    .filter(([fd, target]) => before.get(fd) !== target)
    .map(([fd, target]) => `${fd} -> ${target}`);
}
