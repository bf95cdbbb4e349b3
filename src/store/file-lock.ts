import { randomHex } from '../shared/random.js';
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  type WriteFileOptions,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { realSleep, type Sleep } from '../shared/clock.js';
import { StoreError } from './store.js';

export interface FileLockOptions {
  /**
   * A lock not renewed for this long is taken to be abandoned even if its holder seems alive
   * (a holder renews it every staleMs / 4); so is one dated this far in the future (a clock
   * skewed on a shared volume), which would otherwise stall every waiter.
   */
  staleMs: number;
  /** How long to wait for a lock before giving up with a `busy` StoreError. */
  timeoutMs: number;
  /** Wall-clock ms: lock ages, renewals and the wait's limit. Injected in tests. */
  now?: () => number;
  /** The pauses between tries and between renewals. Injected in tests. */
  sleep?: Sleep;
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

/**
 * The lock's file operations: synchronous, behind promises. Each is one system call on a
 * small file, which takes microseconds, while a trip through libuv's thread pool costs about a
 * millisecond of cross-thread wake-ups on a small VM; and every run takes and lets go of this
 * lock to record its history (README "Performance"). The promises keep the callers, and how
 * they handle errors, as they were.
 */
const link = async (existing: string, path: string) => linkSync(existing, path);
const readdir = async (dir: string) => readdirSync(dir);
/**
 * A lock's text. Non-blocking and regular files only: a FIFO planted as a lock must not hold
 * the process in a read that, being synchronous, not even SIGTERM would end.
 */
const readFile = async (path: string) => {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
};
const stat = async (path: string) => statSync(path);
const unlink = async (path: string) => unlinkSync(path);
const utimes = async (path: string, atime: Date, mtime: Date) => utimesSync(path, atime, mtime);
const writeFile = async (path: string, data: string, options?: WriteFileOptions) =>
  writeFileSync(path, data, options);

const HOST = hostname();
/** Breaking a lock takes microseconds; a guard this old was left by a breaker that died. */
const GUARD_STALE_MS = 2000;
let acquisitions = 0;
/** Waiting rounds between two looks for a dead holder (the first round looks). */
const STALE_CHECK_EVERY = 8;

/**
 * Runs `body` while holding an inter-process lock: the file `lockPath`, which appears
 * atomically with its content (written aside, then hard-linked into place; link fails when
 * the lock exists). Its age counts from its file's mtime, which is the moment it was taken
 * (the aside is touched just before the link) and which its holder renews while it holds it:
 * a lock is never broken under a live holder however long that waited or holds. A lock whose
 * holder has died (same host, no such pid) or whose age is outside ±`staleMs` is broken; see
 * breakStale for why that is safe. `stillHeld` lets the body check, just before it commits,
 * that nobody broke its lock in the meantime.
 */
export async function withFileLock<T>(
  lockPath: string,
  options: FileLockOptions,
  body: (stillHeld: () => Promise<boolean>) => Promise<T>,
): Promise<T> {
  const clock = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep };
  const content = await acquire(lockPath, options, clock);
  // Renewal begins after a turn of the event loop: a body done before then (the history
  // append, whose file calls are synchronous) never arms a timer or an AbortController, which
  // on their first use cost a run about a millisecond each (README "Performance").
  let stopRenewal = async () => {};
  const renewal = setImmediate(() => {
    const released = new AbortController();
    const renewing = renew(lockPath, content, options.staleMs / 4, clock, released.signal);
    stopRenewal = () => {
      // A reason of our own: without one, abort() makes a DOMException (another millisecond
      // of a first use); nothing reads the reason.
      released.abort('released');
      return renewing;
    };
  });
  try {
    return await body(async () => (await readText(lockPath)) === content);
  } finally {
    clearImmediate(renewal);
    await stopRenewal();
    if ((await readText(lockPath)) === content) await unlink(lockPath).catch(() => {});
    // After the release, so that cleaning never makes a waiter wait longer.
    await removeLitter(lockPath);
  }
}

interface LockClock {
  now: () => number;
  sleep: Sleep;
}

/** Keeps a held lock young: its mtime set to now every `everyMs`, while it is still ours. */
async function renew(
  lockPath: string,
  content: string,
  everyMs: number,
  clock: LockClock,
  released: AbortSignal,
): Promise<void> {
  for (;;) {
    await clock.sleep(everyMs, released);
    if (released.aborted || (await readText(lockPath)) !== content) return;
    // Gone between the look and the touch: released by a breaker, nothing to renew.
    await touch(lockPath, clock.now()).catch(() => {});
  }
}

