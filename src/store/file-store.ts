import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { createDirGuard } from './safe-dir.js';
import { appendIfRoom, readDocumentFile, readLogFile } from './state-file.js';
import { decodeName, encodeName } from './state-name.js';
import {
  logLimit,
  parseDocument,
  parseLogLines,
  StoreError,
  storeErrorFrom,
  type AppendOptions,
  type StateStore,
} from './store.js';

export { encodeName } from './state-name.js';

/** Where the file store keeps its state, and how long it waits for a lock. */
export interface FileStoreOptions {
  /** The state directory; created (0700) on first write, refused when others can write it. */
  dir: string;
  lock?: Partial<FileLockOptions>;
  /** Wall-clock ms, for lease expiry. */
  now?: () => number;
}

const DEFAULT_LOCK: FileLockOptions = { staleMs: 10_000, timeoutMs: 15_000 };

/**
 * The default store (README, The state store): one directory per collection, one file per name.
 * `<dir>/<collection>/<name>.json` a document, `.lease` its lease, `.jsonl` a log; each
 * changed under its own `.lock` and replaced by atomic rename, so a reader or a crash
 * mid-write never sees half a file. State files are created 0600 and never opened through a
 * symlink; a state dir others could write to is refused (README: Sharing a state dir safely).
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createFileStore } from 'retry-run';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'retry-run-state-'));
 * const store = createFileStore({ dir });
 * await store.update<number>('counters', 'deploys', (count) => (count ?? 0) + 1);
 * console.log(await store.read('counters', 'deploys')); // 1
 * await store.close();
 * rmSync(dir, { recursive: true });
 * ```
 */
export function createFileStore(options: FileStoreOptions): StateStore {
  const lock: FileLockOptions = { ...DEFAULT_LOCK, ...options.lock };
  const now = options.now ?? Date.now;
  const folder = (collection: string) => join(options.dir, collection);
  const path = (collection: string, name: string, suffix: string) =>
    join(folder(collection), `${encodeName(name)}${suffix}`);
  const guard = createDirGuard(options.dir);
  /** Runs `body` under the lock of `file`, turning system errors into StoreErrors. */
  const locked = async <T>(
    collection: string,
    file: string,
    body: (stillHeld: () => Promise<boolean>) => Promise<T>,
  ): Promise<T> => {
    try {
      await guard.folder(collection, true);
      return await withFileLock(`${file}.lock`, lock, body);
    } catch (error) {
      throw storeErrorFrom(error, `state store ${options.dir}`);
    }
  };

  return {
    location: options.dir,

    async read<T>(collection: string, name: string) {
      if (!(await guard.folder(collection, false))) return undefined;
      return readDocument<T>(path(collection, name, '.json'));
    },

    async update<T>(collection: string, name: string, change: (current: T | undefined) => T) {
      const file = path(collection, name, '.json');
      return locked(collection, file, async (stillHeld) => {
        const current = await readDocument<T>(file);
        const next = change(current);
        if (next !== current) await writeAtomic(file, JSON.stringify(next), stillHeld);
        return next;
      });
    },

    async list(collection: string) {
      if (!(await guard.folder(collection, false))) return [];
      return listNames(folder(collection), '.json');
    },

    async delete(collection: string, name: string) {
      const file = path(collection, name, '.json');
      return locked(collection, file, async () => {
        await removeIfPresent(path(collection, name, '.lease'));
        return removeIfPresent(file);
      });
    },

    async acquireLease(collection: string, name: string, holder: string, ttlMs: number) {
      const file = path(collection, name, '.json');
      const leaseFile = path(collection, name, '.lease');
      return locked(collection, file, async (stillHeld) => {
        const lease = await readLease(leaseFile);
        if (lease && lease.holder !== holder && lease.expiresAt > now()) return false;
        await writeAtomic(
          leaseFile,
          JSON.stringify({ holder, expiresAt: now() + ttlMs }),
          stillHeld,
        );
        return true;
      });
    },

    async releaseLease(collection: string, name: string, holder: string) {
      const file = path(collection, name, '.json');
      const leaseFile = path(collection, name, '.lease');
      await locked(collection, file, async () => {
        if ((await readLease(leaseFile))?.holder === holder) await removeIfPresent(leaseFile);
      });
    },

    async append(collection: string, name: string, record: unknown, { keep }: AppendOptions) {
      const file = path(collection, name, '.jsonl');
      await locked(collection, file, async (stillHeld) => {
        if (appendIfRoom(file, JSON.stringify(record), logLimit(keep))) return;
        // Full (or too long to read whole): cut back to the newest records in one rewrite.
        const text = (await readLogFile(file))?.text ?? '';
        const lines = [...text.split('\n').filter((l) => l !== ''), JSON.stringify(record)];
        await writeAtomic(file, `${lines.slice(-keep).join('\n')}\n`, stillHeld);
      });
    },

    async prepare(collection: string) {
      await guard.folder(collection, true).catch(() => {});
    },

    async readLog<T>(collection: string, name: string) {
      if (!(await guard.folder(collection, false))) return [];
      const log = await readLogFile(path(collection, name, '.jsonl'));
      return log === undefined ? [] : parseLogLines<T>(log.text.split('\n'));
    },

    async listLogs(collection: string) {
      if (!(await guard.folder(collection, false))) return [];
      return listNames(folder(collection), '.jsonl');
    },

    async deleteLog(collection: string, name: string) {
      const file = path(collection, name, '.jsonl');
      return locked(collection, file, async () => removeIfPresent(file));
    },

    async close() {},
  };
}

async function readDocument<T>(file: string): Promise<T | undefined> {
  const text = await readDocumentFile(file);
  if (text === undefined) return undefined;
  return parseDocument<T>(text, file);
}

async function readLease(file: string): Promise<{ holder: string; expiresAt: number } | undefined> {
  const text = await readDocumentFile(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as { holder: string; expiresAt: number };
  } catch {
    return undefined; // A damaged lease is no lease: the next probe may go.
  }
}

async function listNames(folder: string, suffix: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw storeErrorFrom(error, `cannot list ${folder}`);
  }
  return entries
    .filter((entry) => entry.endsWith(suffix))
    .map((entry) => decodeName(entry.slice(0, -suffix.length)))
    .filter((name) => name !== undefined)
    .sort();
}

async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Rewrites `file` atomically, but only while this process still holds its lock. */
function writeAtomic(file: string, text: string, stillHeld: () => Promise<boolean>): Promise<void> {
  return writeFileAtomic(file, text, {
    mode: 0o600,
    beforeRename: async () => {
      if (!(await stillHeld())) {
        throw new StoreError('busy', `lost the lock on ${file} (held too long); nothing written`);
      }
    },
  });
}
