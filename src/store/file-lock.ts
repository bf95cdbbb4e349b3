import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreError } from './store.js';

export interface FileLockOptions {
  /** A lock older than this is taken to be abandoned even if its holder seems alive. */
  staleMs: number;
  /** How long to wait for a lock before giving up with a `busy` StoreError. */
  timeoutMs: number;
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

const HOST = hostname();
/** Breaking a lock takes microseconds; a guard this old was left by a breaker that died. */
const GUARD_STALE_MS = 2000;
let acquisitions = 0;
/** Waiting rounds between two looks for a dead holder (the first round looks). */
const STALE_CHECK_EVERY = 8;

/**
 * Runs `body` while holding an inter-process lock: the file `lockPath`, which appears
 * atomically with its content (written aside, then hard-linked into place; link fails when
 * the lock exists). A lock whose holder has died (same host, no such pid) or that is older
 * than `staleMs` is broken; see breakStale for why that is safe. `stillHeld` lets the body
 * check, just before it commits, that nobody broke its lock in the meantime.
 */
export async function withFileLock<T>(
  lockPath: string,
  options: FileLockOptions,
  body: (stillHeld: () => Promise<boolean>) => Promise<T>,
): Promise<T> {
  const content = await acquire(lockPath, options);
  try {
    return await body(async () => (await readText(lockPath)) === content);
  } finally {
    if ((await readText(lockPath)) === content) await unlink(lockPath).catch(() => {});
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<string> {
  const info: LockInfo = {
    pid: process.pid,
    host: HOST,
    token: `${++acquisitions}-${randomBytes(6).toString('hex')}`,
  };
  const content = JSON.stringify(info);
  const aside = `${lockPath}.${process.pid}.${info.token}.new`;
  await writeFile(aside, content);
  try {
    const started = Date.now();
    for (let round = 0; ; round++) {
      try {
        await link(aside, lockPath);
        return content;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      // A held lock is almost always a live one: look for a dead holder only now and then,
      // so that waiting under contention costs a pause, not three more file operations.
      const stale =
        round % STALE_CHECK_EVERY === 0 ? await staleContent(lockPath, options.staleMs) : undefined;
      if (stale !== undefined) {
        await breakStale(lockPath, stale);
        continue;
      }
      if (Date.now() - started > options.timeoutMs) {
        throw new StoreError(
          'busy',
          `${lockPath} has been locked by another process for over ${options.timeoutMs}ms`,
        );
      }
      // Jittered, growing pauses keep many waiting processes from moving in lockstep.
      const ceiling = Math.min(10, 1 + round);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  } finally {
    await unlink(aside).catch(() => {});
  }
}

/** The lock's content if its holder is gone (or it is too old), else undefined. */
async function staleContent(lockPath: string, staleMs: number): Promise<string | undefined> {
  const content = await readText(lockPath);
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
  const age = await stat(lockPath).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  return age > staleMs ? content : undefined;
}

/**
 * Breaks a stale lock without ever deleting a live one. The content judged stale may already
 * be gone (its holder released it and exited, and a new holder took the lock since), so the
 * lock is removed only if it still has that content, checked and removed while holding a
 * guard file that admits one breaker at a time. Nobody else can change a lock whose holder is
 * gone: releasing is its holder's, and acquiring needs the path free. A guard left by a
 * breaker that died in those few microseconds is removed once it is older than GUARD_STALE_MS.
 */
async function breakStale(lockPath: string, stale: string): Promise<void> {
  const guard = `${lockPath}.break`;
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > GUARD_STALE_MS) await unlink(guard).catch(() => {});
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
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
