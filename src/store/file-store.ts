import { appendFile, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { makeDirectory } from './make-directory.js';
import {
  logLimit,
  parseDocument,
  parseLogLines,
  StoreError,
  storeErrorFrom,
  type AppendOptions,
  type StateStore,
} from './store.js';

export interface FileStoreOptions {
  /** The state directory; created on first write. */
  dir: string;
  lock?: Partial<FileLockOptions>;
  /** Wall-clock ms, for lease expiry. */
  now?: () => number;
}

const DEFAULT_LOCK: FileLockOptions = { staleMs: 10_000, timeoutMs: 15_000 };

/**
 * The default store (SPEC §8): one directory per collection, one file per name.
 * `<dir>/<collection>/<name>.json` a document, `.lease` its lease, `.jsonl` a log; each
 * changed under its own `.lock` and replaced by atomic rename, so a reader or a crash
 * mid-write never sees half a file.
 */
export function createFileStore(options: FileStoreOptions): StateStore {
  const lock: FileLockOptions = { ...DEFAULT_LOCK, ...options.lock };
  const now = options.now ?? Date.now;
  const folder = (collection: string) => join(options.dir, collection);
  const path = (collection: string, name: string, suffix: string) =>
    join(folder(collection), `${encodeName(name)}${suffix}`);
  const madeDirs = new Set<string>();
  const ensureFolder = async (collection: string) => {
    if (madeDirs.has(collection)) return;
    await makeDirectory(folder(collection));
    madeDirs.add(collection);
  };
  /** Runs `body` under the lock of `file`, turning system errors into StoreErrors. */
  const locked = async <T>(
    collection: string,
    file: string,
    body: (stillHeld: () => Promise<boolean>) => Promise<T>,
  ): Promise<T> => {
    try {
      await ensureFolder(collection);
      return await withFileLock(`${file}.lock`, lock, body);
    } catch (error) {
      throw storeErrorFrom(error, `state store ${options.dir}`);
    }
  };

  return {
    location: options.dir,

    async read<T>(collection: string, name: string) {
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
        const text = await readIfPresent(file);
        const count = text === undefined ? 0 : countLines(text);
        if (count < logLimit(keep)) {
          // First end a torn last line (a crash mid-append), so records stay apart.
          const torn = text !== undefined && text !== '' && !text.endsWith('\n');
          return appendFile(file, `${torn ? '\n' : ''}${JSON.stringify(record)}\n`);
        }
        // Full: cut back to the newest records in one atomic rewrite.
        const lines = [...text!.split('\n').filter((l) => l !== ''), JSON.stringify(record)];
        await writeAtomic(file, `${lines.slice(-keep).join('\n')}\n`, stillHeld);
      });
    },

    async readLog<T>(collection: string, name: string) {
      const text = await readIfPresent(path(collection, name, '.jsonl'));
      return text === undefined ? [] : parseLogLines<T>(text.split('\n'));
    },

    async listLogs(collection: string) {
      return listNames(folder(collection), '.jsonl');
    },

    async deleteLog(collection: string, name: string) {
      const file = path(collection, name, '.jsonl');
      return locked(collection, file, async () => removeIfPresent(file));
    },

    async close() {},
  };
}

/** File-safe names: percent-encoding keeps `/`, `\0` and leading dots out of paths. */
export function encodeName(name: string): string {
  if (name === '') throw new StoreError('unwritable', 'a state name cannot be empty');
  return encodeURIComponent(name).replace(/^\./, '%2E').replace(/\*/g, '%2A');
}

async function readDocument<T>(file: string): Promise<T | undefined> {
  const text = await readIfPresent(file);
  if (text === undefined) return undefined;
  return parseDocument<T>(text, file);
}

async function readLease(file: string): Promise<{ holder: string; expiresAt: number } | undefined> {
  const text = await readIfPresent(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as { holder: string; expiresAt: number };
  } catch {
    return undefined; // A damaged lease is no lease: the next probe may go.
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storeErrorFrom(error, `cannot read ${file}`);
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
    .map((entry) => decodeURIComponent(entry.slice(0, -suffix.length)))
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
    beforeRename: async () => {
      if (!(await stillHeld())) {
        throw new StoreError('busy', `lost the lock on ${file} (held too long); nothing written`);
      }
    },
  });
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