async function acquire(
  lockPath: string,
  options: FileLockOptions,
  clock: LockClock,
): Promise<string> {
  const info: LockInfo = {
    pid: process.pid,
    host: HOST,
    token: `${++acquisitions}-${randomHex(6)}`,
  };
  const content = JSON.stringify(info);
  const aside = `${lockPath}.${process.pid}.${info.token}.new`;
  await writeFile(aside, content);
  let asideDated = clock.now();
  await touch(aside, asideDated);
  try {
    // The wait's limit counts from the last time the lock changed hands: under heavy
    // contention a waiter may see many holders come and go, which is progress, not a stuck
    // lock; only one holder kept for timeoutMs makes it give up.
    let started = clock.now();
    let holder: string | undefined;
    for (let round = 0; ; round++) {
      // The lock's mtime is the aside's: kept recent, so a lock taken after a long wait is
      // young.
      if (clock.now() - asideDated > options.staleMs / 4) {
        asideDated = clock.now();
        await touch(aside, asideDated).catch(() => writeFile(aside, content));
      }
      try {
        await link(aside, lockPath);
        return content;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // ENOENT: an acquirer took our aside for litter (this process stalled for staleMs).
        if (code === 'ENOENT') await writeFile(aside, content);
        else if (code !== 'EEXIST') throw error;
      }
      // A held lock is almost always a live one: look for a dead holder only now and then,
      // so that waiting under contention costs a pause, not three more file operations.
      let stale: string | undefined;
      const overdue = clock.now() - started > options.timeoutMs;
      if (round % STALE_CHECK_EVERY === 0 || overdue) {
        const current = await readText(lockPath);
        if (current !== holder) {
          holder = current;
          started = clock.now();
        }
        stale = await staleContent(lockPath, current, options.staleMs, clock.now);
      }
      if (stale !== undefined) {
        await breakStale(lockPath, stale, clock.now);
        continue;
      }
      if (clock.now() - started > options.timeoutMs) {
        throw new StoreError(
          'busy',
          `${lockPath} has been locked by another process for over ${options.timeoutMs}ms`,
        );
      }
      // Jittered, growing pauses keep many waiting processes from moving in lockstep.
      const ceiling = Math.min(10, 1 + round);
      await clock.sleep(Math.random() * ceiling);
    }
  } finally {
    await unlink(aside).catch(() => {});
  }
}

/** The lock's content if its holder is gone (or its age is implausible), else undefined. */
async function staleContent(
  lockPath: string,
  content: string | undefined,
  staleMs: number,
  now: () => number,
): Promise<string | undefined> {
  if (content === undefined) return undefined;
  let info: Partial<LockInfo> = {};
  try {
    info = JSON.parse(content) as LockInfo;
  } catch {
    // Not ours or damaged: only its age can free it.
  }
  if (info.host === HOST && typeof info.pid === 'number' && !processAlive(info.pid)) {
    return content;
  }
  return implausibleAge(await ageOf(lockPath, now), staleMs) ? content : undefined;
}

/** ms since `path` was last written (negative when dated in the future); 0 when it is gone. */
function ageOf(path: string, now: () => number): Promise<number> {
  return stat(path).then(
    (s) => now() - s.mtimeMs,
    () => 0,
  );
}

/** Too old to be held, or dated so far ahead that waiting for it to age would stall. */
function implausibleAge(ageMs: number, limitMs: number): boolean {
  return Math.abs(ageMs) > limitMs;
}

function touch(path: string, ms: number): Promise<void> {
  const date = new Date(ms);
  return utimes(path, date, date);
}

/**
 * Removes the `<lock>.<pid>.<token>.new` files of processes that are gone: what an acquirer
 * killed while waiting for (or taking) this lock left behind. Called by each holder as it
 * lets go; a look at the pid costs no file operation. (A name from another host may look
 * gone here: its owner then writes its aside again, see acquire.)
 */
async function removeLitter(lockPath: string): Promise<void> {
  const prefix = `${basename(lockPath)}.`;
  const dir = dirname(lockPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.new')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    await unlink(join(dir, name)).catch(() => {});
  }
}

/**
 * Breaks a stale lock without ever deleting a live one. The content judged stale may already
 * be gone (its holder released it and exited, and a new holder took the lock since), so the
 * lock is removed only if it still has that content, checked and removed while holding a
 * guard file that admits one breaker at a time. Nobody else can change a lock whose holder is
 * gone: releasing is its holder's, and acquiring needs the path free. A guard left by a
 * breaker that died in those few microseconds is removed once it is older than GUARD_STALE_MS.
 */
async function breakStale(lockPath: string, stale: string, now: () => number): Promise<void> {
  const guard = `${lockPath}.break`;
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx' });
    await touch(guard, now());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (implausibleAge(await ageOf(guard, now), GUARD_STALE_MS)) {
      await unlink(guard).catch(() => {});
    }
    return;
  }
  try {
    if ((await readText(lockPath)) === stale) await unlink(lockPath).catch(() => {});
  } finally {
    await unlink(guard).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}
