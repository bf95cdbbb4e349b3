import { fstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Which of retry-run's own output streams has lost its reader, if one has: in
 * `retry-run -- yes | head -1`, once head has exited every attempt dies of SIGPIPE, and so
 * would every retry. Asked only about an attempt that died of SIGPIPE (a shell reports 141),
 * and nothing is written to find out: a pipe is looked up in /proc, where every process that
 * still holds its read end is listed; without /proc, the attempt is taken at its word. (A
 * pipe without a reader cannot be told apart otherwise: Linux opens it for writing without
 * complaint, and a write of nothing succeeds.) A socket (a parent that spawned retry-run
 * with Node's `pipe` gets one) is not judged: its peer cannot be seen, and the attempt may
 * have died on another pipe. When retry-run tees the output, its own EPIPE says it instead.
 */
export function closedOutput(): 'stdout' | 'stderr' | undefined {
  if (readerGone(1)) return 'stdout';
  if (readerGone(2)) return 'stderr';
  return undefined;
}

/** 128 + SIGPIPE, as a shell reports a command that died of it. */
export const SIGPIPE_EXIT_CODE = 141;

function readerGone(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isFIFO()) return false;
  try {
    return !hasReader(readlinkSync(`/proc/self/fd/${fd}`));
  } catch {
    return true;
  }
}

/** O_ACCMODE and O_WRONLY of `flags:` in /proc/<pid>/fdinfo/<fd> (octal). */
const ACCESS_MODE = 0o3;
const WRITE_ONLY = 0o1;

/** Whether any process we can see holds `pipe` (`pipe:[inode]`) open for reading. */
function hasReader(pipe: string): boolean {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // Gone, or another user's.
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== pipe) continue;
        const info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
        const flags = Number.parseInt(/^flags:\s*(\d+)/m.exec(info)?.[1] ?? '1', 8);
        if ((flags & ACCESS_MODE) !== WRITE_ONLY) return true;
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return false;
}
